package adoptsig.supervisor;

import adoptsig.daemon.Daemons;
import adoptsig.kernel.Adoption;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Report;
import adoptsig.kernel.Result;
import adoptsig.system.Bounds;
import adoptsig.system.World;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * waitLine: a kernel change beyond the RFC (adoption reports kept with the adopted processes,
 * naming the line of ancestors of the previous parent) and a supervisor on it: it collects every
 * report before it reads SIGCHLD or waits, gives a report to the service that tracks the
 * line's last element (the ancestor that was init's child), parks it until that process is
 * known, forgets what it parked of or from a process it reaps, and decides each service's stop
 * on its own. Spec: the section "waitLine" of Supervisors.tla.
 */
public class WaitLine extends InitSteps {
    public WaitLine(Kernel kernel, Bounds bounds, Daemons daemons) { super(kernel, bounds, daemons); }

    /** Spec: WaitLineInit == InitWith("keep"). */
    @Override public String adopt() { return "keep"; }

    /** Spec: WaitLineCollected: no report left to collect. */
    private static boolean collected(World w) { return w.kernel().kept().isEmpty(); }

    /** Spec: WaitLineDequeueSigchld. */
    @Override public World dequeueSigchld(World w) { return dequeueSigchldWhen(w, collected(w)); }

    /** Spec: WaitLineWaitNohang(c): the parked reports of, or from, c go. */
    @Override public World waitNohang(World w, int c) {
        World x = waitNohangWhen(w, c, collected(w));
        if (x == null) return null;
        Set<Adoption> pending = new HashSet<>();
        for (Adoption e : w.pending()) if (e.pid() != c && e.prev() != c) pending.add(e);
        return x.withPending(pending);
    }

    /** Spec: WaitLineWaitNohangEmpty. */
    @Override public World waitNohangEmpty(World w) { return waitNohangEmptyWhen(w, collected(w)); }

    /** Spec: CollectReport(m): the wait-like call returns the kept report m. */
    public World collectReport(World w, Report m) {
        Result<KernelState> r = kernel.collect(w.kernel(), m);
        if (!r.ok()) return null;
        int root = m.line().get(m.line().size() - 1);
        long known = 1L << m.pid();                       // spec: Closure({m.pid}, MaxPid)
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Adoption e : w.pending()) {
                if (World.has(known, e.prev()) && !World.has(known, e.pid())) { known |= 1L << e.pid(); grew = true; }
            }
        }
        Map<String, Long> tracked = new HashMap<>(w.tracked());
        boolean owned = false;
        for (String s : w.tracked().keySet()) {
            if (World.has(w.tracked().get(s), root)) { tracked.put(s, tracked.get(s) | known); owned = true; }
        }
        Set<Adoption> pending = new HashSet<>();
        if (owned) {
            for (Adoption e : w.pending()) if (!World.has(known, e.prev())) pending.add(e);
        } else {
            pending.addAll(w.pending());
            pending.add(new Adoption(m.pid(), root));
        }
        return w.withKernel(r.state()).withTracked(tracked).withPending(pending);
    }

    /** Spec: WaitLineDecideStopped(s). */
    @Override public World decideStopped(World w, String s) {
        return decideStoppedWhen(w, s, w.tracked().get(s) == 0L && collected(w));
    }

    /** Spec: WaitLineNext: the shared steps (as above) and CollectReport. */
    @Override protected void ownSteps(World w, List<World> out) {
        for (Report m : w.kernel().kept()) add(out, collectReport(w, m));
    }
}
