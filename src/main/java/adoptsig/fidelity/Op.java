package adoptsig.fidelity;

import adoptsig.InputError;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of a fidelity script, named as the spec's action where there is one: Fork,
 * Exit, Setsid, Exec, OpenTty, PrctlSetChildSubreaper, OutsideFork (the harness moves the PID
 * cursor with ns_last_pid), WaitNohang and Wait (waitpid(-1) with and without WNOHANG: Reap, or
 * its 0 / ECHILD results), ReadSignals (init drains its signalfd: DequeueSigchld, then
 * DequeueAdoption until the queue is empty). Two have no action in the spec: OpenTtyNoctty
 * (open with O_NOCTTY, which changes nothing) and Sigqueue (a realtime signal to init, see
 * Kernel.sigqueue). pid: the model PID of the process that makes the call (init for
 * ReadSignals); arg: the cursor's new value for OutsideFork.
 */
public record Op(String name, int pid, int arg) {
    public static final List<String> NAMES = List.of("Fork", "Exit", "WaitNohang", "Wait", "Setsid", "Exec", "OpenTty",
            "OpenTtyNoctty", "PrctlSetChildSubreaper", "Sigqueue", "ReadSignals", "OutsideFork");

    private static final Pattern FORM = Pattern.compile("([A-Za-z]+)(?:\\((\\d+)\\))?");

    public static Op of(String name, int pid) { return new Op(name, pid, 0); }

    /** Reads "Fork(2)", "ReadSignals", "OutsideFork(4)"; bad input names what is wrong. */
    public static Op parse(String text, String where) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches() || !NAMES.contains(m.group(1))) {
            throw new InputError(where + ": '" + text + "' is not an operation (one of " + String.join(", ", NAMES) + ", with a PID in parentheses)");
        }
        String name = m.group(1);
        boolean bare = name.equals("ReadSignals");
        if (bare != (m.group(2) == null)) {
            throw new InputError(where + ": '" + text + "': " + (bare ? "ReadSignals takes no PID" : name + " needs a PID, as " + name + "(2)"));
        }
        if (bare) return new Op(name, 1, 0);
        int n = Integer.parseInt(m.group(2));
        return name.equals("OutsideFork") ? new Op(name, 1, n) : new Op(name, n, 0);
    }

    @Override public String toString() {
        if (name.equals("ReadSignals")) return name;
        return name + "(" + (name.equals("OutsideFork") ? arg : pid) + ")";
    }
}
