package adoptsig.cli;

import adoptsig.Fixtures;
import adoptsig.catalog.Expected;
import adoptsig.catalog.Model;
import adoptsig.catalog.Models;
import adoptsig.conform.Replay;
import adoptsig.engine.JavaSystem;
import adoptsig.kernel.Kernel;
import adoptsig.report.Tables;
import adoptsig.tlc.TlcOutput;
import adoptsig.tlc.Trace;
import adoptsig.tlc.TraceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `check` on the real spec reproduces the record (the test command runs this on the fast
 * suite: models of several mechanisms and idioms, grid cells among them), produces the very
 * counterexamples saved as fixtures, and fails when the record is wrong: the checker can fail.
 */
class CheckCommandTest {
    @TempDir Path tmp;

    static final Models MODELS = Fixtures.PROJECT.models();

    @Test
    void theTestSuiteReproducesTheRecordAndTheSavedCounterexamples() throws IOException {
        Path out = tmp.resolve("runs");
        Fixtures.Run r = Fixtures.cli("check", "--suite", Fixtures.testSuite(), "--root", Fixtures.root().toString(),
                "--out", out.toString());
        List<Model> models = MODELS.select(List.of(), List.of(), List.of(), Fixtures.testSuite());
        int compared = assertReproducesTheRecord(r, out, models);
        assertThat(compared).as("saved counterexamples compared").isGreaterThan(10);
        // the grid of the cells checked is printed and written, cell for cell as the record's
        assertThat(out.resolve("grid.md")).exists();
        for (Model m : models) {
            if (m.isGridCell()) assertThat(r.out()).contains(" " + Tables.cell(m.expected(), m.distinct()) + " |");
        }
        assertThat(out.resolve("verdicts.md")).exists();
        assertThat(Files.readString(out.resolve("expected.tsv"))).contains("rfc-dance\tTracksLiveProcessInv\tviolated\t12");
    }

    /**
     * A check of these models agreed with the record: every verdict, counterexample length, state
     * count and depth; every fresh counterexample replays on the Java kernel, and a safety
     * property's is the saved one, state for state (where one is saved). Returns how many saved
     * counterexamples were compared.
     */
    static int assertReproducesTheRecord(Fixtures.Run r, Path out, List<Model> models) throws IOException {
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("All " + models.size() + " model(s) agree with the record.");
        assertThat(r.exit()).isZero();
        var catalogue = Fixtures.PROJECT.catalogue();
        int compared = 0;
        for (Model m : models) {
            assertThat(r.out()).contains(String.format("%s: %,d distinct states, depth %d", m.name(), m.distinct(), m.depth()));
            for (Map.Entry<String, adoptsig.catalog.Outcome> e : m.expected().entrySet()) {
                Path story = out.resolve(m.name()).resolve("story-" + e.getKey() + ".txt");
                Path trace = out.resolve(m.name()).resolve("trace-" + e.getKey() + ".txt");
                if (e.getValue().expected() != Expected.VIOLATED) {
                    assertThat(story).doesNotExist();
                    continue;
                }
                assertThat(Files.readString(story)).contains(e.getKey() + " is violated").contains("init: fork() returns");
                Trace fresh = TlcOutput.parseSavedTrace(Files.readString(trace));
                Replay.Result replay = Replay.replay(new JavaSystem(new Kernel(), m.bounds()), fresh, catalogue.property(e.getKey()));
                assertThat(replay.violationReproduced()).as(m.name() + "/" + e.getKey() + ": " + replay.explanation()).isTrue();
                Path saved = Fixtures.root().resolve("src/test/resources/traces").resolve(m.name()).resolve(trace.getFileName());
                if (catalogue.property(e.getKey()).kind().isSafety() && Files.exists(saved)) {
                    // the shortest counterexample is the one saved: same states, step for step
                    assertSameStates(TlcOutput.parseSavedTrace(Files.readString(saved)), fresh, m.name() + "/" + e.getKey());
                    compared++;
                }
            }
        }
        return compared;
    }

