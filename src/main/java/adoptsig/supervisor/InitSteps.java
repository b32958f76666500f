package adoptsig.supervisor;

import adoptsig.daemon.Daemons;
import adoptsig.kernel.Adoption;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Result;
import adoptsig.kernel.Step;
import adoptsig.system.Bounds;
import adoptsig.system.World;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps of init that several mechanisms share (spec/Supervisors.tla, the section
 * "Shared"), under the spec's names (ClassicWaitAnyDone(decide) is classicWaitAnyDone(w,
 * decide)). Each method returns the next world, or null when the spec's action is not
 * enabled. A step of init is one kernel call (Kernel's init calls) and what init does with its
 * result; its enabling condition reads only init's own state and that result. {@link #next}
 * takes the mechanism's init steps ({@link #initSteps}, the init part of its MNext), then
 * every daemon step as the mechanism sees it, then the rest of the system: the same set of
 * successors as the section's MNext.
 */
public abstract class InitSteps implements Supervisor {
    protected final Kernel kernel;
    protected final Bounds bounds;
    protected final Daemons daemons;

    protected InitSteps(Kernel kernel, Bounds bounds, Daemons daemons) {
        this.kernel = kernel;
        this.bounds = bounds;
        this.daemons = daemons;
    }

    @Override public String id() {
        String n = getClass().getSimpleName();
        return Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }

    @Override public Bounds bounds() { return bounds; }

    /** Spec: MInit == InitWith(what the mechanism asks for). */
    @Override public World init() { return World.boot(bounds, adopt()); }

    /** Spec: MBelieved(s) == tracked[s], unless the mechanism says otherwise. */
    @Override public long believed(World w, String s) { return w.tracked().get(s); }

    /** Spec: SpawnAs(s, tag, first, st, follow). */
    protected World spawnAs(World w, String s, String tag, String first, String st, int follow) {
        if (!w.supPc().equals("idle") || !w.status().get(s).equals("never") || w.tracked().get(s) != 0L) return null;
        Result<KernelState> r = kernel.fork(w.kernel(), Kernel.INIT, tag, "Spawn");
        if (!r.ok()) return null;
        int c = ((Result.Ok<KernelState>) r).value();
        return w.withKernel(r.state()).withPc(c, first).withTracked(World.put(w.tracked(), s, 1L << c))
                .withStatus(World.put(w.status(), s, st)).withForksLeft(World.put(w.forksLeft(), s, follow));
    }

    /** Spec: Spawn(s) == SpawnAs(s, s, FirstPc, "running", 0). */
    public World spawn(World w, String s) { return spawnAs(w, s, s, daemons.firstPc(), "running", 0); }

    /** Spec: StopUntracked: the services init reports running but tracks nothing of, reported stopped. */
    protected static Map<String, String> stopUntracked(Map<String, String> status, Map<String, Long> tracked) {
        Map<String, String> out = new HashMap<>(status);
        for (String s : status.keySet()) if (status.get(s).equals("running") && tracked.get(s) == 0L) out.put(s, "stopped");
        return out;
    }

    /** Spec: Untrack(c): init's PID sets after it reaped c. */
    protected static Map<String, Long> untrack(Map<String, Long> tracked, int c) {
        Map<String, Long> out = new HashMap<>();
        for (var e : tracked.entrySet()) out.put(e.getKey(), e.getValue() & ~(1L << c));
        return out;
    }

    /** Spec: ClassicReadSigchld: idle, sigwaitinfo({SIGCHLD}) returns SIGCHLD: init enters its wait loop. */
    protected World classicReadSigchld(World w) {
        if (!w.supPc().equals("idle")) return null;
        Result<KernelState> r = kernel.readSigchld(w.kernel());
        return r.ok() ? w.withKernel(r.state()).withSupPc("reaping") : null;
    }

    /** Spec: ClassicWaitAny: waitpid(-1, WNOHANG) reaps c; c leaves the PID sets. */
    protected World classicWaitAny(World w) {
        if (!w.supPc().equals("reaping")) return null;
        Result<KernelState> r = kernel.waitAny(w.kernel());
        if (!r.ok() || ((Result.Ok<KernelState>) r).value() == 0) return null;
        int c = ((Result.Ok<KernelState>) r).value();
        return w.withKernel(r.state()).withPc(c, "none").withTracked(untrack(w.tracked(), c));
    }

    /** The kernel state after an init call that returned 0 or an errno (nothing changes but lastAction). */
    protected static KernelState step(World w, String name) {
        return w.kernel().withStep(Step.of(name, Kernel.INIT, Kernel.NO_PID));
    }

    /**
     * The result of waitpid(-1, WNOHANG) (or waitid) when it reaps or reports nothing: the step
     * name of its 0 (none) or ECHILD result, or null when it would return a zombie.
     */
    protected String noZombie(World w, String none, String echild) {
        Result<KernelState> r = kernel.waitAny(w.kernel());
        if (!r.ok()) return echild;
        return ((Result.Ok<KernelState>) r).value() == 0 ? none : null;
    }

    /** Spec: ClassicWaitAnyDone(decide): waitpid returns 0 or ECHILD; the loop ends (and with decide: StopUntracked). */
    protected World classicWaitAnyDone(World w, boolean decide) {
        if (!w.supPc().equals("reaping")) return null;
        String name = noZombie(w, "WaitAnyNone", "WaitAnyEchild");
        if (name == null) return null;
        World x = w.withKernel(step(w, name)).withSupPc("idle");
        return decide ? x.withStatus(stopUntracked(w.status(), w.tracked())) : x;
    }

    /**
     * Spec: Place(m, to, park): init has read adoption m: if its previous parent belongs to the
     * services {@code to}, they track m's child and every parked adoption that resolves
     * (Closure); else m is parked (park) or ignored. k: the kernel state after the read.
     */
    protected static World place(World w, KernelState k, Adoption m, Set<String> to, boolean park) {
        long known = closure(m.pid(), w.pending());
        Map<String, Long> tracked = new HashMap<>(w.tracked());
        Set<Adoption> pending = new HashSet<>();
        if (!to.isEmpty()) {
            for (String s : to) tracked.put(s, tracked.get(s) | known);
            for (Adoption e : w.pending()) if (!World.has(known, e.prev())) pending.add(e);
        } else {
            pending.addAll(w.pending());
            if (park) pending.add(new Adoption(m.pid(), m.prev()));
        }
        return w.withKernel(k).withTracked(tracked).withPending(pending);
    }

    /** Spec: ServiceOf(p): the services that track, or reaped, PID p. */
    protected static Set<String> serviceOf(World w, int p) {
        Set<String> out = new HashSet<>();
        for (String s : w.tracked().keySet()) if (World.has(w.tracked().get(s) | w.gone().get(s), p)) out.add(s);
        return out;
    }

    /** Spec: MNext: every successor of w under this mechanism. */
    @Override public final List<World> next(World w) {
        List<World> out = new ArrayList<>();
        initSteps(w, out);
        daemonSteps(w, out);
        elsewhere(w, out);
        return out;
    }

    /** The init steps of MNext (init's calls, and its helpers' steps), in the order the spec lists them. */
    protected abstract void initSteps(World w, List<World> out);

    /** Spec: Elsewhere: processes outside the model fork and exit (with Outside: only the cursor moves), strangers start. */
    protected void elsewhere(World w, List<World> out) {
        if (bounds.outside()) {
            for (int q = 1; q <= bounds.maxPid(); q++) {
                Result<KernelState> r = kernel.outsideFork(w.kernel(), q);
                if (r.ok()) out.add(w.withKernel(r.state()));
            }
        }
        for (String x : bounds.strangers()) add(out, daemons.strangerStart(w, x));
    }

    /** The daemon steps of MNext: spec: \E p \in Pids : Unseen(p), every daemon step, which the supervisor does not see. */
    protected void daemonSteps(World w, List<World> out) {
        for (int p = 2; p <= bounds.maxPid(); p++) out.addAll(daemons.steps(w, p));
    }

    /**
     * Spec: MFairness for the mechanisms whose fairness is their loop and DaemonFairness: an
     * init step other than the start of a service is a step of init's loop (every section's
     * WF_vars names all its init actions but Spawn); a step of a process at a location of
     * DanceFairStep is a DaemonFairStep (of a service's or stranger's process, or of init's own
     * child); nothing else is fair (the daemons' own choices, strangers starting, the world
     * outside).
     */
    @Override public long fairness(World before, World after) {
        Step s = after.kernel().lastAction();
        int a = s.actor();
        if (a == Kernel.INIT) return s.name().equals("Spawn") ? 0 : Fairness.INIT_LOOP;
        return daemonFairness(before, a, s);
    }

    /** The DaemonFairness group of a step by process p (0 when the step is not a DaemonFairStep). */
    protected static long daemonFairness(World before, int p, Step s) {
        if (p == Kernel.NO_PID || s.name().equals("WritePidfile") || !Daemons.FAIR_PCS.contains(before.pc(p))) return 0;
        return before.kernel().proc(p).svc().equals(adoptsig.kernel.Proc.INIT_SVC) ? Fairness.INIT_CHILDREN : Fairness.DAEMONS;
    }

    /** Adds w to out unless it is null (a disabled action). */
    protected static void add(List<World> out, World w) { if (w != null) out.add(w); }

    /**
     * Spec: Closure({pid}, MaxPid): pid and every PID that a parked adoption links to it through
     * previous parents, as a bit set.
     */
    protected static long closure(int pid, Set<Adoption> pending) {
        long known = 1L << pid;
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Adoption e : pending) {
                if (World.has(known, e.prev()) && !World.has(known, e.pid())) { known |= 1L << e.pid(); grew = true; }
            }
        }
        return known;
    }
}
