package adoptsig.cli;

import adoptsig.Fixtures;
import adoptsig.RunFailure;
import adoptsig.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run that cannot be completed says why in one line and exits 3, keeping what it did; two runs
 * at once never share a results folder.
 */
class FailWellTest {
    @TempDir Path tmp;

    private static final Pattern RESULTS = Pattern.compile("results in (\\S+)");

    private static Path resultsOf(Fixtures.Run r) {
        Matcher m = RESULTS.matcher(r.out());
        assertThat(m.find()).as(r.out() + r.err()).isTrue();
        return Path.of(m.group(1));
    }

    private static void assertOneLine(Fixtures.Run r, int code, String... fragments) {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(code);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception in").doesNotContain("internal error");
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        for (String f : fragments) assertThat(r.err()).contains(f);
    }

    @Test
    void twoFoldersAskedForInTheSameSecondAreTwo() {
        try (Project p = Project.open(Fixtures.copy(tmp.resolve("r")))) {
            Path a = p.resultsFolder(null, "check-"), b = p.resultsFolder(null, "check-"), c = p.resultsFolder(null, "check-");
            assertThat(List.of(a, b, c)).doesNotHaveDuplicates().allMatch(Files::isDirectory);
            assertThat(b.getFileName().toString()).startsWith(a.getFileName().toString());
        }
    }

    @Test
    void twoRunsStartedTogetherBothCompleteInFoldersOfTheirOwn() throws Exception {
        String root = Fixtures.copy(tmp.resolve("r")).toString();
        CompletableFuture<Fixtures.Run> one = CompletableFuture.supplyAsync(() -> Fixtures.cli("check", "rfc-noFork", "--root", root));
        CompletableFuture<Fixtures.Run> two = CompletableFuture.supplyAsync(() -> Fixtures.cli("check", "rfc-noFork", "--root", root));
        Fixtures.Run a = one.get(5, TimeUnit.MINUTES), b = two.get(5, TimeUnit.MINUTES);
        for (Fixtures.Run r : List.of(a, b)) {
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("All 1 model(s) agree with the record.");
            Path results = resultsOf(r);
            assertThat(Files.readString(results.resolve("verdicts.txt"))).contains("rfc-noFork");
            assertThat(results.resolve("report.html")).exists();
            assertThat(results.resolve(RunMark.FILE)).as("a complete run leaves no PARTIAL").doesNotExist();
        }
        assertThat(resultsOf(a)).isNotEqualTo(resultsOf(b));
    }

