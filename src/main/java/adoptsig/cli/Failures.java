package adoptsig.cli;

import adoptsig.InputError;
import adoptsig.RunFailure;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * What ended a command early, as an exit code and one line: bad input (2), or a run that could
 * not be completed (3: out of memory, a disk or folder that cannot be written, a killed process,
 * a limit; and a bug, with its exception named). The line carries the underlying cause, such as
 * "No space left on device", never a stack trace.
 */
final class Failures {
    private Failures() {}

    /** The exit code and the line (without the "adoptsig: " prefix) for what a command threw. */
    record Failure(int code, String line) {}

    static Failure describe(Throwable e) {
        if (e instanceof InputError) return new Failure(Main.BAD_INPUT, "error: " + e.getMessage());
        if (e instanceof RunFailure) return new Failure(Main.INCOMPLETE, "the run could not be completed: " + e.getMessage());
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) return new Failure(Main.INCOMPLETE, "the run could not be completed: " + outOfMemory(c));
            if (c instanceof InputError) return new Failure(Main.BAD_INPUT, "error: " + c.getMessage());
            if (c instanceof RunFailure) return new Failure(Main.INCOMPLETE, "the run could not be completed: " + c.getMessage());
        }
        if (hasCause(e, java.io.IOException.class)) return new Failure(Main.INCOMPLETE, "the run could not be completed: " + causes(e));
        return new Failure(Main.INCOMPLETE, "internal error (a bug, please report): " + causes(e));
    }

    /** Out of memory, with the heap's size and what to do about it. */
    static String outOfMemory(Throwable oom) {
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        return "out of memory (" + (oom.getMessage() == null ? "heap" : oom.getMessage()) + "; the heap holds at most " + mb
                + " MB): give Java more with -Xmx, or lower the command's limit";
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable c = e; c != null; c = c.getCause()) if (kind.isInstance(c)) return true;
        return false;
    }

    /** Every distinct message of the cause chain, outermost first, in one line. */
    static String causes(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = message(c);
            if (m == null || parts.stream().anyMatch(p -> p.contains(m))) continue;
            parts.removeIf(m::contains);
            parts.add(m);
        }
        String line = parts.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", parts);
        return line.replaceAll("\\s*\\R\\s*", " ");
    }

    private static String message(Throwable c) {
        if (c instanceof AccessDeniedException a) return a.getFile() + ": permission denied";
        if (c instanceof NoSuchFileException n) return n.getFile() + ": no such file or folder";
        if (c instanceof FileAlreadyExistsException f) return f.getFile() + ": already exists";
        if (c instanceof FileSystemException f && f.getReason() != null) return f.getMessage();
        if (c.getMessage() == null) return c instanceof java.io.UncheckedIOException ? null : c.getClass().getName();
        if (c.getCause() != null && c.getMessage().equals(c.getCause().toString())) return null;
        boolean plain = c instanceof java.io.IOException || c instanceof java.io.UncheckedIOException || c instanceof IllegalStateException
                || c instanceof InputError || c instanceof RunFailure;
        return plain ? c.getMessage() : c.getClass().getName() + ": " + c.getMessage();
    }
}
