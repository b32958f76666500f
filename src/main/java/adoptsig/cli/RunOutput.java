package adoptsig.cli;

import adoptsig.catalog.InputError;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** What `check` and `matrix` share: the results folder of a run, and progress lines on the command's writer. */
final class RunOutput {
    private RunOutput() {}

    /**
     * The results folder: {@code out} if given, else target/adoptsig-runs/PREFIX&lt;time&gt; under
     * the project; an existing non-empty folder is bad input (nothing of an earlier run is lost).
     */
    static Path resultsFolder(Path projectRoot, Path out, String prefix) {
        Path results = out != null ? out : projectRoot.resolve("target/adoptsig-runs")
                .resolve(prefix + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (Files.isDirectory(results)) {
            try (var entries = Files.list(results)) {
                if (entries.findAny().isPresent()) throw new InputError("results folder " + results + " is not empty; give another --out");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return results;
    }

    /** A PrintStream whose lines go to the command's writer (so tests capture progress too). */
    static PrintStream log(PrintWriter w) {
        return new PrintStream(new OutputStream() {
            @Override public void write(int b) { w.write(b); }
            @Override public void write(byte[] b, int off, int len) { w.write(new String(b, off, len, StandardCharsets.UTF_8)); }
            @Override public void flush() { w.flush(); }
        }, true, StandardCharsets.UTF_8);
    }

    /** Prints the story of every violation of the outcomes, each under a line naming its raw trace. */
    static void printStories(PrintWriter w, java.util.List<adoptsig.check.ModelOutcome> outcomes) {
        for (var o : outcomes) for (var v : o.verdicts()) {
            if (v.story() == null) continue;
            try {
                w.printf("%n---- %s / %s (raw trace: %s) ----%n", v.model(), v.property(), v.trace());
                w.print(Files.readString(v.story()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