    @Test
    void aFolderGivenWithOutThatExistsIsNotWrittenOver() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("old"));
        Fixtures.Run r = Fixtures.cli("check", "rfc-noFork", "--root", Fixtures.root().toString(), "--out", out.toString());
        assertOneLine(r, Main.BAD_INPUT, "already exists");
    }

    /** A time limit reached: exit 3 with the cause, the tables of what was done written, PARTIAL saying why. */
    @Test
    void aRunStoppedAtItsTimeLimitIsIncompleteAndKeepsItsResults() throws IOException {
        Path out = tmp.resolve("runs");
        Fixtures.Run r = Fixtures.cli("check", "rfc-workers-q2", "rfc-noFork", "--property", "TypeInv", "--timeout", "0.02",
                "--root", Fixtures.root().toString(), "--out", out.toString(), "--jobs", "1");
        assertOneLine(r, Main.INCOMPLETE, "the run could not be completed", "undecided", "time limit");
        assertThat(Files.readString(out.resolve("verdicts.txt"))).contains("rfc-noFork").contains("rfc-workers-q2");
        assertThat(Files.readString(out.resolve("expected.tsv"))).contains("rfc-noFork\tTypeInv\t")
                .contains("# rfc-workers-q2\tTypeInv\tundecided\tTLC stopped at the time limit");
        assertThat(Files.readString(out.resolve(RunMark.FILE))).contains("has not finished").contains("Stopped").contains("time limit");
    }

    /** The Java engine past its state limit: exit 3, saying how far it got. */
    @Test
    void theJavaEngineStopsAtItsStateLimitAndSaysWhatItReached() {
        Fixtures.Run r = Fixtures.cli("explore", "--check", "rfc-dance", "--max-states", "50", "--root", Fixtures.root().toString(),
                "--out", tmp.resolve("e").toString());
        assertOneLine(r, Main.INCOMPLETE, "more than 50 distinct states", "--max-states", "depth");
        assertThat(tmp.resolve("e").resolve(RunMark.FILE)).content().contains("more than 50 distinct states");
    }

    /** The plain explorer past its state limit too. */
    @Test
    void thePlainExplorerStopsAtItsStateLimit() {
        Fixtures.Run r = Fixtures.cli("explore", "rfc-dance", "--max-states", "50", "--root", Fixtures.root().toString());
        assertOneLine(r, Main.INCOMPLETE, "stopped past 50 distinct states", "--max-states");
    }

    /** Out of memory, in a JVM of small heap: one line, exit 3, no stack trace. */
    @Test
    void outOfMemoryIsOneLineAndExitThree() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx32m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "explore", "--check", "rfc-two", "--extra-pids", "2", "--max-states", "100000000", "--threads", "1", "--root", Fixtures.root().toString(),
                "--out", tmp.resolve("oom").toString())).redirectOutput(tmp.resolve("oom.out").toFile()).redirectError(tmp.resolve("oom.err").toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String err = Files.readString(tmp.resolve("oom.err"));
        assertThat(p.exitValue()).as(err).isEqualTo(Main.INCOMPLETE);
        assertThat(err).contains("out of memory").doesNotContain("\tat ").doesNotContain("Exception in");
        assertThat(err.strip().lines().count()).as(err).isEqualTo(1);
        assertThat(tmp.resolve("oom").resolve(RunMark.FILE)).content().contains("out of memory");
    }

    /** A full disk: the cause is in the message ("No space left on device"), and the exit code is 3. */
    @Test
    void aFullDiskIsSaidWithItsCause() {
        Path full = Path.of("/dev/full");
        if (!Files.exists(full)) return;
        assertThatThrownBy(() -> RunOutput.write(full, "x")).isInstanceOf(RunFailure.class).hasMessageContaining("No space left on device");
        Failures.Failure f = Failures.describe(new UncheckedIOException("cannot write x", new IOException("No space left on device")));
        assertThat(f.code()).isEqualTo(Main.INCOMPLETE);
        assertThat(f.line()).isEqualTo("the run could not be completed: cannot write x: No space left on device");
        assertThat(Failures.describe(new IllegalStateException("a worker failed", new OutOfMemoryError("Java heap space"))).line())
                .startsWith("the run could not be completed: out of memory (Java heap space");
        assertThat(Failures.describe(new NullPointerException("x")).code()).isEqualTo(Main.INCOMPLETE);
    }

    /** A killed TLC, TLC out of memory or disk: the run could not be completed; a spec TLC rejects is bad input. */
    @Test
    void aKilledTlcIsNotBadInput() {
        assertThat(adoptsig.check.ModelCheck.runFault(137, "")).contains("killed (SIGKILL");
        assertThat(adoptsig.check.ModelCheck.runFault(1, "java.lang.OutOfMemoryError: Java heap space")).isEqualTo("out of memory");
        assertThat(adoptsig.check.ModelCheck.runFault(153, "Error: No space left on device")).isEqualTo("No space left on device");
        assertThat(adoptsig.check.ModelCheck.runFault(150, "Parse error")).isNull();
        assertThat(adoptsig.check.ModelCheck.runFault(75, "Attempted to apply Cardinality")).isNull();
    }

    /** SIGINT (here: the JVM's exit while a run is under way) leaves PARTIAL saying the run was stopped. */
    @Test
    void aRunStoppedBySigintSaysSoInPartial() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = tmp.resolve("int");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "check", "rfc-two", "rfc-noFork", "--jobs", "1", "--forked", "--root", Fixtures.root().toString(), "--out", out.toString()))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("int.out").toFile()).start();
        long t0 = System.nanoTime();
        while (!Files.exists(out.resolve(RunMark.FILE)) && System.nanoTime() - t0 < 60_000_000_000L) Thread.sleep(50);
        assertThat(out.resolve(RunMark.FILE)).exists();
        Thread.sleep(1000);
        p.destroy();                                                     // SIGTERM: as Ctrl-C, the shutdown hooks run
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out.resolve(RunMark.FILE)).content().contains("has not finished").contains("Stopped").contains("stopped by a signal");
        // no TLC of the run outlives it
        Thread.sleep(1500);
        assertThat(ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("").contains(out.toString()))).isEmpty();
    }
}
