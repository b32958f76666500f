package adoptsig.game;

import adoptsig.catalog.Answers;
import adoptsig.kernel.Adoption;
import adoptsig.kernel.Report;

import java.util.List;

/**
 * A kernel interface under test, as properties/interfaces.tsv gives it (the one place that says
 * it): what init is told when a process is reparented to it, and how the message travels:
 * which adoption mode init asks the kernel for at boot (spec: AdoptModes, adoptMode) and what of
 * the kernel's message init sees. Every interface also gives init SIGCHLD with its si_pid,
 * waitpid and waitid in the kernel's order, and the PIDs its forks return.
 *
 * @param mode the kernel's adoption mode: none, realtime, standard, line, keep
 * @param prev init sees the previous parent
 * @param line init sees the previous parent's line of ancestors
 */
public record Interface(String id, String mode, boolean prev, boolean line) {
    /** The interface of a row of properties/interfaces.tsv. */
    public static Interface of(Answers.InterfaceRow row) { return new Interface(row.id(), row.mode(), row.prev(), row.line()); }

    /** Whether init is told of adoptions at all. */
    public boolean tells() { return !mode.equals("none"); }

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
}
