package adoptsig.engine;

import adoptsig.Fixtures;
import adoptsig.catalog.Expected;
import adoptsig.catalog.Model;
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
        checkLasso(sys, l, sys.supervisor()::fairness, Fairness.WEAK, Fairness.STRONG);
    }

    /** The same under another fairness (a mutant's: its groups of each step, its weakly and strongly fair groups). */
    static void checkLasso(JavaSystem sys, LivenessCheck.Lasso l, java.util.function.ToLongBiFunction<World, World> fairness, long weak, long strong) {
        List<World> path = l.path();
        assertThat(path.get(0)).isEqualTo(sys.init());
        for (int i = 1; i < path.size(); i++) assertThat(sys.successors(path.get(i - 1))).as("step " + i).contains(path.get(i));
        if (l.backTo() >= 0) assertThat(sys.successors(path.get(path.size() - 1))).as("the loop's last step").contains(path.get(l.backTo()));
        var trace = TlcOutput.parseSavedTrace(l.trace());
        assertThat(trace.states()).hasSize(path.size());
        assertThat(l.backTo() < 0 ? trace.stutters() : trace.loopsTo() == l.backTo() + 1).as(l.trace()).isTrue();
        Replay.Result rr = Replay.replay(sys, trace, Fixtures.PROJECT.catalogue().property(l.property()));
        assertThat(rr.replayed() && rr.violationReproduced()).as(l.property() + ": " + rr.explanation()).isTrue();
        // the instance's promise is made (a state of P and not Q) and never kept after it (no Q from there on, the loop included)
        var in = LivenessCheck.instances(sys, List.of(l.property())).stream().filter(x -> x.name().equals(l.instance())).findFirst().orElseThrow();
        int from = l.backTo() < 0 ? path.size() - 1 : l.backTo();
        int promise = -1;
        for (int i = from; i >= 0 && !in.q().test(path.get(i)); i--) if (in.p().test(path.get(i))) promise = i;
        assertThat(promise).as(l.property() + " " + l.instance() + ": a state of P, with no Q after it").isGreaterThanOrEqualTo(0);
        for (int i = promise; i < path.size(); i++) assertThat(in.q().test(path.get(i))).as("Q at state " + i).isFalse();
        // the loop is fair: every weakly fair group taken on it or disabled at one of its states, every strongly fair group enabled on it taken on it
        List<World> loop = path.subList(from, path.size());
        long taken = 0, enabled = 0, disabledSomewhere = 0;
        for (int i = 0; i < loop.size(); i++) {
            World x = loop.get(i);
            World y = l.backTo() < 0 ? x : loop.get((i + 1) % loop.size());
            long en = 0;
            for (World z : sys.successors(x)) {
                if (z.equals(x)) continue;
                long g = fairness.applyAsLong(x, z);
                en |= g;
                if (z.equals(y)) taken |= g;
            }
            enabled |= en;
            disabledSomewhere |= ~en;
        }
        assertThat(weak & ~(taken | disabledSomewhere)).as("weakly fair groups neither taken nor disabled on the loop").isZero();
        assertThat(strong & enabled & ~taken).as("strongly fair groups enabled on the loop but not taken").isZero();
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
        assertThat(bad.out()).contains("rfc-dance / NotificationsReadProp: recorded violated; Java engine: holds");
    }

    @Test
    void theSpecHasTheFairnessAndTemporalDefinitionsTheJavaEngineImplements() {
        assertThat(adoptsig.supervisor.FairnessPin.digest(Fixtures.root().resolve("spec")))
                .as("the digest of the spec's fairness and temporal definitions (FairnessPin.text); after changing them on purpose, make "
                        + "Supervisor.fairness and LivenessCheck.instances match, check with `check --temporal tlc`, then pin the new digest")
                .isEqualTo(adoptsig.supervisor.FairnessPin.PINNED);
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
