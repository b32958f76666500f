package adoptsig.supervisor;

import adoptsig.daemon.Daemons;
import adoptsig.kernel.Kernel;
import adoptsig.system.Bounds;
import adoptsig.system.World;

/**
 * rfcBest: a stronger supervisor on the RFC's interface: it drains adoption signals before
 * SIGCHLD and before every wait, parks an adoption whose previous parent it does not know,
 * and reports a service stopped only when nothing is parked. Spec: the section "rfcBest" of
 * Supervisors.tla.
 */
public class RfcBest extends Rfc {
    public RfcBest(Kernel kernel, Bounds bounds, Daemons daemons) { super(kernel, bounds, daemons); }

    private static boolean rtqEmpty(World w) { return w.kernel().rtq().isEmpty(); }

    /** Spec: RfcBestDequeueSigchld == DequeueSigchldWhen(rtq = <<>>). */
    @Override public World dequeueSigchld(World w) { return dequeueSigchldWhen(w, rtqEmpty(w)); }

    /** Spec: RfcBestWaitNohang(c) == WaitNohangWhen(c, rtq = <<>>). */
    @Override public World waitNohang(World w, int c) { return waitNohangWhen(w, c, rtqEmpty(w)); }

    /** Spec: RfcBestWaitNohangEmpty == WaitNohangEmptyWhen(rtq = <<>>). */
    @Override public World waitNohangEmpty(World w) { return waitNohangEmptyWhen(w, rtqEmpty(w)); }

    /** Spec: RfcBestDequeueAdoption == DequeueAdoptionWhen(TRUE, TRUE). */
    @Override public World dequeueAdoption(World w) { return dequeueAdoptionWhen(w, true, true); }

    /** Spec: RfcBestDecideStopped(s) == DecideStoppedWhen(s, tracked[s] = {} /\ pending = {}). */
    @Override public World decideStopped(World w, String s) {
        return decideStoppedWhen(w, s, w.tracked().get(s) == 0L && w.pending().isEmpty());
    }
}
