package adoptsig.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * The file PARTIAL of a results folder: written when a run starts, removed when it ends with its
 * results complete, and otherwise left with the reason it stopped: the cause of a failure, or
 * "stopped by a signal" from a shutdown hook (Ctrl-C, SIGTERM). A run killed outright (SIGKILL,
 * a power cut) leaves the file as it was written at the start, which still says the results are
 * not all there. Everything the run wrote before it stopped stays in the folder.
 */
final class RunMark {
    static final String FILE = "PARTIAL";

    private final Path file;
    private final Thread hook;
    private volatile boolean over;

    private RunMark(Path results, String command) {
        this.file = results.resolve(FILE);
        write(String.format("This run has not finished: `%s`, started %s (process %d).%n"
                        + "The results in this folder are those of the models or checks finished so far; this file is removed when the run ends complete.%n",
                command, now(), ProcessHandle.current().pid()), false);
        this.hook = new Thread(() -> stop("stopped by a signal (Ctrl-C, SIGTERM) or the JVM's exit before the run's end"), "partial-results");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Runs {@code body} with PARTIAL in {@code results}: removed when the body returns (its
     * results complete: the exit code says whether they agree), left with the cause when it throws
     * or the JVM is stopped.
     */
    static int around(Path results, String command, Supplier<Integer> body) {
        RunMark m = new RunMark(results, command);
        try {
            int code = body.get();
            m.done();
            return code;
        } catch (RuntimeException | Error e) {
            m.stop(Failures.describe(e).line());
            throw e;
        }
    }

    /** The run ended with its results complete (whatever they say). */
    synchronized void done() {
        if (over) return;
        over = true;
        removeHook();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the mark stays; it says the run had not finished, which is the cautious reading
        }
    }

    /** The run stopped before its end, for this reason; what it wrote so far stays. */
    synchronized void stop(String why) {
        if (over) return;
        over = true;
        if (Thread.currentThread() != hook) removeHook();
        write(String.format("Stopped %s: %s%n", now(), why), true);
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs, and finds the mark settled
        }
    }

    private void write(String text, boolean append) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, append ? new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND}
                    : new StandardOpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE});
        } catch (IOException e) {
            if (!append) throw new adoptsig.RunFailure("cannot write " + file + ": " + Failures.causes(e));
            // a disk too full for this line: the mark written at the start still says the run did not finish
        }
    }

    private static String now() { return LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).replaceFirst("\\.\\d+$", ""); }
}
