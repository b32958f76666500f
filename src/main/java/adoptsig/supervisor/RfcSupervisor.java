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
 * The supervisors of spec/Adoption.tla over the Java kernel (the RFC's, with its favourable
 * readings F1-F3, and the other mechanisms of issue 4, chosen by the spec's Supervisor
 * constant): the same decisions as the spec. Each method is one step of the spec's
 * SupervisorStep (or Spawn) and returns the next world, or null when the spec's action is not
 * enabled.
 */
public final class RfcSupervisor {
    /** Spec: ExpectForks (upstart's `expect daemon`). */
    public static final int EXPECT_FORKS = 2;

    private final Kernel kernel;
    /** Spec: Best, Std, Cgroup, Reaper, PidFile, Ptrace (Supervisor = "rfcBest", ...). */
    private final boolean best, std, cgroup, reaper, pidfile, ptrace;

    public RfcSupervisor(Kernel kernel) { this(kernel, "rfc"); }

    /** mechanism: the spec's Supervisor constant (see Bounds.SUPERVISORS). */
    public RfcSupervisor(Kernel kernel, String mechanism) {
        this.kernel = kernel;
        this.best = mechanism.equals("rfcBest");
        this.std = mechanism.equals("rfcStd");
        this.cgroup = mechanism.equals("cgroup");
        this.reaper = mechanism.equals("subreaper");
        this.pidfile = mechanism.equals("pidfile");
        this.ptrace = mechanism.equals("ptrace");
    }

    /** Spec: RtDrained: rfcBest waits only when no adoption signal is queued. */
    private boolean rtDrained(World w) { return !best || w.kernel().rtq().isEmpty(); }

    /** Spec: SigchldAfterAdoption: rfcBest and rfcStd read SIGCHLD only after every adoption signal. */
    private boolean sigchldAfterAdoption(World w) { return !(best || std) || w.kernel().rtq().isEmpty(); }

    /** Spec: Drained. */
    public static boolean drained(World w) {
        return w.supPc().equals("idle") && !w.kernel().chldPending() && w.kernel().rtq().isEmpty();
    }

    /**
     * Spec: Spawn(s): init forks the service's first process and records its PID (subreaper:
     * forks the service's reaper, tagged as init's, and tracks it).
     */
    public World spawn(World w, String s, String firstPc) {
        if (!w.status().get(s).equals("never") || w.tracked().get(s) != 0L) return null;
        Result<KernelState> r = kernel.fork(w.kernel(), Kernel.INIT, reaper ? adoptsig.kernel.Proc.INIT_SVC : s, "Spawn");
        if (!r.ok()) return null;
        int c = ((Result.Ok<KernelState>) r).value();
        Map<String, String> status = reaper ? w.status() : World.put(w.status(), s, "running");
        return w.with(r.state(), World.put(w.tracked(), s, 1L << c), w.gone(), status, w.supPc())
                .withForksLeft(World.put(w.forksLeft(), s, ptrace ? EXPECT_FORKS : 0))
                .withPc(c, reaper ? "reaper0" : firstPc);
    }

    /** Spec: ReaperOf(r): the service whose reaper r is. */
    private static String reaperOf(World w, int r) {
        for (var e : new java.util.TreeMap<>(w.tracked()).entrySet()) if (World.has(e.getValue(), r)) return e.getKey();
        throw new IllegalStateException("no service tracks reaper " + r);
    }

    /** Spec: ReaperSetup(r): the reaper calls prctl(PR_SET_CHILD_SUBREAPER, 1). */
    public World reaperSetup(World w, int r) {
        if (!w.kernel().valid(r) || !w.pc(r).equals("reaper0")) return null;
        Result<KernelState> x = kernel.prctlSetChildSubreaper(w.kernel(), r);
        return x.ok() ? w.withKernel(x.state()).withPc(r, "reaper1") : null;
    }

