package adoptsig.supervisor;

import adoptsig.daemon.Daemons;
import adoptsig.kernel.Kernel;
import adoptsig.system.Bounds;

/**
 * classic: init without the RFC. It never asks for adoption signals and knows only the PIDs
 * it forked: SIGCHLD and waitpid only: the shared steps and nothing else. Spec: the section
 * "classic" of Supervisors.tla.
 */
public class Classic extends InitSteps {
    public Classic(Kernel kernel, Bounds bounds, Daemons daemons) { super(kernel, bounds, daemons); }

    /** Spec: ClassicInit == InitWith("none"). */
    @Override public String adopt() { return "none"; }
}