    /** Two traces have the same states, compared on the variables the saved one has (older fixtures lack later variables). */
    static void assertSameStates(Trace saved, Trace fresh, String what) {
        assertThat(fresh.states()).as(what).hasSameSizeAs(saved.states());
        for (int i = 0; i < saved.states().size(); i++) {
            TraceState s = saved.states().get(i), f = fresh.states().get(i);
            Map<String, Object> want = new LinkedHashMap<>(s.vars()), got = new LinkedHashMap<>();
            for (String k : s.vars().keySet()) got.put(k, f.vars().get(k));
            assertThat(got).as(what + ", state " + (i + 1)).isEqualTo(want);
        }
    }

    @Test
    void printsTheStoryOfAViolationInKernelVocabulary() {
        Fixtures.Run r = Fixtures.cli("check", "rfc-ordered", "--property", "StoppedDetectedProp", "--temporal", "tlc",
                "--root", Fixtures.root().toString(), "--out", tmp.resolve("runs").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("StoppedDetectedProp is violated")
                .contains("[ReadSigchld] init: sigwaitinfo returns SIGCHLD")
                .contains("[ReadAdoption] init reads an adoption signal")
                .contains("is already free")
                .contains("nothing more happens, forever")
                .contains("raw trace: " + tmp.resolve("runs"));
    }

    @Test
    void changingOneExpectedVerdictMakesCheckFailWithEitherTemporalEngine() {
        Path root = Fixtures.copy(tmp.resolve("root"));
        Fixtures.replaceOnce(root.resolve("properties/expected.tsv"),
                "rfc-ordered\tStoppedDetectedProp\tviolated", "rfc-ordered\tStoppedDetectedProp\tholds");
        for (String engine : List.of("tlc", "java")) {
            Fixtures.Run r = Fixtures.cli("check", "rfc-ordered", "--property", "StoppedDetectedProp", "--property", "TypeInv",
                    "--temporal", engine, "--root", root.toString(), "--no-stories");
            assertThat(r.exit()).as(engine).isEqualTo(Main.DIFFERS);
            assertThat(r.out()).as(engine).containsPattern("StoppedDetectedProp\\s+holds\\s+violated  <-- DIFFERS")
                    .contains("1 difference(s) from the record:")
                    .contains("rfc-ordered / StoppedDetectedProp: recorded holds; " + (engine.equals("tlc") ? "TLC" : "Java engine") + ": violated");
        }
    }

    @Test
    void theJavaEnginesTemporalVerdictNeedsTlcsStateCount() {
        // a Java system of other bounds than TLC's (with workers) has another graph: no temporal verdict from it
        var job = adoptsig.check.Job.of(MODELS.model("rfc-ordered-smoke"), 0);
        var checker = Fixtures.PROJECT.checker(1, null, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                .withJavaTemporal(b -> Fixtures.PROJECT.system(MODELS.model("rfc-ordered").bounds()));
        var outcome = checker.check(job, tmp.resolve("runs"));
        var v = outcome.verdicts().stream().filter(x -> x.property().equals("StoppedDetectedProp")).findFirst().orElseThrow();
        assertThat(v.decided()).as(v.note() + " " + v.distinct() + " " + outcome.distinct()).isFalse();
        assertThat(v.note()).contains("not the spec's graph");
        var honest = Fixtures.PROJECT.checker(1, null, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                .withJavaTemporal(Fixtures.PROJECT::system).check(job, tmp.resolve("runs2"));
        assertThat(honest.verdicts()).allMatch(adoptsig.check.Verdict::agrees);
    }

    @Test
    void expectingAViolationThatTlcDoesNotFindMakesCheckFail() {
        Path root = Fixtures.copy(tmp.resolve("root"));
        Fixtures.replaceOnce(root.resolve("properties/expected.tsv"), "rfc-noFork\tTypeInv\tholds\t-", "rfc-noFork\tTypeInv\tviolated\t-");
        Fixtures.Run r = Fixtures.cli("check", "rfc-noFork", "--property", "TypeInv", "--root", root.toString());
        assertThat(r.exit()).isEqualTo(Main.DIFFERS);
        assertThat(r.out()).containsPattern("TypeInv\\s+violated\\s+holds  <-- DIFFERS");
    }

    @Test
    void changingARecordedStateCountOrCounterexampleLengthMakesCheckFail() {
        Path root = Fixtures.copy(tmp.resolve("root"));
        Model m = MODELS.model("rfc-dance");
        Fixtures.replaceOnce(root.resolve("properties/models.tsv"), "rfc-dance\trfc\tdance\t-\tfast\t" + m.distinct() + "\t",
                "rfc-dance\trfc\tdance\t-\tfast\t" + (m.distinct() + 1) + "\t");
        Fixtures.replaceOnce(root.resolve("properties/expected.tsv"), "rfc-dance\tTracksLiveProcessInv\tviolated\t12",
                "rfc-dance\tTracksLiveProcessInv\tviolated\t13");
        Fixtures.Run r = Fixtures.cli("check", "rfc-dance", "--root", root.toString(), "--no-stories");
        assertThat(r.exit()).isEqualTo(Main.DIFFERS);
        assertThat(r.out()).contains("2 difference(s) from the record:")
                .contains(String.format("rfc-dance / state count: recorded %,d distinct states, depth %d; TLC: %,d distinct states, depth %d", m.distinct() + 1, m.depth(), m.distinct(), m.depth()))
                .contains("rfc-dance / TracksLiveProcessInv: recorded violated in 13 steps; TLC: violated in 12 steps; see ");
    }

    @Test
    void matrixIsTheGridOfCheckAndPrintsTheGridRows() {
        Fixtures.Run r = Fixtures.cli("matrix", "--mechanism", "subreaper", "--idiom", "noFork", "--idiom", "dance",
                "--root", Fixtures.root().toString(), "--out", tmp.resolve("runs").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("All 2 model(s) agree with the record.")
                .containsPattern("\\| 5\\. subreaper \\| safe \\(\\d+\\) \\| safe \\(\\d+\\) \\| - \\|");
    }

    @Test
    void biggerBoundsCompareVerdictsOnly() {
        Fixtures.Run r = Fixtures.cli("check", "rfc-noFork", "--extra-pids", "1", "--root", Fixtures.root().toString(),
                "--out", tmp.resolve("runs").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("rfc-noFork+1:").contains("agree with the record (verdicts only, at bigger bounds)");
    }

    /** A TLC run that exceeds the time limit is stopped: its properties are undecided, and check says so and exits 3 (not completed). */
    @Test
    void aRunOverTheTimeLimitIsStoppedAndReported() {
        Fixtures.Run r = Fixtures.cli("check", "rfc-workers-q2", "--property", "TypeInv", "--timeout", "0.02",
                "--root", Fixtures.root().toString(), "--out", tmp.resolve("runs").toString());
        assertThat(r.exit()).isEqualTo(Main.INCOMPLETE);
        assertThat(r.err()).startsWith("adoptsig: the run could not be completed: 1 undecided (the first, rfc-workers-q2 / TypeInv: TLC stopped at the time limit of 1 s)");
        assertThat(r.out()).contains("STOPPED at the time limit").contains("rfc-workers-q2 / TypeInv: undecided (TLC stopped at the time limit of 1 s)");
    }

    /** A cfg written by hand is checked, with no record to compare. */
    @Test
    void aHandWrittenCfgIsChecked() throws IOException {
        Fixtures.Run cfg = Fixtures.cli("cfg", "rfc-noFork", "--root", Fixtures.root().toString());
        assertThat(cfg.exit()).isZero();
        Path file = tmp.resolve("mine.cfg");
        Files.writeString(file, cfg.out().replace("MaxPid = 3", "MaxPid = 4"));
        Fixtures.Run r = Fixtures.cli("check", "--cfg", file.toString(), "--root", Fixtures.root().toString(), "--out", tmp.resolve("runs").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Every property decided (a hand-written cfg has no expected outcomes: nothing compared).");
    }
}
