package adoptsig.supervisor;

import adoptsig.daemon.Daemons;
import adoptsig.kernel.Kernel;
import adoptsig.system.Bounds;
import adoptsig.system.World;

/**
 * rfcStd: the RFC's supervisor with the adoption signal on a standard signal (SIGUSR1): at
 * most one pending (a second is discarded), and, numbered below SIGCHLD, returned first by
 * sigwaitinfo. Spec: the section "rfcStd" of Supervisors.tla.
 */
public class RfcStd extends Rfc {
    public RfcStd(Kernel kernel, Bounds bounds, Daemons daemons) { super(kernel, bounds, daemons); }

    /** Spec: RfcStdInit == InitWith("standard"). */
    @Override public String adopt() { return "standard"; }

    /** Spec: RfcStdReadSigchld: SIGCHLD is returned only when no adoption signal is pending. */
    @Override protected World readSigchld(World w) {
        return w.kernel().rtq().isEmpty() ? classicReadSigchld(w) : null;
    }

    /** Spec: RfcStdReadAdoption: the adoption signal is returned first whenever init is idle. */
    @Override protected World readAdoption(World w) {
        return w.supPc().equals("idle") ? readAndPlace(w) : null;
    }
}
