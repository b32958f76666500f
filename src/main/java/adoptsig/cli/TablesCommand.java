package adoptsig.cli;

import adoptsig.check.Tables;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** `tables`: prints the README's generated sections (bounds, grid, other models) from the data files, markers included. */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "Print the README's generated sections (the bounds, the grid, the other models) from properties/*.tsv.")
public final class TablesCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin ProjectOption where;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        try (Project p = where.open()) {
            for (Tables.Section s : p.readmeSections()) {
                w.print(s.begin() + "\n" + s.text() + s.end() + "\n\n");
            }
        }
        w.flush();
        return Main.OK;
    }
}
