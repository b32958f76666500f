package adoptsig.product;

import adoptsig.InputError;

import java.util.Arrays;
import java.util.List;

/**
 * A kernel interface under test: what init is told when a process is reparented to it, and
 * how the message travels (spec: the constant Interface of Indistinguishability.tla). Every
 * interface also gives init SIGCHLD, waitpid(-1, WNOHANG) and the PIDs its forks return.
 */
public enum Interface {
    /** Nothing: SIGCHLD and waitpid only. */
    CLASSIC("classic", false, false, false),
    /** The RFC: si_pid and si_status (the previous parent) on a realtime signal, queued up to SigLimit. */
    RFC("rfc", true, true, false),
    /** The RFC's message as a standard signal: one pending at most (SigLimit = 1). */
    RFC_STD("rfcStd", true, true, false),
    /** The RFC's signal with si_status hidden: si_pid only. */
    RFC_NO_STATUS("rfcNoStatus", true, false, false),
    /** The RFC's signal carrying the previous parent's line of ancestors up to init. */
    RFC_LINE("rfcLine", true, false, true),
    /** The RFC's message (si_pid, previous parent) kept with the adopted process until init collects it (never lost). */
    WAIT_PREV("waitPrev", false, true, false),
    /** The line of ancestors, kept with the adopted process until init collects it (never lost). */
    WAIT_LINE("waitLine", false, false, true);

    public final String id;
    /** The channel is a bounded FIFO queue (else a set the kernel keeps with the processes). */
    public final boolean queued;
    public final boolean prev, line;

    Interface(String id, boolean queued, boolean prev, boolean line) {
        this.id = id;
        this.queued = queued;
        this.prev = prev;
        this.line = line;
    }

    /** Whether init is told of adoptions at all. */
    public boolean tells() { return this != CLASSIC; }

    public static Interface of(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst().orElseThrow(() ->
                new InputError("unknown interface '" + id + "' (known: " + String.join(", ", Arrays.stream(values()).map(i -> i.id).toList()) + ")"));
    }

    public static List<String> ids() { return Arrays.stream(values()).map(i -> i.id).toList(); }
}
