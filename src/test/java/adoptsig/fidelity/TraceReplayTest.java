package adoptsig.fidelity;

import adoptsig.Fixtures;
import adoptsig.catalog.Model;
import adoptsig.engine.JavaSystem;
import adoptsig.engine.SafetyCheck;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.kernel.Result;
import adoptsig.system.Bounds;
import adoptsig.tlc.TlcOutput;
import adoptsig.tlc.Trace;
import adoptsig.tlc.TraceText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Saved counterexamples replayed on Linux: every trace saved under src/test/resources/traces (whatever
 * is saved there: the test covers regenerated traces without change), fresh counterexamples of every
 * mechanism in the current format (the Java engine's, which are TLC's format and TLC's shortest
 * traces), the kept reports' mechanism included (its kernel steps), and two checkers shown to fail: a trace corrupted by hand, and the traces of a broken
 * kernel, which its Java twin follows but Linux does not.
 */
class TraceReplayTest {
    static Path exe;
    static String unavailable;

    @BeforeAll
    static void build() {
        try {
            exe = Driver.build(Fixtures.root().resolve("target/fidelity"));
        } catch (Unavailable e) {
            unavailable = e.getMessage();
            System.out.println("fidelity replay not run: " + unavailable);
        }
    }

    static void needNamespace() {
        assumeTrue(unavailable == null, "fidelity replay not run: " + unavailable);
        Driver.Hello h = Fidelity.hello(exe, true);
        assumeTrue(h.namespace(), "fidelity replay not run: it needs a PID namespace (" + h.note() + ")");
    }

    static TraceReplay.Result replay(Kernel k, String model, Path file, Trace t) {
        Bounds b = Fixtures.PROJECT.bounds(model);
        return TraceReplay.replay(exe, k, model, b.supervisor(), b.sigLimit(), file, t, true);
    }

    private static void table(String title, List<TraceReplay.Result> results) {
        Map<String, int[]> m = new TraceReplay.Report(Fidelity.hello(exe, true), results, 0).byMechanism();
        System.out.println(title + " (reproduced / not reproducible / not replayed):");
        m.forEach((k, v) -> System.out.printf("  %-12s %3d / %3d / %3d%n", k, v[0], v[1], v[2]));
        for (TraceReplay.Result r : results) if (r.verdict() != TraceReplay.Verdict.REPRODUCED) System.out.println("  " + r.file() + ": " + r.verdict() + ": " + r.explanation());
    }

