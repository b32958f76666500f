package adoptsig.tlc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * What one TLC run prints, line by line, whichever way TLC runs: every line is saved to the
 * run's log (tlc.out) and read by {@link TlcOutput}; after each complete message the request's
 * stop rule is asked whether the run has told enough (then the runner stops TLC, and what TLC
 * prints after that message is only logged). As an
 * OutputStream (the in-process path) it decodes UTF-8 and splits lines itself; writes from
 * several TLC threads are serialised.
 */
final class RunLog extends OutputStream {
    private final Writer log;
    private final TlcOutput output;
    private final Predicate<TlcOutput> stopWhen;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private volatile boolean stopRequested;

    RunLog(Writer log, TlcOutput output, Predicate<TlcOutput> stopWhen) {
        this.log = log;
        this.output = output;
        this.stopWhen = stopWhen;
    }

    /** One line of TLC's output (without its line end). */
    synchronized void line(String line) {
        try {
            log.write(line);
            log.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the TLC log", e);
        }
        // once the stop rule has said enough, TLC's further output (printed before it stops, maybe cut off
        // mid-trace when it is killed) is logged but not read: what the run tells is the same in both modes
        if (stopRequested) return;
        if (output.accept(line) && stopWhen != null && stopWhen.test(output)) stopRequested = true;
    }

    /** The stop rule said the run has told enough: the runner should stop TLC. */
    boolean stopRequested() { return stopRequested; }

    /** A line written outside TLC's output (the command, a note from the runner). */
    synchronized void note(String text) {
        try {
            log.write("# " + text + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the TLC log", e);
        }
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') flushLine();
        else pending.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int end = off + len, from = off;
        for (int i = off; i < end; i++) {
            if (b[i] == '\n') {
                pending.write(b, from, i - from);
                flushLine();
                from = i + 1;
            }
        }
        pending.write(b, from, end - from);
    }

    private void flushLine() {
        String s = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        if (s.endsWith("\r")) s = s.substring(0, s.length() - 1);
        line(s);
    }

    /** Ends a last line that had no line end. */
    synchronized void finish() {
        if (pending.size() > 0) flushLine();
        try {
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the TLC log", e);
        }
    }
}
