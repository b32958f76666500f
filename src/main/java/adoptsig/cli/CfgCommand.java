package adoptsig.cli;

import adoptsig.catalog.Model;
import adoptsig.check.Job;
import adoptsig.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;

/** `cfg MODEL`: prints the cfg TLC checks for a model (every property it checks), to run TLC by hand or to edit for `check --cfg`. */
@Command(name = "cfg", mixinStandardHelpOptions = true,
        description = "Print the TLC cfg of a model (its constants, its mechanism's specification, every property it checks).",
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:done", ExitCodes.BAD_INPUT})
public final class CfgCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL") String model;

    @picocli.CommandLine.Mixin ProjectOption where;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Project p = where.open()) {
            Model m = p.models().model(model);
            Job j = Job.of(m, 0);
            String text = p.checker(1, null, new PrintStream(OutputStream.nullOutputStream())).cfgText(j, j.properties());
            spec.commandLine().getOut().print("\\* read from " + p.source() + "\n" + text);
            spec.commandLine().getOut().flush();
        }
        return Main.OK;
    }
}
