package adoptsig.fidelity;

import adoptsig.InputError;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of a fidelity script, named as the spec's action or init's call where there is
 * one. Four forms:
 * <ul>
 * <li>a process's call, Name(p): Fork, Exit, Setsid, Exec, OpenTty, PrctlSetChildSubreaper;
 * WaitNohang and Wait (waitpid(-1) with and without WNOHANG: Reap, or its 0 / ECHILD results,
 * or a wait that blocks); OpenTtyNoctty (open with O_NOCTTY, which changes nothing) and Sigqueue
 * (a realtime signal to init, see Kernel.sigqueue), which have no action in the spec;</li>
 * <li>a process's wait for one child, Reap(p,c): waitpid(c, WNOHANG);</li>
 * <li>init's reads, bare: ReadSignals (init drains its signalfd), ReadSigchld and ReadAdoption
 * (sigtimedwait for SIGCHLD, for SIGRTMIN, zero timeout), Peek (waitid WNOWAIT), Probe (init forks
 * a child whose exit is a later step, Exit(c), as in the spec's InitProbe);</li>
 * <li>init's calls about one PID, Name(q): WaitPid (waitpid(q, WNOHANG)), KillZero (kill(q, 0)),
 * OutsideFork (the harness moves the PID cursor to q, with ns_last_pid).</li>
 * </ul>
 * pid: the model PID of the caller (init for init's calls); arg: the other PID (the child of
 * Reap, q of WaitPid, KillZero and OutsideFork).
 */
public record Op(String name, int pid, int arg) {
    /** The forms, by how an operation is written. */
    public enum Form { CALLER, PAIR, INIT, INIT_PID }

    public static final List<String> CALLER = List.of("Fork", "Exit", "WaitNohang", "Wait", "Setsid", "Exec", "OpenTty",
            "OpenTtyNoctty", "PrctlSetChildSubreaper", "Sigqueue");
    public static final List<String> PAIR = List.of("Reap");
    public static final List<String> INIT = List.of("ReadSignals", "ReadSigchld", "ReadAdoption", "Peek", "Probe");
    public static final List<String> INIT_PID = List.of("WaitPid", "KillZero", "OutsideFork");

    /** The whole vocabulary. */
    public static final List<String> NAMES = java.util.stream.Stream.of(CALLER, PAIR, INIT, INIT_PID).flatMap(List::stream).toList();

    private static final Pattern FORM = Pattern.compile("([A-Za-z]+)(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");

    public static Form form(String name) {
        if (CALLER.contains(name)) return Form.CALLER;
        if (PAIR.contains(name)) return Form.PAIR;
        if (INIT.contains(name)) return Form.INIT;
        if (INIT_PID.contains(name)) return Form.INIT_PID;
        throw new IllegalArgumentException("no operation " + name);
    }

    public Form form() { return form(name); }

    /** A process's call Name(p). */
    public static Op of(String name, int pid) { return new Op(name, pid, 0); }

    /** One of init's calls: bare, or about PID q. */
    public static Op init(String name, int q) { return new Op(name, 1, q); }

    /** Reads "Fork(2)", "Reap(2,3)", "ReadSigchld", "WaitPid(3)"; bad input names what is wrong. */
    public static Op parse(String text, String where) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches() || !NAMES.contains(m.group(1))) {
            throw new InputError(where + ": '" + text + "' is not an operation (one of " + String.join(", ", NAMES)
                    + "; a process's call with its PID in parentheses, as Fork(2); Reap(p,c); init's reads bare, as ReadSigchld)");
        }
        String name = m.group(1);
        int args = m.group(2) == null ? 0 : m.group(3) == null ? 1 : 2;
        Form f = form(name);
        int want = switch (f) { case CALLER, INIT_PID -> 1; case PAIR -> 2; case INIT -> 0; };
        if (args != want) {
            String how = switch (f) {
                case CALLER -> name + " needs a PID, as " + name + "(2)";
                case PAIR -> name + " needs the caller and the child, as " + name + "(2,3)";
                case INIT -> name + " takes no PID";
                case INIT_PID -> name + " needs one PID, as " + name + "(3)";
            };
            throw new InputError(where + ": '" + text + "': " + how);
        }
        return switch (f) {
            case CALLER -> new Op(name, Integer.parseInt(m.group(2)), 0);
            case PAIR -> new Op(name, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            case INIT -> new Op(name, 1, 0);
            case INIT_PID -> new Op(name, 1, Integer.parseInt(m.group(2)));
        };
    }

    @Override public String toString() {
        return switch (form()) {
            case CALLER -> name + "(" + pid + ")";
            case PAIR -> name + "(" + pid + "," + arg + ")";
            case INIT -> name;
            case INIT_PID -> name + "(" + arg + ")";
        };
    }
}
