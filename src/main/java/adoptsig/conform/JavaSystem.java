package adoptsig.conform;

import adoptsig.daemon.Bounds;
import adoptsig.daemon.Daemons;
import adoptsig.kernel.Kernel;
import adoptsig.supervisor.RfcSupervisor;
import adoptsig.supervisor.World;

import java.util.ArrayList;
import java.util.List;

/**
 * The Java kernel + RFC supervisor + daemons as a transition system with the spec's Next:
 * Spawn(s), the supervisor's steps, and every process's next program step. The kernel is a
 * parameter so that mutant kernels can be explored the same way.
 */
public final class JavaSystem {
    private final Kernel kernel;
    private final Bounds bounds;
    private final RfcSupervisor sup;
    private final Daemons daemons;

    public JavaSystem(Kernel kernel, Bounds bounds) {
        this.kernel = kernel;
        this.bounds = bounds;
        this.sup = new RfcSupervisor(kernel, bounds.supervisor());
        this.daemons = new Daemons(kernel, bounds, sup);
    }

    public Bounds bounds() { return bounds; }
    public Kernel kernel() { return kernel; }

    /** Spec: Init. */
    public World init() { return World.boot(bounds.maxPid(), bounds.rtLimit(), bounds.services(), bounds.initAdopt()); }

    /** Spec: Next: every successor of w. */
    public List<World> successors(World w) {
        List<World> out = new ArrayList<>();
        for (String s : bounds.services()) addIf(out, sup.spawn(w, s, daemons.firstPc()));
        addIf(out, sup.dequeueSigchld(w));
        for (int c = 1; c <= bounds.maxPid(); c++) addIf(out, sup.waitNohang(w, c));
        addIf(out, sup.waitNohangEmpty(w));
        addIf(out, sup.dequeueAdoption(w));
        for (String s : bounds.services()) addIf(out, sup.decideStopped(w, s));
        addIf(out, sup.forgetExited(w));
        for (String s : bounds.services()) addIf(out, sup.readPidfile(w, s));
        for (String s : bounds.services()) for (int q = 1; q <= bounds.maxPid(); q++) addIf(out, sup.probePid(w, s, q));
        for (int r = 2; r <= bounds.maxPid(); r++) {
            addIf(out, sup.reaperSetup(w, r));
            addIf(out, sup.reaperSpawn(w, r, daemons.firstPc()));
            for (int c = 1; c <= bounds.maxPid(); c++) addIf(out, sup.reaperWait(w, r, c));
        }
        for (int p = 2; p <= bounds.maxPid(); p++) out.addAll(daemons.steps(w, p));
        return out;
    }

    private static void addIf(List<World> out, World w) { if (w != null) out.add(w); }
}
