package adoptsig.catalog;

import adoptsig.Fixtures;
import adoptsig.supervisor.Mechanisms;
import adoptsig.supervisor.Supervisor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue, the models table, the spec and the Java classes agree with each other. */
class CatalogueTest {
    private final Catalogue c = Fixtures.PROJECT.catalogue();
    private final Models models = Fixtures.PROJECT.models();

    private static String module(String name) throws IOException {
        return Files.readString(Fixtures.root().resolve("spec").resolve(name + ".tla"));
    }

    @Test
    void everyCataloguedPropertyAndPartIsAnOperatorOfPropertiesTla() throws IOException {
        String spec = module("Properties");
        assertThat(c.properties()).isNotEmpty();
        for (Property p : c.properties()) {
            assertThat(spec).as(p.id() + " defined in spec/Properties.tla").containsPattern("(?m)^" + p.id() + " ==");
            for (String part : p.parts()) assertThat(spec).as(part + " defined in spec/Properties.tla").containsPattern("(?m)^" + part + " ==");
        }
    }

    @Test
    void aPropertyWithPartsIsTheConjunctionOfExactlyThoseParts() throws IOException {
        String spec = module("Properties");
        for (Property p : c.properties()) {
            if (p.parts().isEmpty()) continue;
            Matcher m = Pattern.compile("(?ms)^" + p.id() + " ==(.*?)(?=^\\S|\\z)").matcher(spec);
            assertThat(m.find()).isTrue();
            assertThat(m.group(1).replaceAll("[/\\\\\\s]+", " ").trim().split(" ")).containsExactlyInAnyOrderElementsOf(p.parts());
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
            for (String part : p.parts()) assertThat(part).endsWith(p.kind() == Property.Kind.TYPE ? "TypeInv" : "Inv");
        }
    }

    /** A mechanism is a row of the table, a section of Supervisors.tla and a class of supervisor/, by one name. */
    @Test
    void everyMechanismHasItsSpecSectionAndItsJavaClassAndNothingElseDoes() throws IOException {
        String spec = module("Supervisors");
        for (Mechanism m : models.mechanisms()) {
            String s = Mechanisms.className(m.id());
            for (String op : new String[] {"Init", "Next", "Fairness", "Spec", "Believed(s)"}) {
                assertThat(spec).as(m.id() + ": " + s + op).containsPattern("(?m)^" + Pattern.quote(s + op) + " ==");
            }
            assertThat(spec).as("Believed dispatches " + m.id()).contains("Supervisor = \"" + m.id() + "\" -> " + s + "Believed(s)");
            Supervisor sup = Mechanisms.create(new adoptsig.kernel.Kernel(), models.model(m.id() + "-" + models.gridIdioms().get(0).id()).bounds());
            assertThat(sup.id()).isEqualTo(m.id());
        }
        Matcher specs = Pattern.compile("(?m)^([A-Z][A-Za-z0-9]*)Spec ==").matcher(spec);
        while (specs.find()) {
            String id = Character.toLowerCase(specs.group(1).charAt(0)) + specs.group(1).substring(1);
            assertThat(models.mechanisms()).as("spec section " + specs.group(1) + " is a mechanism of the table").anyMatch(m -> m.id().equals(id));
        }
        Matcher dispatch = Pattern.compile("Supervisor = \"(\\w+)\" ->").matcher(spec);
        int lines = 0;
        while (dispatch.find()) lines++;
        assertThat(lines).isEqualTo(models.mechanisms().size());
    }

    @Test
    void debugPropertiesProveReachabilitySomewhere() {
        for (Property p : c.properties()) {
            if (!p.isDebug()) continue;
            assertThat(models.models()).as(p.id() + " proves reachability in some model")
                    .anyMatch(m -> m.expected().containsKey(p.id()) && m.expected().get(p.id()).expected() == Expected.VIOLATED);
        }
    }

    @Test
    void theFastSuiteHasAModelUnderTenSecondsAndEveryModelARecordedCount() {
        assertThat(models.models()).filteredOn(m -> m.suite().equals("fast")).isNotEmpty().anyMatch(m -> m.seconds() >= 0 && m.seconds() < 10);
        for (Model m : models.models()) {
            assertThat(m.distinct()).as(m.name() + " has a recorded state count").isPositive();
            assertThat(m.depth()).as(m.name() + " has a recorded depth").isPositive();
        }
    }

    @Test
    void everyViolatedSafetyPropertyHasARecordedCounterexampleLength() {
        for (Model m : models.models()) {
            m.expected().forEach((p, o) -> {
                if (o.expected() == Expected.VIOLATED && c.property(p).kind().isSafety()) {
                    assertThat(o.steps()).as(m.name() + " / " + p).isPositive();
                }
            });
        }
    }

    @Test
    void theGridHasACellForEveryMechanismAndGridIdiom() {
        for (Mechanism m : models.mechanisms()) {
            for (Idiom i : models.gridIdioms()) {
                Model cell = models.cell(m, i);
                assertThat(cell.isGridCell()).isTrue();
                assertThat(cell.bounds().supervisor()).isEqualTo(m.id());
            }
        }
    }

    @Test
    void theSpecsIdiomProgramsAreTheJavaOnes() throws IOException {
        Matcher m = Pattern.compile("Programs == \\{([^}]*)\\}").matcher(module("Daemons"));
        assertThat(m.find()).isTrue();
        assertThat(m.group(1).replace("\"", "").split(",\\s*")).containsExactlyElementsOf(adoptsig.system.Bounds.PROGRAMS);
    }

    @Test
    void everyModelFolderOfSavedTracesIsAModel() throws IOException {
        try (var dirs = Files.list(Fixtures.root().resolve("src/test/resources/traces"))) {
            for (Path d : dirs.toList()) models.model(d.getFileName().toString());
        }
    }
}