    @Test
    void everySavedTraceIsReproducedOnLinuxOrSaysWhyNot() throws IOException {
        needNamespace();
        Path dir = Fixtures.root().resolve("src/test/resources/traces");
        List<TraceReplay.Result> results = new ArrayList<>();
        try (Stream<Path> models = Files.list(dir)) {
            for (Path m : models.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(m)) {
                    for (Path f : files.filter(x -> x.getFileName().toString().matches("trace-.*\\.txt")).sorted().toList()) {
                        results.add(replay(new Kernel(), m.getFileName().toString(), f, TlcOutput.parseSavedTrace(Files.readString(f))));
                    }
                }
            }
        }
        table("saved traces on Linux", results);
        assertThat(results).isNotEmpty();
        for (TraceReplay.Result r : results) {
            assertThat(r.verdict()).as(() -> r.file() + ": " + r.explanation() + "\n" + (r.run() == null ? "" : r.run().told()))
                    .isNotEqualTo(TraceReplay.Verdict.NOT_REPRODUCIBLE);
            if (r.verdict() == TraceReplay.Verdict.NOT_REPLAYED) {
                assertThat(r.explanation()).contains("a trace of an older model");
            }
        }
    }

    /** A model with debug properties added, so that every mechanism has counterexamples to replay. */
    static final List<String> DEBUG = List.of("DebugPidReuseProp", "DebugZombieAdoptedProp", "DebugQueueOverflowProp");

    /** Counterexamples of the Java engine for a model (its invariants and action properties, and the debug ones), as trace text. */
    static Map<String, String> counterexamples(String model, Kernel kernel) {
        Model m = Fixtures.PROJECT.models().model(model);
        JavaSystem sys = Fixtures.PROJECT.system(m.bounds(0), kernel);
        List<String> ids = new ArrayList<>(m.properties());
        for (String d : DEBUG) if (!ids.contains(d)) ids.add(d);
        SafetyCheck.Properties props = SafetyCheck.Properties.of(sys.supervisor(), ids);
        SafetyCheck.Result r = SafetyCheck.run(sys, props.invariants(), props.actions(), 1, s -> {});
        Map<String, String> out = new LinkedHashMap<>();
        r.violations().forEach((id, v) -> out.put(id, TraceText.of(v.path())));
        return out;
    }

    static final List<String> FRESH = List.of("classic-dance", "classic-reexec", "rfc-dance", "rfc-dance-outside", "rfcStd-dance",
            "rfcWitness-apue-now1", "rfcWitness-apue-s2", "subreaper-dance", "pidfile-dance", "cgroup-dance", "ptrace-dance", "waitLine-dance");

    @Test
    void freshCounterexamplesOfEveryMechanismAreReproducedOnLinux() {
        needNamespace();
        List<TraceReplay.Result> results = new ArrayList<>();
        for (String model : FRESH) {
            counterexamples(model, new Kernel()).forEach((id, text) ->
                    results.add(replay(new Kernel(), model, Path.of(model, "trace-" + id + ".txt"), TlcOutput.parseSavedTrace(text))));
        }
        table("fresh counterexamples on Linux", results);
        Map<String, int[]> by = new TraceReplay.Report(null, results, 0).byMechanism();
        assertThat(by.keySet()).contains("classic", "rfc", "rfcStd", "rfcWitness", "subreaper", "pidfile", "cgroup", "ptrace", "waitLine");
        for (TraceReplay.Result r : results) {
            assertThat(r.verdict()).as(() -> r.file() + ": " + r.explanation() + "\n" + (r.run() == null ? "" : r.run().told()))
                    .isEqualTo(TraceReplay.Verdict.REPRODUCED);
        }
        // what Linux lacks is told where the trace's kernel does it
        assertThat(results).filteredOn(r -> r.mechanism().equals("rfc")).anyMatch(r -> r.run().told().contains("sends init the adoption signal of"));
        assertThat(results).filteredOn(r -> r.mechanism().equals("waitLine")).anyMatch(r -> r.run().told().contains("keeps the adoption report"));
        assertThat(results.stream().filter(r -> r.run() != null).flatMap(r -> r.run().operations().stream()).distinct().toList())
                .contains("Fork", "Exit", "Setsid", "WaitNohang", "ReadSigchld", "ReadAdoption", "ReadSignals", "OutsideFork", "Peek", "WaitPid",
                        "PrctlSetChildSubreaper", "Reap");
    }

    @Test
    void aCorruptedTraceIsNotReproducible() {
        needNamespace();
        String text = counterexamples("classic-dance", new Kernel()).get("TracksLiveProcessInv");
        // the fork of step 2 returns 4 instead of 3 (the PID everywhere in that state's lastAction)
        int at = text.indexOf("name |-> \"Fork\"");
        assertThat(at).isPositive();
        int t = text.indexOf("target |-> 3", at);
        String bad = text.substring(0, t) + "target |-> 4" + text.substring(t + "target |-> 3".length());
        TraceReplay.Result r = replay(new Kernel(), "classic-dance", Path.of("corrupted"), TlcOutput.parseSavedTrace(bad));
        System.out.println(FidelityTest.expected("expected disagreement (a corrupted trace)", r.explanation()));
        assertThat(r.verdict()).isEqualTo(TraceReplay.Verdict.NOT_REPRODUCIBLE);
        assertThat(r.explanation()).contains("the trace says the call returned ok 4, the Java kernel ok 3");
        assertThat(r.run().told()).contains("DISAGREEMENT");
    }

    /** setsid leaves the caller's process group as it was (a model of a wrong kernel): its own traces are followed by its Java twin, not by Linux. */
    static final class SetsidKeepsGroup extends Kernel {
        @Override public Result<KernelState> setsid(KernelState s, int p) {
            Result<KernelState> r = super.setsid(s, p);
            if (!r.ok()) return r;
            KernelState n = r.state();
            Proc x = n.proc(p);
            List<Proc> procs = new ArrayList<>(n.procs());
            procs.set(p - 1, new Proc(p, x.state(), x.parent(), s.proc(p).pgid(), x.sid(), x.adoptSig(), x.subreaper(), x.svc(), x.danced()));
            return Result.ok(new KernelState(n.maxPid(), n.sigLimit(), procs, n.ttySession(), n.lastPid(), n.everUsed(), n.joined(), n.sigchld(),
                    n.rtq(), n.adoptMode(), n.kept(), n.lastAction()), p);
        }
    }

    @Test
    void theTracesOfABrokenKernelAreNotReproducibleOnLinux() {
        needNamespace();
        Map<String, String> traces = counterexamples("rfc-dance", new SetsidKeepsGroup());
        List<TraceReplay.Result> results = new ArrayList<>();
        traces.forEach((id, text) -> results.add(replay(new SetsidKeepsGroup(), "rfc-dance", Path.of("broken", id), TlcOutput.parseSavedTrace(text))));
        table("a broken kernel's traces on Linux", results);
        assertThat(results).anyMatch(r -> r.verdict() == TraceReplay.Verdict.NOT_REPRODUCIBLE && r.explanation().startsWith("Linux differs from the trace")
                && r.explanation().contains("the process group of"));
    }
}
