package adoptsig.supervisor;

import adoptsig.daemon.Daemons;
import adoptsig.kernel.Adoption;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Result;
import adoptsig.system.Bounds;
import adoptsig.system.World;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * rfc: PR_SET_ADOPTSIG as the RFC describes it, with its favourable readings F1-F3: init
 * reads SIGCHLD first and reaps, then reads adoption signals, and tracks an adopted child
 * whose previous parent it tracks or reaped. Spec: the section "rfc" of Supervisors.tla.
 */
public class Rfc extends InitSteps {
    public Rfc(Kernel kernel, Bounds bounds, Daemons daemons) { super(kernel, bounds, daemons); }

    /** Spec: RfcInit == InitWith("signal"). */
    @Override public String adopt() { return "signal"; }

    /**
     * Spec: DequeueAdoptionWhen(ready, park): if si_status belongs to a service (tracked or
     * gone), track si_pid for it, and every parked adoption that si_pid resolves (Closure);
     * with park, an adoption whose si_status init does not know is parked.
     */
    protected World dequeueAdoptionWhen(World w, boolean ready, boolean park) {
        if (!ready) return null;
        Adoption[] got = new Adoption[1];
        Result<KernelState> r = kernel.dequeueAdoption(w.kernel(), got);
        if (!r.ok()) return null;
        Adoption m = got[0];
        long known = closure(m.pid(), w.pending());
        boolean owned = false;
        Map<String, Long> tracked = new HashMap<>();
        for (String s : w.tracked().keySet()) {
            long t = w.tracked().get(s);
            if (World.has(t | w.gone().get(s), m.prev())) { t |= known; owned = true; }
            tracked.put(s, t);
        }
        Set<Adoption> pending = new HashSet<>();
        if (owned) {
            for (Adoption e : w.pending()) if (!World.has(known, e.prev())) pending.add(e);
        } else {
            pending.addAll(w.pending());
            if (park) pending.add(m);
        }
        return w.withKernel(r.state()).withTracked(tracked).withPending(pending);
    }

    /** Spec: DequeueAdoption == DequeueAdoptionWhen(supPc = "idle" /\ ~chldPending, FALSE). */
    public World dequeueAdoption(World w) {
        return dequeueAdoptionWhen(w, w.supPc().equals("idle") && !w.kernel().chldPending(), false);
    }

    /** Spec: RfcNext: the shared steps and DequeueAdoption. */
    @Override protected void ownSteps(World w, List<World> out) { add(out, dequeueAdoption(w)); }
}
