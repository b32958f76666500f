package adoptsig.cli;

import adoptsig.catalog.Catalogue;
import adoptsig.catalog.InputError;
import adoptsig.catalog.Model;
import adoptsig.catalog.Property;
import adoptsig.conform.Conformance;
import adoptsig.conform.FastWalk;
import adoptsig.conform.JavaSystem;
import adoptsig.conform.RandomWalk;
import adoptsig.daemon.Bounds;
import adoptsig.daemon.BoundsReader;
import adoptsig.kernel.Kernel;
import adoptsig.tlc.CfgFile;
import adoptsig.tlc.SpecBridge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * `conform MODEL`: exhaustive lockstep check of Java against the spec at a model's bounds.
 * `conform --random ...`: random walks in free mode at bounds of your choice.
 */
@Command(name = "conform", mixinStandardHelpOptions = true,
        description = "Check the Java kernel + supervisor against the spec's Next (TLC's evaluator, in-process).")
public final class ConformCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "MODEL", description = "exhaustive check at this model's bounds") String model;
    @Option(names = "--random", description = "random walks instead (free mode at the bounds below)") boolean random;
    @Option(names = "--seed", defaultValue = "20081216") long seed;
    @Option(names = "--steps", defaultValue = "50000", description = "random calls of the fast check; a tenth as many thorough steps (default: ${DEFAULT-VALUE})") int steps;
    @Option(names = "--max-pid", defaultValue = "7") int maxPid;
    @Option(names = "--services", defaultValue = "a,b") String services;
    @Option(names = "--rt-limit", defaultValue = "3") int rtLimit;
    @Option(names = "--supervisor", defaultValue = "rfc", description = "rfc, rfcBest, classic or cgroup (default: ${DEFAULT-VALUE})") String supervisor;
    @Option(names = "--root", defaultValue = ".") Path root;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        Catalogue c = Catalogue.load(root.toAbsolutePath().normalize());
        Path work = Files.createTempDirectory("adoptsig-conform");
        if (!random) {
            if (model == null) throw new InputError("name a MODEL, or give --random");
            Model m = c.model(model);
            Bounds b = BoundsReader.of(CfgFile.read(c.specDir().resolve(m.cfgFile())));
            SpecBridge bridge = SpecBridge.load(c.specDir(), m.module(), BoundsReader.cfgText(b), work);
            long t0 = System.nanoTime();
            Conformance.Report r = Conformance.exhaustive(new JavaSystem(new Kernel(), b), bridge);
            double s = (System.nanoTime() - t0) / 1e9;
            w.printf("%s: %,d states and %,d transitions compared in %.1f s%n", m.name(), r.states(), r.transitions(), s);
            if (r.divergence().isPresent()) {
                w.print(r.divergence().get().describe());
                return Main.DIFFERS;
            }
            w.printf("Java and the spec have the same states and transitions (TLC's recorded count: %,d).%n", m.distinct());
            return r.states() == m.distinct() ? Main.OK : Main.DIFFERS;
        }
        if (maxPid < 2 || maxPid > 62) throw new InputError("--max-pid must be 2..62");
        if (rtLimit < 0 || steps < 1) throw new InputError("--rt-limit and --steps must not be negative");
        List<String> svcs = Arrays.stream(services.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        if (svcs.isEmpty() || svcs.stream().anyMatch(x -> !x.matches("[a-z][a-z0-9]*"))) throw new InputError("--services must be lower-case names, e.g. a,b");
        if (!Bounds.SUPERVISORS.contains(supervisor)) throw new InputError("--supervisor must be one of " + Bounds.SUPERVISORS);
        Bounds b = new Bounds(maxPid, svcs, rtLimit, "free", false, true, supervisor);
        List<String> inv = c.properties().stream().filter(p -> p.kind().isStatePredicate()).map(Property::id).toList();
        SpecBridge bridge = SpecBridge.load(c.specDir(), "MCAdoption", BoundsReader.cfgText(b), inv, work);
        JavaSystem sys = new JavaSystem(new Kernel(), b);
        // 1. thorough walks: full successor sets, invariants on both sides, refused calls, every step
        Random rnd = new Random(seed);
        long done = 0, t0 = System.nanoTime();
        int walks = 0;
        while (done < steps / 10 + 1) {
            RandomWalk.Outcome o = RandomWalk.walk(sys, bridge, rnd.ints(200, 0, 1_000_000).boxed().toList());
            walks++;
            if (!o.ok()) {
                w.printf("seed %d, walk %d: %s%n  steps: %s%n", seed, walks, o.failure(), String.join(" -> ", o.steps()));
                return Main.DIFFERS;
            }
            done += Math.max(1, o.steps().size());
        }
        double s1 = (System.nanoTime() - t0) / 1e9;
        w.printf("thorough: %,d steps in %d walks, %.1f s (%,.0f steps/s): successor sets and invariants agree%n", done, walks, s1, done / s1);
        // 2. fast pair checks: random calls, each step taken checked as a step of Next; full comparison every 100 calls
        t0 = System.nanoTime();
        FastWalk.Outcome f = FastWalk.run(sys, bridge, seed, steps, 100, 400);
        double s2 = (System.nanoTime() - t0) / 1e9;
        if (f.failure() != null) {
            w.printf("seed %d: %s%n", seed, f.failure());
            return Main.DIFFERS;
        }
        w.printf("fast: %,d random calls (%,d taken, each checked as a step of Next; %,d refused by Java, refusals compared with the spec at the full check every 100 calls), %.1f s (%,.0f checked steps/s)%n",
                f.steps(), f.taken(), f.refused(), s2, f.taken() / s2);
        w.printf("seed %d: Java and the spec agree.%n", seed);
        return Main.OK;
    }
}
