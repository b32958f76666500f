package adoptsig.cli;

import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Model;
import adoptsig.conform.Conformance;
import adoptsig.conform.JavaSystem;
import adoptsig.daemon.BoundsReader;
import adoptsig.kernel.Kernel;
import adoptsig.tlc.CfgFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** `explore MODEL`: the Java explorer alone: every reachable world of the model's bounds, compared with the manifest's count. */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = "Enumerate every reachable state of the Java kernel + RFC supervisor at a model's bounds.")
public final class ExploreCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL") String model;
    @Option(names = "--root", defaultValue = ".") Path root;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        Catalogue c = Catalogue.load(root.toAbsolutePath().normalize());
        Model m = c.model(model);
        JavaSystem sys = new JavaSystem(new Kernel(), BoundsReader.of(CfgFile.read(c.specDir().resolve(m.cfgFile()))));
        long t0 = System.nanoTime();
        long states = Conformance.explore(sys);
        double s = (System.nanoTime() - t0) / 1e9;
        w.printf("%s: Java explorer reached %,d distinct states in %.2f s (%,.0f states/s); TLC's recorded count: %,d%n",
                m.name(), states, s, states / s, m.distinct());
        boolean same = states == m.distinct();
        w.println(same ? "Same count as TLC." : "DIFFERENT count from TLC: run `conform " + m.name() + "` to find the first difference.");
        return same ? Main.OK : Main.DIFFERS;
    }
}
