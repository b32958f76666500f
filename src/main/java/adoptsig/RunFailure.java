package adoptsig;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * A run that could not be completed for a reason outside the input: the heap or the disk is
 * full, a folder cannot be written, a TLC process was killed, a time or state limit was reached.
 * The command line prints the message as one line, keeps what was done so far, and exits 3.
 */
public class RunFailure extends RuntimeException {
    public RunFailure(String message) { super(message, null, false, false); }

    /** Every distinct message of the cause chain, outermost first, in one line. */
    public static String causes(Throwable e) {
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
