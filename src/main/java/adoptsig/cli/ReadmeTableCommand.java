package adoptsig.cli;

import adoptsig.catalog.Catalogue;
import adoptsig.check.ReadmeTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * `readme-table`: prints the README's verdict table generated from the manifest and verdict
 * files, or (--matrix) the README's race-condition matrix generated from properties/matrix.tsv.
 */
@Command(name = "readme-table", mixinStandardHelpOptions = true,
        description = "Print the README's verdict table (from spec/manifest.tsv and properties/verdicts.tsv), or with --matrix its race-condition matrix (from properties/*.tsv).")
public final class ReadmeTableCommand implements Callable<Integer> {
    @Option(names = "--root", defaultValue = ".", description = "project folder (default: ${DEFAULT-VALUE})")
    Path root;

    @Option(names = "--matrix", description = "print the race-condition matrix section instead")
    boolean matrix;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (matrix) {
            Catalogue c = Catalogue.load(root.toAbsolutePath().normalize());
            spec.commandLine().getOut().print(adoptsig.check.MatrixTable.BEGIN + "\n"
                    + adoptsig.check.MatrixTable.readme(adoptsig.catalog.Matrix.load(c.root(), c)) + adoptsig.check.MatrixTable.END + "\n");
            return Main.OK;
        }
        spec.commandLine().getOut().print(ReadmeTable.BEGIN + "\n" + ReadmeTable.render(Catalogue.load(root.toAbsolutePath().normalize())) + ReadmeTable.END + "\n");
        return Main.OK;
    }
}
