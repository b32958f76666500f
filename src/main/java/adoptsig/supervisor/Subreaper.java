package adoptsig.supervisor;

import adoptsig.daemon.Daemons;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.kernel.Result;
import adoptsig.kernel.Step;
import adoptsig.system.Bounds;
import adoptsig.system.World;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * subreaper: init forks a reaper per service, which sets PR_SET_CHILD_SUBREAPER and forks the
 * service; orphans go to the reaper, which reaps its children (blocking waitpid(-1)) and names
 * them (its children are the service's processes); when its waitpid fails with ECHILD it
 * exits, and init reports the service stopped when it reaps the reaper. Spec: the section
 * "subreaper" of Supervisors.tla.
 */
public class Subreaper extends InitSteps {
    public Subreaper(Kernel kernel, Bounds bounds, Daemons daemons) { super(kernel, bounds, daemons); }

    /** Spec: SubreaperInit == InitWith("none"). */
    @Override public String adopt() { return "none"; }

    /** Spec: SubreaperSpawn(s) == SpawnAs(s, InitSvc, "reaper0", "never", 0). */
    @Override public World spawn(World w, String s) { return spawnAs(w, s, Proc.INIT_SVC, "reaper0", "never", 0); }

    /** Spec: ReaperOf(r): the service whose reaper r is. */
    private static String reaperOf(World w, int r) {
        for (var e : new TreeMap<>(w.tracked()).entrySet()) if (World.has(e.getValue(), r)) return e.getKey();
        throw new IllegalStateException("no service tracks reaper " + r);
    }

    /** Spec: ReaperSetup(r): the reaper calls prctl(PR_SET_CHILD_SUBREAPER, 1). */
    public World reaperSetup(World w, int r) {
        if (!w.pc(r).equals("reaper0")) return null;
        Result<KernelState> x = kernel.prctlSetChildSubreaper(w.kernel(), r);
        return x.ok() ? w.withKernel(x.state()).withPc(r, "reaper1") : null;
    }

    /** Spec: ReaperSpawn(r): the reaper forks the service. */
    public World reaperSpawn(World w, int r) {
        if (!w.pc(r).equals("reaper1")) return null;
        String s = reaperOf(w, r);
        Result<KernelState> x = kernel.fork(w.kernel(), r, s, "ReaperSpawn");
        if (!x.ok()) return null;
        int c = ((Result.Ok<KernelState>) x).value();
        return w.withKernel(x.state()).withStatus(World.put(w.status(), s, "running")).withPc(r, "reaper").withPc(c, daemons.firstPc());
    }

    /** Spec: ReaperWait(r, c): the reaper's waitpid(-1) reaps its zombie child c. */
    public World reaperWait(World w, int r, int c) {
        if (!w.pc(r).equals("reaper")) return null;
        Result<KernelState> x = kernel.reap(w.kernel(), r, c);
        return x.ok() ? w.withKernel(x.state()).withPc(c, "none") : null;
    }

    /** Spec: ReaperDone(r): the reaper's waitpid(-1) fails with ECHILD: it exits. */
    public World reaperDone(World w, int r) {
        if (!w.pc(r).equals("reaper") || !w.kernel().childrenOf(r).isEmpty()) return null;
        return w.withKernel(w.kernel().withStep(Step.of("ReaperEchild", r, Kernel.NO_PID))).withPc(r, "exit");
    }

    /** Spec: SubreaperWaitAny: init reaps c; reaping a service's reaper means the service has stopped. */
    public World waitAny(World w) {
        World x = classicWaitAny(w);
        if (x == null) return null;
        int c = x.kernel().lastAction().target();
        Map<String, String> status = new HashMap<>(w.status());
        for (String s : w.tracked().keySet()) if (World.has(w.tracked().get(s), c)) status.put(s, "stopped");
        return x.withStatus(status);
    }

    /** Spec: SubreaperNext's init steps and the reapers' steps. */
    @Override protected void initSteps(World w, List<World> out) {
        for (String s : bounds.services()) add(out, spawn(w, s));
        add(out, classicReadSigchld(w));
        add(out, waitAny(w));
        add(out, classicWaitAnyDone(w, false));
        for (int r = 1; r <= bounds.maxPid(); r++) {
            add(out, reaperSetup(w, r));
            add(out, reaperSpawn(w, r));
            add(out, reaperDone(w, r));
            for (int c = 1; c <= bounds.maxPid(); c++) add(out, reaperWait(w, r, c));
        }
    }

    /**
     * Spec: SubreaperFairness: init's loop, the reapers' programs as one weakly fair group
     * (a reaper's step from reaper0, reaper1 or reaper), and DaemonFairness.
     */
    @Override public long fairness(World before, World after) {
        Step s = after.kernel().lastAction();
        int a = s.actor();
        if (a != Kernel.INIT && a != Kernel.NO_PID && REAPER_PCS.contains(before.pc(a))) return adoptsig.supervisor.Fairness.HELPERS;
        return super.fairness(before, after);
    }

    private static final java.util.Set<String> REAPER_PCS = java.util.Set.of("reaper0", "reaper1", "reaper");

    /** Spec: SubreaperBelieved(s): the in-use children of the service's reaper. */
    @Override public long believed(World w, String s) {
        long bits = 0;
        for (Proc p : w.kernel().procs()) if (p.inUse() && World.has(w.tracked().get(s), p.parent())) bits |= 1L << p.pid();
        return bits;
    }
}
