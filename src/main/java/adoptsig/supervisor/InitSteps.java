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
import java.util.List;
import java.util.Map;

/**
 * The steps of init that several mechanisms share (spec/Supervisors.tla, the section
 * "Shared"), each with the parameter a mechanism changes in it, under the spec's names
 * (DequeueSigchldWhen(ready) is dequeueSigchldWhen(w, ready)). Each method returns the next
 * world, or null when the spec's action is not enabled. {@link #next} takes every shared step
 * (a mechanism's class overrides the ones its spec section changes), then the mechanism's own
 * steps, then every daemon step as the mechanism sees it: the same set of successors as the
 * section's MNext (which lists them in one place, in the order TLC explores them).
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

    /** Spec: Drained. */
    public static boolean drained(World w) {
        return w.supPc().equals("idle") && !w.kernel().chldPending() && w.kernel().rtq().isEmpty();
    }

    /** Spec: ServiceOf(p) # {}: some service tracks, or reaped, PID p. */
    protected static boolean someServiceKnows(World w, int p) {
        for (String s : w.tracked().keySet()) if (World.has(w.tracked().get(s) | w.gone().get(s), p)) return true;
        return false;
    }

    /** Spec: SpawnAs(s, tag, first, st, follow). */
    protected World spawnAs(World w, String s, String tag, String first, String st, int follow) {
        if (!w.status().get(s).equals("never") || w.tracked().get(s) != 0L) return null;
        Result<KernelState> r = kernel.fork(w.kernel(), Kernel.INIT, tag, "Spawn");
        if (!r.ok()) return null;
        int c = ((Result.Ok<KernelState>) r).value();
        return w.withKernel(r.state()).withPc(c, first).withTracked(World.put(w.tracked(), s, 1L << c))
                .withStatus(World.put(w.status(), s, st)).withForksLeft(World.put(w.forksLeft(), s, follow));
    }

    /** Spec: Spawn(s) == SpawnAs(s, s, FirstPc, "running", 0). */
    public World spawn(World w, String s) { return spawnAs(w, s, s, daemons.firstPc(), "running", 0); }

    /** Spec: DequeueSigchldWhen(ready). */
    protected World dequeueSigchldWhen(World w, boolean ready) {
        if (!w.supPc().equals("idle") || !ready) return null;
        Result<KernelState> r = kernel.dequeueSigchld(w.kernel());
        return r.ok() ? w.withKernel(r.state()).withSupPc("reaping") : null;
    }

    /** Spec: DequeueSigchld == DequeueSigchldWhen(TRUE). */
    public World dequeueSigchld(World w) { return dequeueSigchldWhen(w, true); }

    /**
     * Spec: WaitNohangWhen(c, ready) == WaitNohangWith(c, ready, pending): a tracked c moves to
     * gone (a mechanism that changes pending too, WaitNohangWith, does so on the result).
     */
    protected World waitNohangWhen(World w, int c, boolean ready) {
        if (!w.supPc().equals("reaping") || !ready) return null;
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
        return w.withKernel(r.state()).withTracked(tracked).withGone(gone).withPc(c, "none");
    }

    /** Spec: WaitNohang(c) == WaitNohangWhen(c, TRUE). */
    public World waitNohang(World w, int c) { return waitNohangWhen(w, c, true); }

    /** Spec: WaitNohangEmptyWhen(ready): waitpid returns 0 or ECHILD, the loop ends. */
    protected World waitNohangEmptyWhen(World w, boolean ready) {
        if (!w.supPc().equals("reaping") || !ready) return null;
        if (!kernel.zombieChildren(w.kernel(), Kernel.INIT).isEmpty()) return null;
        return w.withKernel(step(w, "WaitNohangEmpty")).withSupPc("idle");
    }

    /** Spec: WaitNohangEmpty == WaitNohangEmptyWhen(TRUE). */
    public World waitNohangEmpty(World w) { return waitNohangEmptyWhen(w, true); }

    /** Spec: DecideStoppedWhen(s, noneLeft). */
    protected World decideStoppedWhen(World w, String s, boolean noneLeft) {
        if (!drained(w) || !w.status().get(s).equals("running") || !noneLeft) return null;
        return w.withKernel(step(w, "DecideStopped")).withStatus(World.put(w.status(), s, "stopped"));
    }

    /** Spec: DecideStopped(s) == DecideStoppedWhen(s, tracked[s] = {}). */
    public World decideStopped(World w, String s) { return decideStoppedWhen(w, s, w.tracked().get(s) == 0L); }

    /** Spec: ForgetExited. */
    public World forgetExited(World w) {
        if (!drained(w) || w.gone().values().stream().allMatch(g -> g == 0L)) return null;
        Map<String, Long> gone = new HashMap<>();
        for (String s : w.gone().keySet()) gone.put(s, 0L);
        return w.withKernel(step(w, "ForgetExited")).withGone(gone);
    }

    /** Spec: MNext: every successor of w under this mechanism. */
    @Override public final List<World> next(World w) {
        List<World> out = new ArrayList<>();
        for (String s : bounds.services()) add(out, spawn(w, s));
        add(out, dequeueSigchld(w));
        for (int c = 1; c <= bounds.maxPid(); c++) add(out, waitNohang(w, c));
        add(out, waitNohangEmpty(w));
        for (String s : bounds.services()) add(out, decideStopped(w, s));
        add(out, forgetExited(w));
        ownSteps(w, out);
        daemonSteps(w, out);
        elsewhere(w, out);
        return out;
    }

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

    /** The steps of MNext that only this mechanism takes (none for classic init). */
    protected void ownSteps(World w, List<World> out) { }

    /** The daemon steps of MNext: spec: \E p \in Pids : Unseen(p), every daemon step, which the supervisor does not see. */
    protected void daemonSteps(World w, List<World> out) {
        for (int p = 2; p <= bounds.maxPid(); p++) out.addAll(daemons.steps(w, p));
    }

    /** Adds w to out unless it is null (a disabled action). */
    protected static void add(List<World> out, World w) { if (w != null) out.add(w); }

    /** The kernel state with lastAction set to a step of init that changes nothing in the kernel. */
    protected static KernelState step(World w, String name) {
        return w.kernel().withStep(Step.of(name, Kernel.INIT, Kernel.NO_PID));
    }

    /**
     * Spec: Closure({pid}, MaxPid): pid and every PID that a parked adoption links to it through
     * previous parents, as a bit set (the step of Rfc and RfcWitness that resolves parked adoptions).
     */
    protected static long closure(int pid, java.util.Set<Adoption> pending) {
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
