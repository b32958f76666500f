package adoptsig.supervisor;

import adoptsig.daemon.Daemons;
import adoptsig.kernel.Kernel;
import adoptsig.system.Bounds;
import adoptsig.system.World;

import java.util.List;

/**
 * classic: init without the RFC: SIGCHLD and waitpid only; it knows the PIDs it forked. Spec:
 * the section "classic" of Supervisors.tla. Subclasses that keep classic SIGCHLD handling
 * (cgroup, ptrace) add their own steps or beliefs.
 */
public class Classic extends InitSteps {
    public Classic(Kernel kernel, Bounds bounds, Daemons daemons) { super(kernel, bounds, daemons); }

    /** Spec: ClassicInit == InitWith("none"). */
    @Override public String adopt() { return "none"; }

    /** Whether the end of the wait loop reports the services init tracks nothing of stopped (ClassicWaitAnyDone(TRUE)). */
    protected boolean decidesAtLoopEnd() { return true; }

    /** Spec: ClassicNext's init steps: Spawn, ClassicReadSigchld, ClassicWaitAny, ClassicWaitAnyDone (and a subclass's own). */
    @Override protected void initSteps(World w, List<World> out) {
        for (String s : bounds.services()) add(out, spawn(w, s));
        add(out, classicReadSigchld(w));
        add(out, classicWaitAny(w));
        add(out, classicWaitAnyDone(w, decidesAtLoopEnd()));
        ownSteps(w, out);
    }

    /** The steps a subclass adds (none for classic init). */
    protected void ownSteps(World w, List<World> out) { }
}
