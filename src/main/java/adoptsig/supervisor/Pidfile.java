package adoptsig.supervisor;

import adoptsig.daemon.Daemons;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.Step;
import adoptsig.system.Bounds;
import adoptsig.system.World;

import java.util.List;

/**
 * pidfile: the daemon writes its PID to a file when it chooses; init, when it tracks no PID of
 * the service, reads the file (one call) and checks the PID with kill(pid, 0) (another call),
 * and drops a tracked PID for which kill(pid, 0) fails. Spec: the section "pidfile" of
 * Supervisors.tla.
 */
public class Pidfile extends Classic {
    public Pidfile(Kernel kernel, Bounds bounds, Daemons daemons) { super(kernel, bounds, daemons); }

    /** Spec: PidfileNext ends its wait loop with ClassicWaitAnyDone(FALSE): the file decides a stop. */
    @Override protected boolean decidesAtLoopEnd() { return false; }

    /** Spec: WritePidfile(p): the daemon writes its PID into its service's PID file (not a syscall). */
    public World writePidfile(World w, int p) {
        String pc = w.pc(p);
        if (!(pc.equals("daemon") || pc.equals("daemon2")) || !daemons.ready(w, p)) return null;
        String s = w.kernel().proc(p).svc();
        if (w.pidfile().get(s) == p) return null;
        return w.withKernel(w.kernel().withStep(Step.of("WritePidfile", p, Kernel.NO_PID))).withPidfile(World.put(w.pidfile(), s, p));
    }

    /** Spec: ReadPidfile(s): init reads the file; a missing file means stopped, else kill(pid, 0) next. */
    public World readPidfile(World w, String s) {
        if (!w.supPc().equals("idle") || !w.status().get(s).equals("running") || w.tracked().get(s) != 0L) return null;
        int q = w.pidfile().get(s);
        World x = w.withKernel(w.kernel().withStep(Step.of("ReadPidfile", Kernel.INIT, q)));
        if (q == Kernel.NO_PID) return x.withStatus(World.put(w.status(), s, "stopped"));
        return x.withSupPc("kill").withCarried(new World.Carried(s, q));
    }

    /** Spec: CheckPid: kill(pid, 0) on the PID read: success tracks it, ESRCH reports the service stopped. */
    public World checkPid(World w) {
        if (!w.supPc().equals("kill")) return null;
        String s = w.carried().svc();
        int q = w.carried().pid();
        boolean alive = w.kernel().proc(q).inUse();
        World x = w.withKernel(w.kernel().withStep(Step.of(alive ? "KillZero" : "KillZeroEsrch", Kernel.INIT, q)))
                .withSupPc("idle").withCarried(World.NO_CARRY);
        return alive ? x.withTracked(World.put(w.tracked(), s, 1L << q)) : x.withStatus(World.put(w.status(), s, "stopped"));
    }

    /** Spec: ProbePid(s, q): kill(q, 0) fails with ESRCH for a tracked q. */
    public World probePid(World w, String s, int q) {
        if (!w.supPc().equals("idle") || !World.has(w.tracked().get(s), q) || w.kernel().proc(q).inUse()) return null;
        return w.withKernel(w.kernel().withStep(Step.of("ProbePid", Kernel.INIT, q)))
                .withTracked(World.put(w.tracked(), s, w.tracked().get(s) & ~(1L << q)));
    }

    /** Spec: PidfileNext: classic SIGCHLD handling, ReadPidfile, CheckPid and ProbePid, ... */
    @Override protected void ownSteps(World w, List<World> out) {
        for (String s : bounds.services()) add(out, readPidfile(w, s));
        add(out, checkPid(w));
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
