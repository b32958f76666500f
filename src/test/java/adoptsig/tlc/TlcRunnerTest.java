package adoptsig.tlc;

import adoptsig.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLC in-process (a class loader of its own per run) is as good as TLC in a JVM of its own: the
 * same output on the same model, two runs at once that keep apart, no thread left behind that
 * would keep the JVM alive, the run's class loader freed, its own copy of the standard modules,
 * and the time limit and the stop rule obeyed.
 */
class TlcRunnerTest {
    @TempDir Path tmp;

    static final Path SPEC = Fixtures.root().resolve("src/test/resources/tlc");
    static final String MASKING = "SPECIFICATION Spec\nINVARIANTS InvA InvB InvC InvD\nPROPERTIES ActA ActB\n";

    TlcRunner.Result run(TlcRunner.Mode mode, String name, String module, String cfg, Duration limit, java.util.function.Predicate<TlcOutput> stop) {
        Path work = tmp.resolve(name);
        return new TlcRunner(mode).runModel(SPEC, work, cfg,
                new TlcRunner.Request(work, module, module + ".cfg", 1, limit, true, stop), p -> { });
    }

    /** What a run reported, in order: each violation's operator and trace states, then the count and depth. */
    static List<String> summary(TlcRunner.Result r) {
        List<String> out = new ArrayList<>();
        for (int n = 0; n < r.output().violationCount(); n++) {
            out.add(r.output().violatedOperator(n) + " " + r.output().trace(n).map(t -> t.states().stream()
                    .map(s -> s.vars().toString()).collect(Collectors.joining(" -> "))).orElse("(no trace)"));
        }
        out.add(r.output().distinct() + " distinct, depth " + r.output().depth() + ", exit " + r.exitCode());
        return out;
    }

    @Test
    void inProcessHostedAndForkedRunsReportTheSame() throws IOException {
        TlcRunner.Result in = run(TlcRunner.Mode.IN_PROCESS, "in", "Masking", MASKING, Duration.ofMinutes(2), null);
        TlcRunner.Result forked = run(TlcRunner.Mode.FORKED, "forked", "Masking", MASKING, Duration.ofMinutes(2), null);
        TlcRunner.Result hosted = run(TlcRunner.Mode.HOSTED, "hosted", "Masking", MASKING, Duration.ofMinutes(2), null);
        TlcRunner.Result again = run(TlcRunner.Mode.HOSTED, "hosted-again", "Count", "SPECIFICATION Spec\nINVARIANT InvC\n", Duration.ofMinutes(2), null);
        TlcRunner.Result third = run(TlcRunner.Mode.HOSTED, "hosted-third", "Masking", MASKING, Duration.ofMinutes(2), null);
        assertThat(in.how()).isEqualTo("in-process");
        assertThat(forked.how()).isEqualTo("forked JVM");
        assertThat(hosted.how()).isEqualTo("TLC host JVM");
        assertThat(summary(in)).hasSizeGreaterThan(5).isEqualTo(summary(forked));
        assertThat(summary(hosted)).isEqualTo(summary(forked));
        assertThat(summary(third)).as("a later run in the same host, after a run of another spec").isEqualTo(summary(forked));
        assertThat(summary(again)).isEqualTo(summary(run(TlcRunner.Mode.FORKED, "forked-count", "Count", "SPECIFICATION Spec\nINVARIANT InvC\n", Duration.ofMinutes(2), null)));
        // the three hosted runs, one after another, ran in one warm JVM
        String host = Files.readAllLines(hosted.log()).get(0);
        assertThat(host).matches("# TLC host JVM \\d+ \\(C1 only\\), its run \\d+: .*");
        String pid = host.split(" ")[4];
        assertThat(Files.readAllLines(third.log()).get(0)).startsWith("# TLC host JVM " + pid + " ");
    }

