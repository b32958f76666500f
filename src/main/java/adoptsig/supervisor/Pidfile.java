package adoptsig.supervisor;

import adoptsig.daemon.Daemons;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.Step;
import adoptsig.system.Bounds;
import adoptsig.system.World;

import java.util.List;

/**
 * pidfile: the daemon, once daemonized, may write its PID to a file when it chooses; init,
 * once it tracks no PID of the service, reads the file and tracks the PID in it if kill(pid,
 * 0) succeeds, drops a tracked PID for which kill(pid, 0) fails, and reports the service
 * stopped when it tracks nothing and the file names no process. Spec: the section "pidfile"
 * of Supervisors.tla.
 */
public class Pidfile extends InitSteps {
    public Pidfile(Kernel kernel, Bounds bounds, Daemons daemons) { super(kernel, bounds, daemons); }

    /** Spec: PidfileInit == InitWith("none"). */
    @Override public String adopt() { return "none"; }

    /** Spec: PidfileNamesProcess(s): kill(pid, 0) succeeds on the PID in the file. */
    private static boolean namesProcess(World w, String s) {
        int q = w.pidfile().get(s);
        return q != Kernel.NO_PID && w.kernel().proc(q).inUse();
    }

    /** Spec: WritePidfile(p): the daemon writes its PID into its service's PID file (not a syscall). */
    public World writePidfile(World w, int p) {
        String pc = w.pc(p);
        if (!(pc.equals("daemon") || pc.equals("daemon2")) || !daemons.ready(w, p)) return null;
        String s = w.kernel().proc(p).svc();
        if (w.pidfile().get(s) == p) return null;
        return w.withKernel(w.kernel().withStep(Step.of("WritePidfile", p, Kernel.NO_PID))).withPidfile(World.put(w.pidfile(), s, p));
    }

    /** Spec: ReadPidfile(s). */
    public World readPidfile(World w, String s) {
        if (!drained(w) || !w.status().get(s).equals("running") || w.tracked().get(s) != 0L || !namesProcess(w, s)) return null;
        int q = w.pidfile().get(s);
        return w.withKernel(w.kernel().withStep(Step.of("ReadPidfile", Kernel.INIT, q))).withTracked(World.put(w.tracked(), s, 1L << q));
    }

    /** Spec: ProbePid(s, q): kill(q, 0) fails with ESRCH for a tracked q. */
    public World probePid(World w, String s, int q) {
        if (!World.has(w.tracked().get(s), q) || w.kernel().proc(q).inUse()) return null;
        return w.withKernel(w.kernel().withStep(Step.of("ProbePid", Kernel.INIT, q)))
                .withTracked(World.put(w.tracked(), s, w.tracked().get(s) & ~(1L << q)));
    }

    /** Spec: PidfileDecideStopped(s): init tracks nothing and the file names no process. */
    @Override public World decideStopped(World w, String s) {
        return decideStoppedWhen(w, s, w.tracked().get(s) == 0L && !namesProcess(w, s));
    }

    /** Spec: PidfileNext: the shared steps (with PidfileDecideStopped), ReadPidfile and ProbePid, ... */
    @Override protected void ownSteps(World w, List<World> out) {
        for (String s : bounds.services()) add(out, readPidfile(w, s));
        for (String s : bounds.services()) for (int q = 1; q <= bounds.maxPid(); q++) add(out, probePid(w, s, q));
    }

    /** ... and every daemon step, unseen, or the daemon writing its PID file. */
    @Override protected void daemonSteps(World w, List<World> out) {
        for (int p = 2; p <= bounds.maxPid(); p++) {
            out.addAll(daemons.steps(w, p));
            add(out, writePidfile(w, p));
        }
    }
}
