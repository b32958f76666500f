package adoptsig.cli;

import adoptsig.InputError;
import adoptsig.project.Project;
import adoptsig.report.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `tables`: the documentation's generated sections (README.md and the pages of docs/) from the
 * data files. Without options it prints them, markers included; --write puts each in place in
 * its file; --check says which differ (exit 1).
 */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "The generated sections of README.md and docs/*.md (the answer tables, the grid and its bounds, the ablations, "
                + "the other models, the kernel facts) from properties/*.tsv: printed, written in place (--write) or compared (--check).",
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:done (--check: every section is what the data give)", "1:with --check, a section differs",
                ExitCodes.BAD_INPUT, ExitCodes.INCOMPLETE})
public final class TablesCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin ProjectOption where;

    @Option(names = "--write", description = "rewrite every generated section in place, in the file it lives in")
    boolean write;

    @Option(names = "--check", description = "compare every generated section with its file; exit 1 if one differs")
    boolean check;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        if (write && check) throw new InputError("tables: --write and --check exclude each other");
        try (Project p = where.open()) {
            List<Tables.Section> sections = p.generatedSections();
            w.println("<!-- the generated sections of " + p.source() + " -->");
            if (!write && !check) {
                for (Tables.Section s : sections) w.print("<!-- in " + s.file() + " -->\n" + s.begin() + "\n" + s.text() + s.end() + "\n\n");
                w.flush();
                return Main.OK;
            }
            if (p.packaged()) throw new InputError("tables --" + (write ? "write" : "check") + " needs a project folder with README.md and docs/ (here or above, or --root)");
            Map<Path, String> files = new LinkedHashMap<>();
            for (Tables.Section s : sections) {
                Path f = p.root().resolve(s.file());
                if (!files.containsKey(f)) {
                    if (!Files.isRegularFile(f)) throw new InputError(s.file() + ": no such file in " + p.root());
                    files.put(f, read(f));
                }
            }
            if (check) {
                List<String> stale = new ArrayList<>();
                for (Tables.Section s : sections) {
                    String why = Tables.stale(files.get(p.root().resolve(s.file())), s);
                    if (why != null) stale.add(why);
                }
                stale.forEach(w::println);
                w.println(stale.isEmpty() ? "Every generated section (" + sections.size() + ") is what the data files give."
                        : stale.size() + " generated section(s) differ: run `java -jar target/adoptsig.jar tables --write`.");
                w.flush();
                return stale.isEmpty() ? Main.OK : Main.DIFFERS;
            }
            Map<Path, String> updated = new LinkedHashMap<>(files);
            for (Tables.Section s : sections) updated.computeIfPresent(p.root().resolve(s.file()), (f, text) -> Tables.rewrite(text, s));
            for (var e : updated.entrySet()) {
                boolean changed = !e.getValue().equals(files.get(e.getKey()));
                if (changed) writeFile(e.getKey(), e.getValue());
                w.println((changed ? "rewritten: " : "unchanged: ") + p.root().relativize(e.getKey()));
            }
            w.flush();
            return Main.OK;
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeFile(Path f, String text) {
        try {
            Files.writeString(f, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
