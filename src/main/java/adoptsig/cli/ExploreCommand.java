package adoptsig.cli;

import adoptsig.conform.Explorer;
import adoptsig.conform.JavaSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** `explore MODEL`: the Java explorer alone: every reachable world at a model's bounds, compared with TLC's recorded count. */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = {"Enumerate every reachable state of the Java kernel, supervisor and daemons at a model's bounds (or a cfg file's).",
                "Exit code 0: the count equals TLC's recorded one (or there is none); 1: it differs; 2: bad input."})
public final class ExploreCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL", description = "a model of properties/models.tsv, or a cfg file (a path ending in .cfg)") String model;
    @picocli.CommandLine.Mixin ProjectOption where;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        try (Project p = where.open()) {
            JavaSystem sys = p.system(p.bounds(model));
            long recorded = p.recordedStates(model);
            w.printf("explore %s (%s)%n", model, p.source());
            w.flush();
            long t0 = System.nanoTime();
            long states = Explorer.explore(sys, line -> { w.println(line); w.flush(); });
            double s = (System.nanoTime() - t0) / 1e9;
            w.printf("%s: the Java explorer reached %,d distinct states in %.2f s (%,.0f states/s)%s%n", model, states, s, states / s,
                    recorded < 0 ? "; no count recorded" : String.format("; TLC's recorded count: %,d", recorded));
            boolean same = recorded < 0 || states == recorded;
            w.println(recorded < 0 ? "Nothing to compare." : same ? "Same count as TLC."
                    : "DIFFERENT count from TLC: run `conform " + model + "` to find the first difference.");
            w.flush();
            return same ? Main.OK : Main.DIFFERS;
        }
    }
}
