package adoptsig.cli;

import adoptsig.InputError;
import adoptsig.catalog.Property;
import adoptsig.conform.Replay;
import adoptsig.project.Project;
import adoptsig.tlc.TlcOutput;
import adoptsig.tlc.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** `replay MODEL TRACE`: replays a saved TLC counterexample on the Java kernel and supervisor. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a counterexample saved by `check` (trace-PROPERTY.txt) on the Java kernel, supervisor and daemons.",
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:Java takes every step and sees the property violated", "1:it does not",
                ExitCodes.BAD_INPUT, ExitCodes.INCOMPLETE})
public final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "the model the trace belongs to (or its cfg file)") String model;
    @Parameters(index = "1", paramLabel = "TRACE", description = "a trace file saved by check") Path trace;
    @Option(names = "--property", paramLabel = "ID", description = "the violated property (default: from the file name trace-ID.txt)") String property;
    @picocli.CommandLine.Mixin ProjectOption where;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        try (Project p = where.open()) {
            if (!Files.exists(trace)) throw new InputError(trace + ": no such file");
            if (Files.isDirectory(trace)) throw new InputError(trace + ": a folder, not a trace file");
            String id = property;
            String file = trace.getFileName().toString();
            if (id == null) {
                if (!file.matches("trace-[A-Za-z][A-Za-z0-9_]*\\.txt")) throw new InputError(trace + ": name the violated property with --property (the file is not named trace-PROPERTY.txt)");
                id = file.substring("trace-".length(), file.length() - ".txt".length());
            }
            Property prop = p.catalogue().property(id);
            Trace t = read(trace);
            Replay.Result r = Replay.replay(p.system(p.bounds(model)), t, prop);
            w.printf("replay of %s on the Java kernel of %s%n", trace, p.source());
            w.printf("%s: %s%n", trace, r.explanation());
            if (r.replayed()) w.printf("Java took all %d steps of the trace.%n", t.steps());
            w.flush();
            return r.replayed() && r.violationReproduced() ? Main.OK : Main.DIFFERS;
        }
    }

    private static Trace read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InputError("cannot read the trace " + file + ": " + Failures.causes(e));
        }
        Trace t;
        try {
            t = TlcOutput.parseSavedTrace(text);
        } catch (RuntimeException e) {
            throw new InputError(file + ": not a trace saved by check: " + e.getMessage());
        }
        if (t.states().isEmpty()) throw new InputError(file + ": no trace state in it (empty, or not a trace saved by check)");
        return t;
    }
}
