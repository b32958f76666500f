package adoptsig.conform;

import adoptsig.Project;
import adoptsig.catalog.Catalogue;
import adoptsig.kernel.Kernel;
import adoptsig.tlc.TlcOutput;
import adoptsig.tlc.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every saved TLC counterexample (src/test/resources/traces/MODEL/trace-PROPERTY.txt, copied
 * from `check` runs) replays step by step on the Java kernel and supervisor, and Java sees the
 * same property violated: the counterexamples are regression tests of the Java side.
 */
class ReplayTest {
    static final Path FIXTURES = Project.root().resolve("src/test/resources/traces");
    static final Catalogue CATALOGUE = Catalogue.load(Project.root());
    static final adoptsig.catalog.Matrix MATRIX = adoptsig.catalog.Matrix.load(Project.root(), CATALOGUE);

    /** A fixture folder is a manifest model (spec/MODEL.cfg) or a matrix cell (MECHANISM-IDIOM). */
    static boolean isCell(String model) { return CATALOGUE.models().stream().noneMatch(m -> m.name().equals(model)); }

    static adoptsig.daemon.Bounds bounds(String model) {
        return isCell(model) ? MATRIX.cell(model).bounds() : ConformanceTest.bounds(model);
    }

    static Catalogue.Expected expected(String model, String property) {
        if (!isCell(model)) return CATALOGUE.expected(model).get(property);
        var o = MATRIX.expected(model).get(property);
        return o == null ? null : o.expected();
    }

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> s = Files.walk(FIXTURES)) {
            return s.filter(f -> f.getFileName().toString().startsWith("trace-")).sorted().toList().stream();
        }
    }

    static Replay.Result replay(Path fixture, Kernel kernel, String property) throws IOException {
        String model = fixture.getParent().getFileName().toString();
        Trace trace = TlcOutput.parseSavedTrace(Files.readString(fixture));
        return Replay.replay(new JavaSystem(kernel, bounds(model)), trace, CATALOGUE.property(property));
    }

    static String propertyOf(Path fixture) {
        String f = fixture.getFileName().toString();
        return f.substring("trace-".length(), f.length() - ".txt".length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everySavedCounterexampleReplaysOnJavaWithTheSameViolation(Path fixture) throws IOException {
        String property = propertyOf(fixture);
        String model = fixture.getParent().getFileName().toString();
        assertThat(expected(model, property)).as("the catalogue (or properties/matrix.tsv) expects this violation")
                .isEqualTo(Catalogue.Expected.VIOLATED);
        if (isCell(model)) {                   // matrix traces are recent: every variable of the spec is in them
            Trace t = TlcOutput.parseSavedTrace(Files.readString(fixture));
            assertThat(t.states().get(0).vars().keySet()).containsAll(Replay.LATER_VARIABLES);
        }
        Replay.Result r = replay(fixture, new Kernel(), property);
        assertThat(r.replayed()).as(r.explanation()).isTrue();
        assertThat(r.violationReproduced()).as(r.explanation()).isTrue();
    }

    @Test
    void everyViolationInTheMatrixHasASavedCounterexample() {
        for (var cell : MATRIX.cells(0)) {
            MATRIX.expected(cell.name()).forEach((property, o) -> {
                if (o.expected() == Catalogue.Expected.VIOLATED) {
                    assertThat(FIXTURES.resolve(cell.name()).resolve("trace-" + property + ".txt")).as(cell.name()).exists();
                }
            });
        }
    }

    @Test
    void theReplayCheckerCanFail() throws IOException {
        Path dance = FIXTURES.resolve("MCAdoptionDance/trace-RunningReportedInv.txt");
        // a kernel that dequeues adoption signals newest first cannot follow TLC's trace
        assertThat(replay(dance, new MutantKernels.LifoDequeue(), "RunningReportedInv").replayed()).isFalse();
        // and the trace of one property does not count as a violation of another
        Path smoke = FIXTURES.resolve("MCAdoptionSmoke/trace-StoppedDetectedProp.txt");
        Replay.Result other = replay(smoke, new Kernel(), "SoundAttributionInv");
        assertThat(other.replayed()).isTrue();
        assertThat(other.violationReproduced()).isFalse();
    }
}
