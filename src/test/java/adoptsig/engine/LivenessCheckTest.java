package adoptsig.engine;

import adoptsig.Fixtures;
import adoptsig.catalog.Expected;
import adoptsig.catalog.Model;
import adoptsig.conform.JavaSystem;
import adoptsig.conform.Replay;
import adoptsig.supervisor.Fairness;
import adoptsig.system.World;
import adoptsig.tlc.TlcOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java engine's temporal verdicts earn their trust by agreement: on every catalogued model
 * of at most 40,000 states, the verdict of every temporal property equals TLC's record, and every
 * lasso it gives is a path of the Java system whose loop closes, keeps the property's promise
 * unkept, and is read back by the code that reads TLC's temporal counterexamples. Fairness
 * mutants (a group dropped) are caught by the record.
 */
class LivenessCheckTest {
    static final long SMALL = 40_000;

    static Stream<String> smallModels() {
        return Fixtures.PROJECT.models().models().stream()
                .filter(m -> m.distinct() > 0 && m.distinct() <= SMALL)
                .filter(m -> m.properties().stream().anyMatch(LivenessCheck.PROPERTIES::contains))
                .map(Model::name);
    }

    static List<String> temporal(Model m) {
        return m.properties().stream().filter(LivenessCheck.PROPERTIES::contains).toList();
    }

    @ParameterizedTest
    @MethodSource("smallModels")
    void theJavaEngineAgreesWithTlcOnEveryTemporalVerdict(String name) {
        Model m = Fixtures.PROJECT.models().model(name);
        JavaSystem sys = Fixtures.PROJECT.system(m.bounds());
        LivenessCheck.Result r = LivenessCheck.run(sys, temporal(m), SMALL * 2);
        assertThat(r.distinct()).as("distinct states").isEqualTo(m.distinct());
        assertThat(r.depth()).as("depth").isEqualTo(m.depth());
        for (String p : temporal(m)) {
            LivenessCheck.Lasso l = r.violations().get(p);
            assertThat(l == null ? Expected.HOLDS : Expected.VIOLATED).as(name + " / " + p).isEqualTo(m.expected().get(p).expected());
            if (l != null) checkLasso(sys, l);
        }
    }

    /** A lasso is a path of the system from its initial state; its loop returns where it says; read as TLC's trace, it replays and keeps the promise unkept on the loop. */
    static void checkLasso(JavaSystem sys, LivenessCheck.Lasso l) {
        List<World> path = l.path();
        assertThat(path.get(0)).isEqualTo(sys.init());
        for (int i = 1; i < path.size(); i++) assertThat(sys.successors(path.get(i - 1))).as("step " + i).contains(path.get(i));
        if (l.backTo() >= 0) assertThat(sys.successors(path.get(path.size() - 1))).as("the loop's last step").contains(path.get(l.backTo()));
        var trace = TlcOutput.parseSavedTrace(l.trace());
        assertThat(trace.states()).hasSize(path.size());
        assertThat(l.backTo() < 0 ? trace.stutters() : trace.loopsTo() == l.backTo() + 1).as(l.trace()).isTrue();
        Replay.Result rr = Replay.replay(sys, trace, Fixtures.PROJECT.catalogue().property(l.property()));
        assertThat(rr.replayed() && rr.violationReproduced()).as(l.property() + ": " + rr.explanation()).isTrue();
    }

    @Test
    void exploreCheckDecidesTemporalPropertiesAndReportsAWrongRecord(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        Fixtures.Run ok = Fixtures.cli("explore", "--check", "rfc-dance", "--root", Fixtures.root().toString(), "--out", tmp.resolve("o").toString());
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).containsPattern("StoppedDetectedProp\\s+violated").containsPattern("NotificationsReadProp\\s+holds");
        String lasso = java.nio.file.Files.readString(tmp.resolve("o/rfc-dance/trace-StoppedDetectedProp.txt"));
        assertThat(lasso).containsPattern("\\d+: (Back to state \\d+|Stuttering)");
        java.nio.file.Path root = Fixtures.copy(tmp.resolve("p"));
        Fixtures.replaceOnce(root.resolve("properties/expected.tsv"), "rfc-dance\tNotificationsReadProp\tholds", "rfc-dance\tNotificationsReadProp\tviolated");
        Fixtures.Run bad = Fixtures.cli("explore", "--check", "rfc-dance", "--root", root.toString(), "--out", tmp.resolve("o2").toString());
        assertThat(bad.exit()).as(bad.out() + bad.err()).isEqualTo(adoptsig.cli.Main.DIFFERS);
        assertThat(bad.out()).contains("rfc-dance / NotificationsReadProp: recorded violated, Java engine holds");
    }

    @Test
    void aGraphOverTheLimitSaysHowFarItGot() {
        Model m = Fixtures.PROJECT.models().model("rfc-two");
        JavaSystem sys = Fixtures.PROJECT.system(m.bounds());
        try {
            LivenessCheck.run(sys, temporal(m), 100);
            throw new AssertionError("no limit");
        } catch (LivenessCheck.TooLarge e) {
            assertThat(e.reached).isEqualTo(100);
            assertThat(e.getMessage()).contains("more than 100 states");
        }
    }
}
