package adoptsig.supervisor;

import adoptsig.daemon.Daemons;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.Proc;
import adoptsig.system.Bounds;
import adoptsig.system.World;

/**
 * cgroup: init knows each service's members by a tag inherited on fork and independent of
 * parentage, as cgroups give systemd; it reports a service stopped when the group has no
 * running member. The model grants it the kernel's membership (the ghost svc) directly.
 * Spec: the section "cgroup" of Supervisors.tla: CgroupNext is ClassicNext with
 * CgroupDecideStopped.
 */
public class Cgroup extends Classic {
    public Cgroup(Kernel kernel, Bounds bounds, Daemons daemons) { super(kernel, bounds, daemons); }

    /** Spec: CgroupDecideStopped(s): the group has no running member. */
    @Override public World decideStopped(World w, String s) { return decideStoppedWhen(w, s, !w.lives(s)); }

    /** Spec: CgroupBelieved(s): the in-use members of the service's group. */
    @Override public long believed(World w, String s) {
        long bits = 0;
        for (Proc p : w.kernel().procs()) if (p.inUse() && p.svc().equals(s)) bits |= 1L << p.pid();
        return bits;
    }
}
