package adoptsig.game;

import adoptsig.InputError;
import adoptsig.kernel.Adoption;
import adoptsig.kernel.Report;

import java.util.Arrays;
import java.util.List;

/**
 * A kernel interface under test: what init is told when a process is reparented to it, and
 * how the message travels: which adoption mode init asks the kernel for at boot (spec:
 * AdoptModes) and what of the kernel's message init sees. Every interface also gives init
 * SIGCHLD with its si_pid, waitpid and waitid in the kernel's order, and the PIDs its forks
 * return. Listed in properties/interfaces.tsv.
 */
public enum Interface {
    /** Nothing: SIGCHLD and waitpid only. */
    CLASSIC("classic", "none", false, false),
    /** The RFC: si_pid and si_status (the previous parent) on a realtime signal, counted against RLIMIT_SIGPENDING. */
    RFC("rfc", "realtime", true, false),
    /** The RFC's message as a standard signal: one pending at most, read before SIGCHLD by one sigwaitinfo. */
    RFC_STD("rfcStd", "standard", true, false),
    /** The RFC's signal with si_status hidden: si_pid only. */
    RFC_NO_STATUS("rfcNoStatus", "realtime", false, false),
    /** The RFC's signal carrying the previous parent's line of ancestors up to init. */
    RFC_LINE("rfcLine", "line", true, true),
    /** The RFC's message (si_pid, previous parent) kept with the adopted process until init collects it (never lost). */
    WAIT_PREV("waitPrev", "keep", true, false),
    /** The line of ancestors, kept with the adopted process until init collects it (never lost). */
    WAIT_LINE("waitLine", "keep", true, true);

    public final String id;
    /** The kernel's adoption mode (spec: adoptMode): none, realtime, standard, line, keep. */
    public final String mode;
    /** Init sees the previous parent; the previous parent's line of ancestors. */
    public final boolean prev, line;

    Interface(String id, String mode, boolean prev, boolean line) {
        this.id = id;
        this.mode = mode;
        this.prev = prev;
        this.line = line;
    }

    /** Whether init is told of adoptions at all. */
    public boolean tells() { return this != CLASSIC; }

    /** The message travels as a signal in init's queue (else a report kept with the process). */
    public boolean queued() { return tells() && !mode.equals("keep"); }

    /** What init sees of a queued adoption signal. */
    public Msg observe(Adoption a) {
        return new Msg(a.pid(), prev ? a.prev() : 0, line && a.line() != null ? a.line() : List.of());
    }

    /** What init sees of a kept report (previous parent first in its line). */
    public Msg observe(Report r) {
        return new Msg(r.pid(), prev && !line ? r.line().get(0) : 0, line ? r.line() : List.of());
    }

    public static Interface of(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst().orElseThrow(() ->
                new InputError("unknown interface '" + id + "' (known: " + String.join(", ", Arrays.stream(values()).map(i -> i.id).toList()) + ")"));
    }

    public static List<String> ids() { return Arrays.stream(values()).map(i -> i.id).toList(); }
}
