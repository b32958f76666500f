package adoptsig.supervisor;

import adoptsig.kernel.Adoption;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Result;
import adoptsig.kernel.Step;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The RFC's supervisor (init with PR_SET_ADOPTSIG) over the Java kernel: the same decisions
 * as spec/Adoption.tla, including its favourable readings F1-F3. Each method is one step of
 * the spec's SupervisorStep (or Spawn) and returns the next world, or null when the spec's
 * action is not enabled.
 */
public final class RfcSupervisor {
    private final Kernel kernel;
    /** Spec: Best (Supervisor = "rfcBest"). */
    private final boolean best;
    /** Spec: Cgroup (Supervisor = "cgroup"). */
    private final boolean cgroup;

    public RfcSupervisor(Kernel kernel) { this(kernel, "rfc"); }

    /** mechanism: the spec's Supervisor constant ("rfc", "rfcBest", "classic", "cgroup"). */
    public RfcSupervisor(Kernel kernel, String mechanism) {
        this.kernel = kernel;
        this.best = mechanism.equals("rfcBest");
        this.cgroup = mechanism.equals("cgroup");
    }

    /** Spec: RtDrained: rfcBest reads SIGCHLD and waits only when no adoption signal is queued. */
    private boolean rtDrained(World w) { return !best || w.kernel().rtq().isEmpty(); }

    /** Spec: Drained. */
    public static boolean drained(World w) {
        return w.supPc().equals("idle") && !w.kernel().chldPending() && w.kernel().rtq().isEmpty();
    }

    /** Spec: Spawn(s): init forks the service's first process and records its PID. */
    public World spawn(World w, String s, String firstPc) {
        if (!w.status().get(s).equals("never")) return null;
        Result<KernelState> r = kernel.fork(w.kernel(), Kernel.INIT, s, "Spawn");
        if (!r.ok()) return null;
        int c = ((Result.Ok<KernelState>) r).value();
        Map<String, Long> tracked = new HashMap<>(w.tracked());
        tracked.put(s, 1L << c);
        Map<String, String> status = new HashMap<>(w.status());
        status.put(s, "running");
        return w.with(r.state(), tracked, w.gone(), status, w.supPc()).withPc(c, firstPc);
    }

    /** Spec: DequeueSigchld. */
    public World dequeueSigchld(World w) {
        if (!w.supPc().equals("idle") || !rtDrained(w)) return null;
        Result<KernelState> r = kernel.dequeueSigchld(w.kernel());
        if (!r.ok()) return null;
        return w.with(r.state(), w.tracked(), w.gone(), w.status(), "reaping");
    }

    /** Spec: WaitNohang(c): one waitpid(-1, WNOHANG) that returns zombie c; a tracked c moves to gone (F1). */
    public World waitNohang(World w, int c) {
        if (!w.supPc().equals("reaping") || !rtDrained(w)) return null;
        Result<KernelState> r = kernel.reap(w.kernel(), Kernel.INIT, c, "WaitNohang");
        if (!r.ok()) return null;
        long bit = 1L << c;
        Map<String, Long> tracked = new HashMap<>(), gone = new HashMap<>();
        for (String s : w.tracked().keySet()) {
            long t = w.tracked().get(s), g = w.gone().get(s);
            if ((t & bit) != 0) { t &= ~bit; g |= bit; }
            tracked.put(s, t);
            gone.put(s, g);
        }
        return w.with(r.state(), tracked, gone, w.status(), w.supPc()).withPc(c, "none");
    }

    /** Spec: WaitNohangEmpty: waitpid returns 0 or ECHILD, the loop ends. */
    public World waitNohangEmpty(World w) {
        if (!w.supPc().equals("reaping") || !rtDrained(w)) return null;
        if (!kernel.zombieChildren(w.kernel(), Kernel.INIT).isEmpty()) return null;
        return w.with(step(w, "WaitNohangEmpty"), w.tracked(), w.gone(), w.status(), "idle");
    }

    /**
     * Spec: DequeueAdoption: if si_status belongs to a service (tracked or gone), track si_pid
     * for it, and every parked adoption that si_pid resolves (Closure); rfcBest parks an
     * adoption whose si_status it does not know.
     */
    public World dequeueAdoption(World w) {
        if (!best && (!w.supPc().equals("idle") || w.kernel().chldPending())) return null;
        Adoption[] got = new Adoption[1];
        Result<KernelState> r = kernel.dequeueAdoption(w.kernel(), got);
        if (!r.ok()) return null;
        Adoption m = got[0];
        long known = 1L << m.pid();                       // spec: Closure({m.pid}, MaxPid)
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Adoption e : w.pending()) {
                if (World.has(known, e.prev()) && !World.has(known, e.pid())) { known |= 1L << e.pid(); grew = true; }
            }
        }
        boolean owned = false;
        Map<String, Long> tracked = new HashMap<>();
        for (String s : w.tracked().keySet()) {
            long t = w.tracked().get(s);
            if (World.has(t | w.gone().get(s), m.prev())) { t |= known; owned = true; }
            tracked.put(s, t);
        }
        Set<Adoption> pending = new HashSet<>();
        if (owned) {
            for (Adoption e : w.pending()) if (!World.has(known, e.prev())) pending.add(e);
        } else {
            pending.addAll(w.pending());
            if (best) pending.add(m);
        }
        return w.with(r.state(), tracked, w.gone(), w.status(), w.supPc()).withPending(pending);
    }

    /** Spec: DecideStopped(s) (F2). */
    public World decideStopped(World w, String s) {
        if (!drained(w) || (best && !w.pending().isEmpty()) || !w.status().get(s).equals("running")) return null;
        if (cgroup ? lives(w, s) : w.tracked().get(s) != 0L) return null;
        Map<String, String> status = new HashMap<>(w.status());
        status.put(s, "stopped");
        return w.with(step(w, "DecideStopped"), w.tracked(), w.gone(), status, w.supPc());
    }

    /** Spec: ForgetExited (F3). */
    public World forgetExited(World w) {
        if (!drained(w) || w.gone().values().stream().allMatch(g -> g == 0L)) return null;
        Map<String, Long> gone = new HashMap<>();
        for (String s : w.gone().keySet()) gone.put(s, 0L);
        return w.with(step(w, "ForgetExited"), w.tracked(), gone, w.status(), w.supPc());
    }

    /** Spec: Lives(s): a running process of service s exists (for cgroup: the group is populated). */
    public static boolean lives(World w, String s) {
        for (var p : w.kernel().procs()) if (p.running() && p.svc().equals(s)) return true;
        return false;
    }

    private static KernelState step(World w, String name) {
        return w.kernel().withStep(Step.of(name, Kernel.INIT, Kernel.NO_PID));
    }
}
