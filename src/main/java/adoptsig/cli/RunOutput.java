package adoptsig.cli;

import adoptsig.check.ModelOutcome;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the commands share in printing: progress lines on the command's writer, stories, files of the results folder. */
final class RunOutput {
    private RunOutput() {}

    /** A PrintStream whose lines go to the command's writer (so tests capture progress too). */
    static PrintStream log(PrintWriter w) {
        return new PrintStream(new OutputStream() {
            @Override public void write(int b) { w.write(b); }
            @Override public void write(byte[] b, int off, int len) { w.write(new String(b, off, len, StandardCharsets.UTF_8)); }
            @Override public void flush() { w.flush(); }
        }, true, StandardCharsets.UTF_8);
    }

    /** Prints the story of every violation of the outcomes, each under a line naming its raw trace. */
    static void printStories(PrintWriter w, List<ModelOutcome> outcomes) {
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

    /** The command as it was typed, for the record of a run (adoptsig COMMAND ARGS...). */
    static String commandLine(picocli.CommandLine.Model.CommandSpec spec) {
        List<String> args = spec.commandLine().getParseResult() == null ? List.of() : spec.commandLine().getParseResult().originalArgs();
        return "adoptsig " + String.join(" ", args);
    }

    /** Writes a file of the results folder. */
    static void write(Path file, String text) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new adoptsig.RunFailure("cannot write " + file + ": " + Failures.causes(e));
        }
    }
}
