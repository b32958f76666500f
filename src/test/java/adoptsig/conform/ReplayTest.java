package adoptsig.conform;

import adoptsig.Fixtures;
import adoptsig.catalog.Expected;
import adoptsig.catalog.Model;
import adoptsig.catalog.Models;
import adoptsig.engine.JavaSystem;
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
    static final Path FIXTURES = Fixtures.root().resolve("src/test/resources/traces");
    static final Models MODELS = Fixtures.PROJECT.models();

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> s = Files.walk(FIXTURES)) {
            return s.filter(f -> f.getFileName().toString().startsWith("trace-")).sorted().toList().stream();
        }
    }

    static Replay.Result replay(Path fixture, Kernel kernel, String property) throws IOException {
        Model model = MODELS.model(fixture.getParent().getFileName().toString());
        Trace trace = TlcOutput.parseSavedTrace(Files.readString(fixture));
        return Replay.replay(new JavaSystem(kernel, model.bounds()), trace, Fixtures.PROJECT.catalogue().property(property));
    }

    static String propertyOf(Path fixture) {
        String f = fixture.getFileName().toString();
        return f.substring("trace-".length(), f.length() - ".txt".length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everySavedCounterexampleReplaysOnJavaWithTheSameViolation(Path fixture) throws IOException {
        String property = propertyOf(fixture);
        Model model = MODELS.model(fixture.getParent().getFileName().toString());
        assertThat(model.expected().get(property)).as("properties/expected.tsv expects this violation").isNotNull();
        assertThat(model.expected().get(property).expected()).isEqualTo(Expected.VIOLATED);
        Trace t = TlcOutput.parseSavedTrace(Files.readString(fixture));
        int recorded = model.expected().get(property).steps();
        if (recorded >= 0) assertThat(t.steps()).as("the recorded counterexample length").isEqualTo(recorded);
        Replay.Result r = replay(fixture, new Kernel(), property);
        assertThat(r.replayed()).as(r.explanation()).isTrue();
        assertThat(r.violationReproduced()).as(r.explanation()).isTrue();
    }

    @Test
    void everyRecordedViolationHasASavedCounterexample() {
        for (Model m : MODELS.models()) {
            m.expected().forEach((property, o) -> {
                if (o.expected() == Expected.VIOLATED) {
                    assertThat(FIXTURES.resolve(m.name()).resolve("trace-" + property + ".txt")).as(m.name()).exists();
                }
            });
        }
    }

    @Test
    void theReplayCheckerCanFail() throws IOException {
        Path ordered = FIXTURES.resolve("rfc-ordered/trace-TracksLiveProcessInv.txt");
        // a kernel that dequeues adoption signals newest first cannot follow TLC's trace (init reads one of two queued signals)
        Replay.Result lifo = replay(ordered, new MutantKernels.LifoDequeue(), "TracksLiveProcessInv");
        assertThat(lifo.replayed()).isFalse();
        assertThat(lifo.explanation()).startsWith("Java has no step to trace state").contains("ReadAdoption");
        // and the trace of one property does not count as a violation of another
        Path smoke = FIXTURES.resolve("rfc-ordered-smoke/trace-StoppedDetectedProp.txt");
        Replay.Result other = replay(smoke, new Kernel(), "SoundAttributionInv");
        assertThat(other.replayed()).isTrue();
        assertThat(other.violationReproduced()).isFalse();
    }
}
