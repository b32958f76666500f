package adoptsig.supervisor;

import adoptsig.InputError;
import adoptsig.daemon.Daemons;
import adoptsig.kernel.Kernel;
import adoptsig.system.Bounds;
import adoptsig.system.World;

/**
 * rfcStd: the RFC's supervisor with the adoption signal sent as a standard signal: at most
 * one instance pending (so RtLimit = 1), dequeued before SIGCHLD. Spec: the section "rfcStd"
 * of Supervisors.tla; its steps are the rfc section's with the guards below.
 */
public class RfcStd extends Rfc {
    public RfcStd(Kernel kernel, Bounds bounds, Daemons daemons) {
        super(kernel, bounds, daemons);
        // spec: ASSUME Supervisor = "rfcStd" => RtLimit = 1
        if (bounds.rtLimit() != 1) {
            throw new InputError("mechanism rfcStd needs RtLimit = 1 (a standard signal is pending at most once), not " + bounds.rtLimit());
        }
    }

    /** Spec: RfcStdDequeueSigchld == DequeueSigchldWhen(rtq = <<>>). */
    @Override public World dequeueSigchld(World w) { return dequeueSigchldWhen(w, w.kernel().rtq().isEmpty()); }

    /** Spec: RfcStdDequeueAdoption == DequeueAdoptionWhen(supPc = "idle", FALSE). */
    @Override public World dequeueAdoption(World w) { return dequeueAdoptionWhen(w, w.supPc().equals("idle"), false); }
}
