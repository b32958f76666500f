package adoptsig.engine;

import adoptsig.kernel.Kernel;
import adoptsig.supervisor.Mechanisms;
import adoptsig.supervisor.Supervisor;
import adoptsig.system.Bounds;
import adoptsig.system.World;

import java.util.List;

/**
 * The Java kernel + supervisor + daemons as a transition system with the spec's initial
 * state and next-state relation (spec: MInit and MNext of the model's mechanism M). The
 * kernel is a parameter so that mutant kernels can be explored the same way.
 */
public final class JavaSystem {
    private final Kernel kernel;
    private final Bounds bounds;
    private final Supervisor supervisor;

    public JavaSystem(Kernel kernel, Bounds bounds) {
        this.kernel = kernel;
        this.bounds = bounds;
        this.supervisor = Mechanisms.create(kernel, bounds);
    }

    public Bounds bounds() { return bounds; }
    public Kernel kernel() { return kernel; }
    public Supervisor supervisor() { return supervisor; }

    /** Spec: MInit. */
    public World init() { return supervisor.init(); }

    /** Spec: MNext: every successor of w. */
    public List<World> successors(World w) { return supervisor.next(w); }
}
