package adoptsig.cli;

import adoptsig.InputError;
import adoptsig.catalog.Mechanism;
import adoptsig.conform.Conformance;
import adoptsig.conform.FastWalk;
import adoptsig.conform.RandomWalk;
import adoptsig.engine.JavaSystem;
import adoptsig.project.Project;
import adoptsig.system.Bounds;
import adoptsig.tlc.SpecBridge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * `conform MODEL`: exhaustive lockstep check of Java against the spec at a model's bounds.
 * `conform --random ...`: random walks in free mode at bounds of your choice.
 */
@Command(name = "conform", mixinStandardHelpOptions = true,
        description = "Check the Java kernel, supervisor and daemons against the spec's Next (TLC's evaluator, in-process).",
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:they agree", "1:they differ (the first difference is printed)",
                ExitCodes.BAD_INPUT, ExitCodes.INCOMPLETE})
public final class ConformCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "MODEL", description = "exhaustive check at this model's bounds (or a cfg file's)") String model;
    @Option(names = "--random", description = "random walks instead (free mode at the bounds below)") boolean random;
    @Option(names = "--seed", defaultValue = "20081216", description = "random seed (default: ${DEFAULT-VALUE})") long seed;
    @Option(names = "--steps", defaultValue = "50000", description = "steps of the fast check; a tenth as many thorough steps (default: ${DEFAULT-VALUE})") long steps;
    @Option(names = "--max-pid", defaultValue = "7", description = "PID pool, init included (default: ${DEFAULT-VALUE})") int maxPid;
    @Option(names = "--services", defaultValue = "a,b", description = "service names (default: ${DEFAULT-VALUE})") String services;
    @Option(names = "--rt-limit", description = "realtime queue limit (default: the mechanism's, else 3)") Integer sigLimit;
    @Option(names = {"--mechanism", "--supervisor"}, defaultValue = "rfc", description = "a mechanism of properties/mechanisms.tsv (default: ${DEFAULT-VALUE})") String mechanism;
    @picocli.CommandLine.Mixin ProjectOption where;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        try (Project p = where.open()) {
            return random ? random(w, p) : exhaustive(w, p);
        }
    }

    private int exhaustive(PrintWriter w, Project p) {
        if (model == null) throw new InputError("name a MODEL (or a cfg file), or give --random");
        Bounds b = p.bounds(model);
        long recorded = p.recordedStates(model);
        SpecBridge bridge = p.bridge(b, false);
        w.printf("conform %s (%s)%n", model, p.source());
        w.flush();
        long t0 = System.nanoTime();
        Conformance.Report r = Conformance.exhaustive(p.system(b), bridge, line -> { w.println(line); w.flush(); });
        double s = (System.nanoTime() - t0) / 1e9;
        w.printf("%s: %,d states and %,d transitions compared in %.1f s%n", model, r.states(), r.transitions(), s);
        if (r.divergence().isPresent()) {
            w.print(r.divergence().get().describe());
            w.flush();
            return Main.DIFFERS;
        }
        w.printf("Java and the spec have the same states and transitions%s.%n",
                recorded < 0 ? "" : String.format(" (TLC's recorded count: %,d)", recorded));
        w.flush();
        return recorded < 0 || r.states() == recorded ? Main.OK : Main.DIFFERS;
    }

    private int random(PrintWriter w, Project p) {
        if (model != null) throw new InputError("--random walks in free mode at the bounds of its options: name no MODEL");
        if (steps < 1) throw new InputError("--steps must be at least 1, not " + steps);
        Mechanism m = p.models().mechanism(mechanism);
        int rt = sigLimit != null ? sigLimit : m.sigLimit() > 0 ? m.sigLimit() : 3;
        List<String> svcs = Arrays.stream(services.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        Bounds b = new Bounds(maxPid, svcs, rt, "free", false, true, m.id());
        JavaSystem sys = p.system(b);
        SpecBridge bridge = p.bridge(b, true);
        w.printf("conform --random: free mode, %d PIDs, services %s, queue limit %d, mechanism %s, seed %d (%s)%n", maxPid, svcs, rt, m.id(), seed, p.source());
        w.flush();
        // 1. thorough walks: full successor sets, invariants on both sides, refused calls, every step
        RandomWalk.Run t = RandomWalk.run(sys, bridge, seed, steps / 10 + 1);
        if (t.failure() != null) {
            w.println(t.failure());
            w.flush();
            return Main.DIFFERS;
        }
        w.printf("thorough: %,d steps in %d walks, %.1f s (%,.0f steps/s): successor sets, invariants and refusals agree%n",
                t.steps(), t.walks(), t.seconds(), t.steps() / t.seconds());
        w.flush();
        // 2. fast pair checks: each step taken checked as a step of Next; full comparison every 100 steps
        long t0 = System.nanoTime();
        FastWalk.Outcome f = FastWalk.run(sys, bridge, seed, steps, 100, 400);
        double s2 = (System.nanoTime() - t0) / 1e9;
        if (f.failure() != null) {
            w.printf("seed %d: %s%n", seed, f.failure());
            w.flush();
            return Main.DIFFERS;
        }
        w.printf("fast: %,d steps in %,d walks, each checked as a step of Next, and %,d full comparisons of successor sets and refusals, %.1f s (%,.0f checked steps/s)%n",
                f.steps(), f.walks(), f.fullChecks(), s2, f.steps() / s2);
        w.printf("seed %d: Java and the spec agree.%n", seed);
        w.flush();
        return Main.OK;
    }
}
