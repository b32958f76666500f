package adoptsig.supervisor;

import adoptsig.daemon.Daemons;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.kernel.Result;
import adoptsig.system.Bounds;
import adoptsig.system.World;

import java.util.List;
import java.util.TreeMap;

/**
 * subreaper: one child subreaper per service (tini, catatonit, systemd --user): init forks a
 * reaper, the reaper sets PR_SET_CHILD_SUBREAPER and forks the service, every orphan of the
 * service is reparented to the reaper, which reaps its children and names the service's
 * processes as its own children; the service has stopped when the reaper has no child.
 * Spec: the section "subreaper" of Supervisors.tla.
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

    /** Spec: ReaperWait(r, c): the reaper reaps its zombie child c. */
    public World reaperWait(World w, int r, int c) {
        if (!w.pc(r).equals("reaper")) return null;
        Result<KernelState> x = kernel.reap(w.kernel(), r, c);
        return x.ok() ? w.withKernel(x.state()).withPc(c, "none") : null;
    }

    /** Spec: SubreaperDecideStopped(s): the service's reaper has no child left. */
    @Override public World decideStopped(World w, String s) {
        boolean noneLeft = false;
        for (int r = 1; r <= bounds.maxPid(); r++) {
            if (World.has(w.tracked().get(s), r) && w.pc(r).equals("reaper") && w.kernel().childrenOf(r).isEmpty()) noneLeft = true;
        }
        return decideStoppedWhen(w, s, noneLeft);
    }

    /** Spec: SubreaperNext: the shared steps (with SubreaperSpawn and SubreaperDecideStopped) and the reapers' steps. */
    @Override protected void ownSteps(World w, List<World> out) {
        for (int r = 1; r <= bounds.maxPid(); r++) {
            add(out, reaperSetup(w, r));
            add(out, reaperSpawn(w, r));
            for (int c = 1; c <= bounds.maxPid(); c++) add(out, reaperWait(w, r, c));
        }
    }

    /** Spec: SubreaperBelieved(s): the in-use children of the service's reaper. */
    @Override public long believed(World w, String s) {
        long bits = 0;
        for (Proc p : w.kernel().procs()) if (p.inUse() && World.has(w.tracked().get(s), p.parent())) bits |= 1L << p.pid();
        return bits;
    }
}