    /** The PID of the host a hosted run ran in, from its log's first line. */
    static String hostOf(TlcRunner.Result r) {
        try {
            String first = Files.readAllLines(r.log()).get(0);
            assertThat(first).startsWith("# TLC host JVM ");
            return first.split(" ")[4];
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A run in mode whose path fails: done in a forked JVM, which says why (how starts so), as a forked run finds, the failed attempt's log kept. */
    void assertTheForkedJvmTakesOver(TlcRunner.Mode mode, String name, String how, String keptLog) {
        TlcRunner.Result r = run(mode, name, "Masking", MASKING, Duration.ofMinutes(2), null);
        assertThat(r.how()).startsWith(how);
        assertThat(summary(r)).isEqualTo(summary(run(TlcRunner.Mode.FORKED, name + "-forked", "Masking", MASKING, Duration.ofMinutes(2), null)));
        assertThat(tmp.resolve(name).resolve(keptLog)).exists();
    }

    /** Where a host cannot run TLC (here: its JVM does not start), the run is done in a forked JVM, and says so. */
    @Test
    void whenTheHostFailsTheForkedJvmTakesOver() throws Exception {
        TlcHost.extraOptionsForTest = List.of("-XX:+NoSuchOptionForTheTest");
        TlcHost.stopIdle();   // so that the run needs a new host
        try {
            assertTheForkedJvmTakesOver(TlcRunner.Mode.HOSTED, "host-fails",
                    "forked JVM (TLC host failed: the TLC host JVM ended during the run (exit code 1)", "tlc-hosted.out");
        } finally {
            TlcHost.extraOptionsForTest = List.of();
        }
    }

    @Test
    void twoRunsAtOnceKeepTheirOutputsApartAndOnlyOneRunsInProcess() throws IOException {
        String other = "SPECIFICATION Spec\nINVARIANT InvC\n";
        var a = CompletableFuture.supplyAsync(() -> run(TlcRunner.Mode.IN_PROCESS, "a", "Count", other, Duration.ofMinutes(2),
                o -> o.lastProgress().isPresent()));
        var b = CompletableFuture.supplyAsync(() -> run(TlcRunner.Mode.IN_PROCESS, "b", "Masking", MASKING, Duration.ofMinutes(2), null));
        TlcRunner.Result ra = a.join(), rb = b.join();
        assertThat(summary(rb)).isEqualTo(summary(run(TlcRunner.Mode.IN_PROCESS, "b-alone", "Masking", MASKING, Duration.ofMinutes(2), null)));
        String logA = Files.readString(ra.log()), logB = Files.readString(rb.log());
        assertThat(logA).doesNotContain("Masking");
        assertThat(logB).doesNotContain("Count.tla");
        // only one TLC runs in this JVM at a time: of two runs at once, one is in-process (with its own copy of the
        // standard modules) and the other, if it starts while the first runs, in a JVM of its own
        boolean aInProcess = logA.startsWith("# in-process TLC"), bInProcess = logB.startsWith("# in-process TLC");
        assertThat(aInProcess || bInProcess).as("one of the two ran in-process").isTrue();
        String inProcessName = aInProcess ? "a" : "b";
        assertThat(aInProcess ? logA : logB).contains("Parsing file " + tmp.resolve(inProcessName).resolve("Naturals.tla"));
    }

    @Test
    void aRunLeavesNoThreadBehindAndItsClassLoaderIsFreed() throws InterruptedException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        TlcRunner.Result r = run(TlcRunner.Mode.IN_PROCESS, "once", "Masking", MASKING, Duration.ofMinutes(2), null);
        assertThat(r.how()).isEqualTo("in-process");
        WeakReference<ClassLoader> loader = InProcessTlc.lastLoader;
        assertThat(loader.get()).isNotNull();
        List<String> left = new ArrayList<>();
        for (int i = 0; i < 50; i++) {   // RMI's reaper thread ends soon after the fingerprint set is unexported, not at once
            left.clear();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.isAlive() && !before.contains(t) && !t.isDaemon()) left.add(t.getName());
            }
            if (left.isEmpty()) break;
            Thread.sleep(100);
        }
        assertThat(left).as("non-daemon threads the run left (they would keep the JVM alive)").isEmpty();
        for (int i = 0; i < 20 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(loader.get()).as("the run's class loader is freed").isNull();
    }

    /** Where the in-process path cannot run TLC (here: no TLC classes in its loader), the run is done in a forked JVM, and says so. */
    @Test
    void whenInProcessFailsTheForkedJvmTakesOver() throws Exception {
        InProcessTlc.classPathForTest = Files.createDirectories(tmp.resolve("empty")).toUri().toURL();
        try {
            assertTheForkedJvmTakesOver(TlcRunner.Mode.IN_PROCESS, "fallback",
                    "forked JVM (in-process failed: TLC failed in-process: java.lang.ClassNotFoundException: util.ToolIO", "tlc-in-process.out");
        } finally {
            InProcessTlc.classPathForTest = null;
        }
    }

