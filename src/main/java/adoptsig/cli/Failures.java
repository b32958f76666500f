package adoptsig.cli;

import adoptsig.InputError;
import adoptsig.RunFailure;

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
    static String causes(Throwable e) { return RunFailure.causes(e); }
}
