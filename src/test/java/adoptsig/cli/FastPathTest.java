package adoptsig.cli;

import adoptsig.Fixtures;
import adoptsig.catalog.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `check`'s fast path (TLC in-process, one -continue run for all safety properties, the temporal
 * properties that should hold together) against the record on models of the default suite the
 * test suite does not otherwise run: chosen for what the fast path must get right (several
 * invariants and action properties violated at once, some of them in thousands of states, which
 * stops a run early; a violated temporal property; a model where everything holds). The forked
 * path (every TLC run in a JVM of its own) finds the same, and a wrong record is caught.
 */
class FastPathTest {
    @TempDir Path tmp;

    /** classic-workers: two invariants and two Debug action properties violated (the Debug ones in thousands of steps);
     * rfcWitness-workers-q2: five safety properties violated, two of them at lengths 15 and 16, and three Debug ones;
     * rfcStd-dance: two invariants and a temporal property violated; ptrace-dance; waitLine-apue: every property holds. */
    static final List<String> SAMPLE = List.of("classic-workers", "rfcWitness-workers-q2", "rfcStd-dance", "ptrace-dance", "waitLine-apue");

    @Test
    void aSampleOfTheDefaultSuiteReproducesTheRecordAndTheSavedCounterexamples() throws IOException {
        Path out = tmp.resolve("runs");
        List<String> args = new ArrayList<>(List.of("check", "--no-stories", "--root", Fixtures.root().toString(), "--out", out.toString()));
        args.addAll(SAMPLE);
        Fixtures.Run r = Fixtures.cli(args.toArray(String[]::new));
        List<Model> models = SAMPLE.stream().map(CheckCommandTest.MODELS::model).toList();
        assertThat(models).allMatch(m -> m.suite().equals("default"));
        assertThat(CheckCommandTest.assertReproducesTheRecord(r, out, models)).as("saved counterexamples compared").isGreaterThanOrEqualTo(8);
        // a model where everything holds: one run decides every property, the temporal one too
        Model all = CheckCommandTest.MODELS.model("waitLine-apue");
        assertThat(r.out()).contains(String.format("waitLine-apue: %,d distinct states, depth %d (recorded: %,d, depth %d); 1 TLC runs",
                all.distinct(), all.depth(), all.distinct(), all.depth()));
    }

    @Test
    void theForkedPathFindsWhatTheFastAndHostedPathsFind() throws IOException {
        List<String> models = List.of("classic-dance", "cgroup-workers");
        Path fast = tmp.resolve("fast"), forked = tmp.resolve("forked"), hosted = tmp.resolve("hosted");
        for (Path out : List.of(fast, forked, hosted)) {
            // one model at a time, so that every run of the fast path is in-process (a second concurrent run would be forked)
            List<String> args = new ArrayList<>(List.of("check", "--no-stories", "--jobs", "1", "--root", Fixtures.root().toString(), "--out", out.toString()));
            if (out != hosted) args.add(out == forked ? "--forked" : "--in-process");   // the default: models this small in a host
            args.addAll(models);
            Fixtures.Run r = Fixtures.cli(args.toArray(String[]::new));
            assertThat(r.exit()).as(r.out()).isZero();
            assertThat(r.out()).contains("All 2 model(s) agree with the record.");
        }
        assertThat(Files.readString(forked.resolve("expected.tsv"))).isEqualTo(Files.readString(fast.resolve("expected.tsv")));
        assertThat(Files.readString(hosted.resolve("expected.tsv"))).isEqualTo(Files.readString(fast.resolve("expected.tsv")));
        for (String m : models) {
            assertThat(traces(forked.resolve(m))).isEqualTo(traces(fast.resolve(m))).isNotEmpty();
            assertThat(traces(hosted.resolve(m))).isEqualTo(traces(fast.resolve(m)));
            for (String t : traces(fast.resolve(m))) {
                if (t.contains("StoppedDetectedProp") || t.contains("ZombiesReapedProp")) continue;   // a lasso is not stable
                assertThat(Files.readString(forked.resolve(m).resolve(t))).as(m + "/" + t).isEqualTo(Files.readString(fast.resolve(m).resolve(t)));
                assertThat(Files.readString(hosted.resolve(m).resolve(t))).as(m + "/" + t).isEqualTo(Files.readString(fast.resolve(m).resolve(t)));
            }
            // each TLC run of the fast path ran in-process, each of the forked path in a JVM of its own, each of the default one in a host
            assertThat(Files.readString(fast.resolve(m).resolve("run-01/tlc.out"))).startsWith("# in-process TLC");
            assertThat(Files.readString(forked.resolve(m).resolve("run-01/tlc.out"))).doesNotContain("in-process TLC");
            assertThat(Files.readString(hosted.resolve(m).resolve("run-01/tlc.out"))).startsWith("# TLC host JVM ");
        }
    }

    static List<String> traces(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("trace-")).sorted().toList();
        }
    }

    /** A record that is wrong about an action property decided in a -continue run, in its length and in its verdict: check says so and exits 1. */
    @Test
    void aWrongRecordOfActionPropertiesMakesCheckFail() {
        Path root = Fixtures.copy(tmp.resolve("root"));
        Fixtures.replaceOnce(root.resolve("properties/expected.tsv"), "cgroup-workers\tDebugZombieAdoptedProp\tviolated\t6",
                "cgroup-workers\tDebugZombieAdoptedProp\tviolated\t7");
        Fixtures.replaceOnce(root.resolve("properties/expected.tsv"), "cgroup-workers\tDebugPidReuseProp\tviolated\t9",
                "cgroup-workers\tDebugPidReuseProp\tholds\t-");
        Fixtures.Run r = Fixtures.cli("check", "cgroup-workers", "--root", root.toString(), "--no-stories", "--out", tmp.resolve("runs").toString());
        assertThat(r.exit()).as(r.out()).isEqualTo(Main.DIFFERS);
        assertThat(r.out()).contains("2 difference(s) from the record:")
                .contains("cgroup-workers / DebugZombieAdoptedProp: recorded violated in 7 steps; TLC: violated in 6 steps")
                .contains("cgroup-workers / DebugPidReuseProp: recorded holds; TLC: violated in 9 steps");
    }
}