    @Test
    void aRunIsStoppedAtItsTimeLimitAndByItsStopRule() {
        for (TlcRunner.Mode mode : List.of(TlcRunner.Mode.IN_PROCESS, TlcRunner.Mode.HOSTED)) {
            long t0 = System.nanoTime();
            TlcRunner.Result r = run(mode, "slow-" + mode, "Count", "SPECIFICATION Spec\n", Duration.ofSeconds(3), null);
            assertThat(r.timedOut()).as(mode.toString()).isTrue();
            assertThat(r.complete()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3).plus(InProcessTlc.GRACE));
        }
        // a host killed at its run's limit, or by a stop rule, takes no other run: the next one gets a new host
        TlcRunner.Result first = run(TlcRunner.Mode.HOSTED, "host-a", "Count", "SPECIFICATION Spec\n", Duration.ofSeconds(2), null);
        TlcRunner.Result next = run(TlcRunner.Mode.HOSTED, "host-b", "Masking", MASKING, Duration.ofMinutes(2), null);
        assertThat(first.timedOut()).isTrue();
        assertThat(next.complete()).isTrue();
        assertThat(hostOf(next)).isNotEqualTo(hostOf(first));
        // the stop rule: stop at the first report of InvB
        for (TlcRunner.Mode mode : TlcRunner.Mode.values()) {
            TlcRunner.Result s = run(mode, "rule-" + mode, "Masking", MASKING, Duration.ofMinutes(2),
                    o -> o.violationCount() > 0 && "InvB".equals(o.violatedOperator(o.violationCount() - 1)));
            assertThat(s.stopped()).as(mode.toString()).isTrue();
            assertThat(s.timedOut()).isFalse();
            // what TLC printed after the report that met the rule is not read
            assertThat(s.output().violatedOperator(s.output().violationCount() - 1)).isEqualTo("InvB");
            assertThat(s.output().violationCount()).isLessThan(run(mode, "all-" + mode, "Masking", MASKING, Duration.ofMinutes(2), null).output().violationCount());
        }
    }

    /**
     * A stop rule met by one of TLC's last messages (here its final state count, which TLC prints
     * just before the search depth): TLC ends before the runner can ask it to stop, yet the rest of
     * its output is not read, so the run must say it was stopped (a run read as complete would have
     * no depth, and its model would be reported as one TLC could not check).
     */
    @Test
    void aStopRuleMetAtTheEndStillMarksTheRunStopped() {
        for (TlcRunner.Mode mode : TlcRunner.Mode.values()) {
            TlcRunner.Result s = run(mode, "late-" + mode, "Masking", "SPECIFICATION Spec\n", Duration.ofMinutes(2), o -> o.distinct() >= 0);
            assertThat(s.stopped()).as(mode + ": stopped").isTrue();
            assertThat(s.complete()).as(mode + ": complete").isFalse();
        }
    }

    @Test
    void bySizeHostsTheRunsOfModelsRecordedSmallAndKeepsTheOthersInThisJvm() {
        TlcRunner auto = new TlcRunner(TlcRunner.Mode.BY_SIZE);
        assertThat(auto.forStates(0).mode()).isEqualTo(TlcRunner.Mode.HOSTED);
        assertThat(auto.forStates(TlcRunner.FORK_BELOW - 1).mode()).isEqualTo(TlcRunner.Mode.HOSTED);
        assertThat(auto.forStates(TlcRunner.FORK_BELOW).mode()).isEqualTo(TlcRunner.Mode.IN_PROCESS);
        assertThat(auto.forStates(-1).mode()).as("no recorded count").isEqualTo(TlcRunner.Mode.IN_PROCESS);
        for (TlcRunner.Mode m : List.of(TlcRunner.Mode.IN_PROCESS, TlcRunner.Mode.HOSTED, TlcRunner.Mode.FORKED)) {
            assertThat(new TlcRunner(m).forStates(10).mode()).as(m.toString()).isEqualTo(m);
            assertThat(new TlcRunner(m).forStates(1_000_000).mode()).as(m.toString()).isEqualTo(m);
        }
        String saved = System.getProperty("adoptsig.tlc");
        try {
            System.clearProperty("adoptsig.tlc");
            assertThat(TlcRunner.Mode.fromSystemProperty()).isEqualTo(TlcRunner.Mode.BY_SIZE);
            System.setProperty("adoptsig.tlc", "forked");
            assertThat(TlcRunner.Mode.fromSystemProperty()).isEqualTo(TlcRunner.Mode.FORKED);
            System.setProperty("adoptsig.tlc", "in-process");
            assertThat(TlcRunner.Mode.fromSystemProperty()).isEqualTo(TlcRunner.Mode.IN_PROCESS);
            System.setProperty("adoptsig.tlc", "hosted");
            assertThat(TlcRunner.Mode.fromSystemProperty()).isEqualTo(TlcRunner.Mode.HOSTED);
            System.setProperty("adoptsig.tlc", "fork");
            org.assertj.core.api.Assertions.assertThatThrownBy(TlcRunner.Mode::fromSystemProperty)
                    .isInstanceOf(adoptsig.InputError.class).hasMessageContaining("expected forked, hosted, in-process or by-size");
        } finally {
            if (saved == null) System.clearProperty("adoptsig.tlc"); else System.setProperty("adoptsig.tlc", saved);
        }
    }
}
