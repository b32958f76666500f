package adoptsig.cli;

import adoptsig.catalog.Catalogue;
import adoptsig.check.ReadmeTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** `readme-table`: prints the README's verdict matrix generated from the manifest and verdict files. */
@Command(name = "readme-table", mixinStandardHelpOptions = true,
        description = "Print the README's verdict table, generated from spec/manifest.tsv and properties/verdicts.tsv.")
public final class ReadmeTableCommand implements Callable<Integer> {
    @Option(names = "--root", defaultValue = ".", description = "project folder (default: ${DEFAULT-VALUE})")
    Path root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(ReadmeTable.BEGIN + "\n" + ReadmeTable.render(Catalogue.load(root.toAbsolutePath().normalize())) + ReadmeTable.END + "\n");
        return Main.OK;
    }
}
