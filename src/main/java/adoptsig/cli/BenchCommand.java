package adoptsig.cli;

import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Model;
import adoptsig.conform.Conformance;
import adoptsig.conform.FastWalk;
import adoptsig.conform.JavaSystem;
import adoptsig.conform.RandomWalk;
import adoptsig.daemon.Bounds;
import adoptsig.daemon.BoundsReader;
import adoptsig.kernel.Kernel;
import adoptsig.supervisor.World;
import adoptsig.tlc.CfgFile;
import adoptsig.tlc.SpecBridge;
import adoptsig.tlc.TlcRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * `bench MODEL`: measured side by side in one run: distinct states per second of the Java
 * explorer and of TLC on the same model (and whether the counts agree), conformance-checked
 * random steps per second, and memory per stored state. Figures, not assertions.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark the Java explorer against TLC on one model.")
public final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL", defaultValue = "MCAdoptionDance") String model;
    @Option(names = "--root", defaultValue = ".") Path root;
    @Option(names = "--steps", defaultValue = "2000") int steps;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        Catalogue c = Catalogue.load(root.toAbsolutePath().normalize());
        Model m = c.model(model);
        CfgFile cfg = CfgFile.read(c.specDir().resolve(m.cfgFile()));
        Bounds b = BoundsReader.of(cfg);
        JavaSystem sys = new JavaSystem(new Kernel(), b);
        Path work = Files.createTempDirectory("adoptsig-bench");

        // Java explorer: best of 3 (the first run warms the JIT up)
        double best = Double.MAX_VALUE;
        long states = 0;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            states = Conformance.explore(sys);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        Set<World> kept = Conformance.exploreSet(sys);
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        long bytesPerState = kept.isEmpty() ? 0 : (after - before) / kept.size();

        // TLC on the same model: one run with no property (the state count alone), 1 worker
        Path run = work.resolve("tlc");
        Files.createDirectories(run);
        SpecBridge.copyModules(c.specDir(), run);
        Files.writeString(run.resolve(m.cfgFile()), cfg.render(List.of(), List.of()));
        TlcRunner.Result r = new TlcRunner().run(new TlcRunner.Request(run, m.module(), m.cfgFile(), 1), p -> { });
        double tlcSeconds = r.elapsed().toMillis() / 1000.0, tlcSearch = r.search().toMillis() / 1000.0;
        long tlcStates = r.output().distinct();

        // conformance-checked random steps per second (free mode, 7 PIDs, two services)
        Bounds free = new Bounds(7, List.of("a", "b"), 3, "free", false, true, "rfc");
        SpecBridge bridge = SpecBridge.load(c.specDir(), "MCAdoption", BoundsReader.cfgText(free), work.resolve("bridge"));
        JavaSystem fs = new JavaSystem(new Kernel(), free);
        Random rnd = new Random(1);
        long done = 0, t0 = System.nanoTime();
        while (done < steps) done += Math.max(1, RandomWalk.walk(fs, bridge, rnd.ints(200, 0, 1_000_000).boxed().toList()).steps().size());
        double stepSeconds = (System.nanoTime() - t0) / 1e9;
        FastWalk.run(fs, bridge, 2, 20_000, 0, 400);                         // warm-up
        long f0 = System.nanoTime();
        FastWalk.Outcome fast = FastWalk.run(fs, bridge, 1, 100_000, 0, 400);
        double fastSeconds = (System.nanoTime() - f0) / 1e9;

        w.printf("%nbench %s (%d cores, Java %s)%n", m.name(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        w.printf("  Java explorer : %,d distinct states in %.3f s = %,.0f states/s (best of 3, one thread)%n", states, best, states / best);
        w.printf("  TLC           : %,d distinct states in %.2f s of search = %,.0f states/s (1 worker; %.1f s wall with JVM start and parsing)%n",
                tlcStates, tlcSearch, tlcStates / tlcSearch, tlcSeconds);
        w.printf("  ratio         : Java explorer %.1fx TLC's search rate; same state count: %s%n", (states / best) / (tlcStates / tlcSearch), states == tlcStates);
        w.printf("  conformance   : thorough (all successors compared, invariants on both sides): %,d steps in %.1f s = %,.0f steps/s%n", done, stepSeconds, done / stepSeconds);
        w.printf("                  fast (each step taken checked as a step of Next): %,d steps taken of %,d random calls in %.2f s = %,.0f checked steps/s (%,.0f calls/s)%n",
                fast.taken(), fast.steps(), fastSeconds, fast.taken() / fastSeconds, fast.steps() / fastSeconds);
        w.printf("  memory        : Java explorer 16 bytes per visited state (64-bit fingerprints, table at most half full) plus the BFS queue of worlds;%n"
                + "                  a whole Java world, if kept, takes %,d bytes (measured); TLC keeps 8-byte fingerprints in memory and full states on disk%n",
                bytesPerState);
        return Main.OK;
    }
}
