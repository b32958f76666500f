package adoptsig.cli;

import adoptsig.catalog.Model;
import adoptsig.project.Project;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** `models`: lists every model of properties/models.tsv with its bounds, suite and recorded state count. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List the models of properties/models.tsv.",
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:done", ExitCodes.BAD_INPUT})
public final class ModelsCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin ProjectOption where;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        try (Project p = where.open()) {
            w.printf("The models of %s:%n", p.source());
            w.printf("%-24s %-8s %5s %4s %9s  %s%n", "model", "suite", "PIDs", "svcs", "states", "what");
            for (Model m : p.models().models()) {
                var b = m.bounds();
                w.printf("%-24s %-8s %5d %4d %9s  %s%n", m.name(), m.suite(), b.maxPid(), b.services().size(),
                        m.distinct() < 0 ? "-" : String.format("%,d", m.distinct()), m.summary());
            }
        }
        w.flush();
        return Main.OK;
    }
}
