package adoptsig.supervisor;

import adoptsig.daemon.Daemons;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.Proc;
import adoptsig.kernel.Step;
import adoptsig.system.Bounds;
import adoptsig.system.World;

import java.util.List;

/**
 * cgroup: membership by a tag inherited on fork (what cgroups give systemd): the beliefs are
 * the group's members, and a read of cgroup.events saying "populated 0" reports the service
 * stopped. Spec: the section "cgroup" of Supervisors.tla.
 */
public class Cgroup extends Classic {
    public Cgroup(Kernel kernel, Bounds bounds, Daemons daemons) { super(kernel, bounds, daemons); }

    /** Spec: CgroupNext ends its wait loop with ClassicWaitAnyDone(FALSE). */
    @Override protected boolean decidesAtLoopEnd() { return false; }

    /** Spec: CgroupStopped(s): a blocking read of cgroup.events returns "populated 0". */
    public World stopped(World w, String s) {
        if (!w.supPc().equals("idle") || !w.status().get(s).equals("running") || w.lives(s)) return null;
        return w.withKernel(w.kernel().withStep(Step.of("CgroupEmpty", Kernel.INIT, Kernel.NO_PID)))
                .withStatus(World.put(w.status(), s, "stopped"));
    }

    @Override protected void ownSteps(World w, List<World> out) {
        for (String s : bounds.services()) add(out, stopped(w, s));
    }

    /** Spec: CgroupBelieved(s): the in-use members of the service's group. */
    @Override public long believed(World w, String s) {
        long bits = 0;
        for (Proc p : w.kernel().procs()) if (p.inUse() && p.svc().equals(s)) bits |= 1L << p.pid();
        return bits;
    }
}
