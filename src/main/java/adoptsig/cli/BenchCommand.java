package adoptsig.cli;

import adoptsig.InputError;
import adoptsig.catalog.Expected;
import adoptsig.check.Job;
import adoptsig.check.ModelCheck;
import adoptsig.check.ModelOutcome;
import adoptsig.conform.FastWalk;
import adoptsig.conform.RandomWalk;
import adoptsig.engine.Explorer;
import adoptsig.engine.JavaSystem;
import adoptsig.engine.LivenessCheck;
import adoptsig.engine.SafetyCheck;
import adoptsig.project.Project;
import adoptsig.system.Bounds;
import adoptsig.system.World;
import adoptsig.tlc.SpecBridge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * `bench MODEL`: measured side by side in one run: distinct states per second of the Java
 * explorer and of TLC on the same model (and whether the counts agree), conformance-checked
 * random steps per second, memory per stored state, the same TLC run started the three ways
 * `check` can start it (a JVM per run, a warm TLC host, this JVM), and the temporal properties
 * decided by the Java engine's fair-cycle search and by TLC's liveness checker. Figures, not assertions; a
 * temporal verdict on which the two disagree is reported and makes the exit code 1.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark the Java explorer against TLC on one model, and the conformance checks.",
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:done, the engines agreeing", "1:a temporal verdict of the Java engine and TLC's differ, or a conformance check failed", ExitCodes.BAD_INPUT, ExitCodes.INCOMPLETE})
public final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL", defaultValue = "rfc-workers-q2", description = "a model of properties/models.tsv (default: ${DEFAULT-VALUE})") String model;
    @picocli.CommandLine.Mixin ProjectOption where;
    @Option(names = "--steps", defaultValue = "2000", description = "thorough conformance steps; ten times as many fast ones (default: ${DEFAULT-VALUE})") int steps;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter w = spec.commandLine().getOut();
        if (steps < 1) throw new InputError("--steps must be at least 1, not " + steps);
        try (Project p = where.open()) {
            var m = p.models().model(model);
            JavaSystem sys = p.system(m.bounds());

            // Java explorer: the first run in this JVM (cold: the JIT has not compiled anything yet), then the best of 2 more (warm)
            double cold = 0, best = Double.MAX_VALUE;
            long states = 0;
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                states = Explorer.explore(sys, line -> { });
                double t = (System.nanoTime() - t0) / 1e9;
                if (i == 0) cold = t; else best = Math.min(best, t);
            }
            // the Java engine: the same search deciding every invariant and action property of the model, 1 and 2 threads (warm)
            SafetyCheck.Properties props = SafetyCheck.Properties.of(sys.supervisor(), m.properties());
            var inv = props.invariants();
            var act = props.actions();
            SafetyCheck.run(sys, inv, act, 1, line -> { });
            SafetyCheck.Result e1 = SafetyCheck.run(sys, inv, act, 1, line -> { });
            SafetyCheck.Result e2 = SafetyCheck.run(sys, inv, act, 2, line -> { });
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long before = rt.totalMemory() - rt.freeMemory();
            Set<World> kept = Explorer.exploreSet(sys);
            System.gc();
            long after = rt.totalMemory() - rt.freeMemory();
            long bytesPerState = kept.isEmpty() ? 0 : (after - before) / kept.size();

            // TLC on the same model: one run with no property (the state count alone), 1 worker
            Job count = Job.of(m, 0).countOnly();
            // in this JVM (its optimizing compiler, as TLC's own runs on a long search), whatever the model's size
            ModelCheck tlcChecker = p.checker(1, null, new PrintStream(OutputStream.nullOutputStream()), adoptsig.tlc.TlcRunner.Mode.IN_PROCESS);
            ModelOutcome tlc = tlcChecker.check(count, p.temporaryFolder("adoptsig-bench"));

            // the same TLC run started the three ways check can start it, alternating, three rounds: wall time of each whole run
            List<adoptsig.tlc.TlcRunner.Mode> ways = List.of(adoptsig.tlc.TlcRunner.Mode.FORKED, adoptsig.tlc.TlcRunner.Mode.HOSTED,
                    adoptsig.tlc.TlcRunner.Mode.IN_PROCESS);
            double[][] wall = new double[ways.size()][3];
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < ways.size(); i++) {
                    ModelCheck c = p.checker(1, null, new PrintStream(OutputStream.nullOutputStream()), ways.get(i));
                    ModelOutcome o = c.check(count, p.temporaryFolder("adoptsig-bench"));
                    if (o.distinct() != tlc.distinct()) throw new adoptsig.RunFailure("TLC " + ways.get(i) + " found " + o.distinct() + " states, not " + tlc.distinct());
                    wall[i][round] = o.seconds();
                }
            }

            // temporal properties: the Java engine's fair cycles (warm: the second of two runs) and TLC's liveness checker
            List<String> temporal = m.properties().stream().filter(LivenessCheck.PROPERTIES::contains).toList();
            LivenessCheck.Result live = null;
            ModelOutcome tlcLive = null;
            String liveDisagrees = null;
            if (!temporal.isEmpty()) {
                LivenessCheck.run(sys, temporal, ModelCheck.JAVA_TEMPORAL_LIMIT);
                live = LivenessCheck.run(sys, temporal, ModelCheck.JAVA_TEMPORAL_LIMIT);
                tlcLive = tlcChecker.check(Job.of(m, 0).only(temporal), p.temporaryFolder("adoptsig-bench"));
                liveDisagrees = disagreements(live.violations().keySet(), tlcLive.verdicts());
            }

            // conformance-checked random steps per second (free mode, 7 PIDs, two services)
            Bounds free = new Bounds(7, List.of("a", "b"), 3, "free", false, true, "rfc");
            SpecBridge bridge = p.bridge(free, true);
            JavaSystem fs = p.system(free);
            RandomWalk.Run thorough = RandomWalk.run(fs, bridge, 1, steps);
            FastWalk.run(fs, bridge, 2, steps, 100, 400);                         // warm-up
            long f0 = System.nanoTime();
            FastWalk.Outcome fast = FastWalk.run(fs, bridge, 1, 10L * steps, 100, 400);
            double fastSeconds = (System.nanoTime() - f0) / 1e9;

            w.printf("%nbench %s (%d cores, Java %s; %s)%n", m.name(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), p.source());
            double tlcRate = tlc.distinct() / tlc.searchSeconds();
            w.printf("  Java explorer : %,d distinct states; cold (first run in this JVM) %.3f s = %,.0f states/s; warm (best of 2 more) %.3f s = %,.0f states/s; one thread%n",
                    states, cold, states / cold, best, states / best);
            w.printf("  Java engine   : the explorer deciding %d invariants and %d action properties: %,.0f states/s with 1 thread, %,.0f with 2 (%d violated); its fingerprint table: %.1f bytes per state (measured: table size / states)%n",
                    inv.size(), act.size(), e1.distinct() / e1.seconds(), e2.distinct() / e2.seconds(), e2.violations().size(), (double) e2.tableBytes() / e2.distinct());
            w.printf("  TLC           : %,d distinct states in %.2f s of search = %,.0f states/s (1 worker, no property; %.1f s wall with class loading and parsing; always cold: TLC's classes loaded afresh per run)%n",
                    tlc.distinct(), tlc.searchSeconds(), tlcRate, tlc.seconds());
            w.printf("  TLC's start   : the same run (count only), wall time of the whole run, 3 rounds alternating, median (each):");
            for (int i = 0; i < ways.size(); i++) {
                double[] t = wall[i].clone();
                java.util.Arrays.sort(t);
                w.printf("%s %s %.2f s (%.2f, %.2f, %.2f)", i == 0 ? "" : ";", switch (ways.get(i)) {
                    case FORKED -> "a JVM per run";
                    case HOSTED -> "a warm TLC host";
                    default -> "this JVM";
                }, t[1], wall[i][0], wall[i][1], wall[i][2]);
            }
            w.printf("; a warm host / a JVM per run: %.2f%n", median(wall[1]) / median(wall[0]));
            w.printf("  ratio         : Java explorer warm %.1fx, cold %.1fx TLC's search rate; same state count: %s%n", (states / best) / tlcRate, (states / cold) / tlcRate, states == tlc.distinct());
            if (live == null) w.printf("  temporal      : the model checks no temporal property%n");
            else {
                w.printf("  temporal      : %s: Java engine (fair cycles on its graph, warm) %,d states, %,d steps in %.2f s = %,.0f states/s; %d violated%n",
                        String.join(", ", temporal), live.distinct(), live.edges(), live.seconds(), live.distinct() / live.seconds(), live.violations().size());
                w.printf("                  TLC (liveness checker, 1 worker) %d run(s), %.2f s of search, %.1f s wall = %,.0f states/s of search (the Java engine's count: %s); ratio %.1fx; verdicts %s%n",
                        tlcLive.runs(), tlcLive.searchSeconds(), tlcLive.seconds(), live.distinct() / tlcLive.searchSeconds(),
                        live.distinct() == m.distinct() ? "the record's" : "NOT the record's",
                        (live.distinct() / live.seconds()) / (live.distinct() / tlcLive.searchSeconds()), liveDisagrees == null ? "the same" : "DIFFER: " + liveDisagrees);
            }
            w.printf("  conformance   : thorough (all successors compared, invariants on both sides, refusals): %,d steps in %.1f s = %,.0f steps/s%s%n",
                    thorough.steps(), thorough.seconds(), thorough.steps() / thorough.seconds(), thorough.failure() == null ? "" : "; FAILED: " + thorough.failure());
            w.printf("                  fast (each step checked as a step of Next, full comparison every 100): %,d steps in %.2f s = %,.0f checked steps/s%s%n",
                    fast.steps(), fastSeconds, fast.steps() / fastSeconds, fast.failure() == null ? "" : "; FAILED: " + fast.failure());
            if (bytesPerState > 0) w.printf("  memory        : a whole Java world, if kept, takes %,d bytes (measured); the explorer keeps a 64-bit fingerprint per state%n", bytesPerState);
            else w.printf("  memory        : a whole Java world, if kept: not measured (the collector freed more than the set took); the explorer keeps a 64-bit fingerprint per state%n");
            w.flush();
            return thorough.failure() == null && fast.failure() == null && liveDisagrees == null ? Main.OK : Main.DIFFERS;
        }
    }

    private static double median(double[] xs) {
        double[] t = xs.clone();
        java.util.Arrays.sort(t);
        return t[t.length / 2];
    }

    /**
     * The temporal properties on which TLC's verdicts and the Java engine's (the set of those it
     * found violated) disagree, as "P (Java holds, TLC violated), ..."; null when they agree. A
     * property TLC left undecided counts as a disagreement.
     */
    static String disagreements(Set<String> javaViolated, List<adoptsig.check.Verdict> tlc) {
        String out = null;
        for (var v : tlc) {
            Expected java = javaViolated.contains(v.property()) ? Expected.VIOLATED : Expected.HOLDS;
            if (v.actual() != java) out = (out == null ? "" : out + ", ") + v.property()
                    + " (Java " + java.word() + ", TLC " + (v.actual() == null ? "undecided" : v.actual().word()) + ")";
        }
        return out;
    }
}