    /** Spec: ReaperSpawn(r): the reaper forks the service. */
    public World reaperSpawn(World w, int r, String firstPc) {
        if (!w.kernel().valid(r) || !w.pc(r).equals("reaper1")) return null;
        String s = reaperOf(w, r);
        Result<KernelState> x = kernel.fork(w.kernel(), r, s, "ReaperSpawn");
        if (!x.ok()) return null;
        int c = ((Result.Ok<KernelState>) x).value();
        return w.with(x.state(), w.tracked(), w.gone(), World.put(w.status(), s, "running"), w.supPc())
                .withPc(r, "reaper").withPc(c, firstPc);
    }

    /** Spec: ReaperWait(r, c): the reaper reaps its zombie child c. */
    public World reaperWait(World w, int r, int c) {
        if (!w.kernel().valid(r) || !w.pc(r).equals("reaper")) return null;
        Result<KernelState> x = kernel.reap(w.kernel(), r, c);
        return x.ok() ? w.withKernel(x.state()).withPc(c, "none") : null;
    }

    /** Spec: Follows(p): under ptrace, init follows p's next fork. */
    private boolean follows(World w, int p) {
        if (!ptrace) return false;
        String s = w.kernel().proc(p).svc();
        return w.tracked().containsKey(s) && World.has(w.tracked().get(s), p) && w.forksLeft().get(s) > 0;
    }

    /**
     * Spec: Traced(p): the supervisor's side of process p's step from {@code before} to
     * {@code after}: a fork that init follows moves its attention to the child.
     */
    public World traced(World before, int p, World after) {
        var step = after.kernel().lastAction();
        if (!step.name().equals("Fork") || !follows(before, p)) return after;
        String s = before.kernel().proc(p).svc();
        return after.with(after.kernel(), World.put(after.tracked(), s, 1L << step.target()), after.gone(), after.status(),
                after.supPc()).withForksLeft(World.put(after.forksLeft(), s, after.forksLeft().get(s) - 1));
    }

    /** Spec: PidfileNamesProcess(s): kill(pid, 0) succeeds on the PID in the file. */
    private static boolean pidfileNamesProcess(World w, String s) {
        int q = w.pidfile().get(s);
        return q != Kernel.NO_PID && w.kernel().proc(q).inUse();
    }

    /** Spec: ReadPidfile(s). */
    public World readPidfile(World w, String s) {
        if (!pidfile || !drained(w) || !w.status().get(s).equals("running") || w.tracked().get(s) != 0L
                || !pidfileNamesProcess(w, s)) return null;
        int q = w.pidfile().get(s);
        return w.with(w.kernel().withStep(Step.of("ReadPidfile", Kernel.INIT, q)), World.put(w.tracked(), s, 1L << q),
                w.gone(), w.status(), w.supPc());
    }

    /** Spec: ProbePid(s, q): kill(q, 0) fails with ESRCH for a tracked q. */
    public World probePid(World w, String s, int q) {
        if (!pidfile || !World.has(w.tracked().get(s), q) || w.kernel().proc(q).inUse()) return null;
        return w.with(w.kernel().withStep(Step.of("ProbePid", Kernel.INIT, q)),
                World.put(w.tracked(), s, w.tracked().get(s) & ~(1L << q)), w.gone(), w.status(), w.supPc());
    }

    /** Spec: DequeueSigchld. */
    public World dequeueSigchld(World w) {
        if (!w.supPc().equals("idle") || !sigchldAfterAdoption(w)) return null;
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
        if (std ? !w.supPc().equals("idle") : !best && (!w.supPc().equals("idle") || w.kernel().chldPending())) return null;
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
        boolean gone;
        if (cgroup) gone = !lives(w, s);
        else if (reaper) {
            gone = false;
            for (int r = 1; r <= w.kernel().maxPid(); r++) {
                if (World.has(w.tracked().get(s), r) && w.pc(r).equals("reaper") && w.kernel().childrenOf(r).isEmpty()) gone = true;
            }
        } else if (pidfile) gone = w.tracked().get(s) == 0L && !pidfileNamesProcess(w, s);
        else gone = w.tracked().get(s) == 0L;
        if (!gone) return null;
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
