package adoptsig.catalog;

import adoptsig.Project;
import adoptsig.check.ModelCheck;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue, the manifest, the cfgs and the spec agree with each other. */
class CatalogueTest {
    private final Catalogue c = Catalogue.load(Project.root());

    private static String spec() throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.list(Project.root().resolve("spec"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".tla")).toList()) b.append(Files.readString(f));
        }
        return b.toString();
    }

    @Test
    void everyCataloguedPropertyIsDefinedInTheSpecUnderTheSameName() throws IOException {
        String spec = spec();
        assertThat(c.properties()).isNotEmpty();
        for (Property p : c.properties()) {
            assertThat(spec).as(p.id() + " defined in spec/").containsPattern("(?m)^" + p.id() + " ==");
        }
    }

    @Test
    void namesFollowTheSuffixConvention() {
        for (Property p : c.properties()) {
            switch (p.kind()) {
                case TYPE -> assertThat(p.id()).endsWith("TypeInv");
                case INVARIANT -> assertThat(p.id()).endsWith("Inv");
                case ACTION, TEMPORAL -> assertThat(p.id()).endsWith("Prop");
            }
        }
    }

    @Test
    void everyModelsCfgNamesExactlyThePropertiesItHasVerdictsFor() {
        ModelCheck mc = new ModelCheck(c, 1, new PrintStream(OutputStream.nullOutputStream()));
        for (Model m : c.models()) {
            assertThat(mc.validatedCfg(m).properties()).containsExactlyInAnyOrderElementsOf(c.expected(m.name()).keySet());
        }
    }

    @Test
    void debugPropertiesAreExpectedToFailSomewhereAndEveryOtherPropertyToHoldSomewhereOrBeARecordedFinding() {
        for (Property p : c.properties()) {
            if (!p.isDebug()) continue;
            assertThat(c.models()).as(p.id() + " proves reachability in some model")
                    .anyMatch(m -> c.expected(m.name()).get(p.id()) == Catalogue.Expected.VIOLATED);
        }
    }

    @Test
    void theFastSuiteHasAModelUnderTenSecondsAndRecordedCounts() {
        assertThat(c.suite("fast")).isNotEmpty().anyMatch(m -> m.seconds() < 10);
        for (Model m : c.models()) assertThat(m.distinct()).as(m.name() + " has a recorded state count").isPositive();
    }
}
