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
import java.util.Map;
import java.util.Set;

/**
 * rfcWitness: a supervisor on exactly the RFC's interface that keeps its books right, by six
 * rules (W1 drain adoptions before SIGCHLD and every wait; W2 park adoptions of unknown parents;
 * W3 forget parked adoptions of, or from, a process init reaps; W4 accept only tracked PIDs as previous parents; W5
 * decide each service's stop on its own; W6 in a closed world, give an unplaceable adoption to
 * the one running service; W7 drain adoptions before spawning a service). The model's Without leaves one rule out (an ablation). Spec: the
 * section "rfcWitness" of Supervisors.tla.
 */
public class RfcWitness extends InitSteps {
    public RfcWitness(Kernel kernel, Bounds bounds, Daemons daemons) { super(kernel, bounds, daemons); }

    /** Spec: RfcWitnessInit == InitWith("signal"). */
    @Override public String adopt() { return "signal"; }

    /** Spec: Rule(r): the model does not leave rule r out. */
    private boolean rule(String r) { return !bounds.without().equals(r); }

    /** Spec: RfcWitnessDrained: with W1, init reads SIGCHLD and waits only once the adoption queue is empty. */
    private boolean drainedAdoptions(World w) { return !rule("W1") || w.kernel().rtq().isEmpty(); }

    /** Spec: RfcWitnessSpawn(s): with W7, only once the adoption queue is empty. */
    @Override public World spawn(World w, String s) {
        return rule("W7") && !w.kernel().rtq().isEmpty() ? null : super.spawn(w, s);
    }

    /** Spec: RfcWitnessDequeueSigchld. */
    @Override public World dequeueSigchld(World w) { return dequeueSigchldWhen(w, drainedAdoptions(w)); }

    /** Spec: RfcWitnessWaitNohang(c): with W3, the parked adoptions of c, and those naming c as previous parent, go. */
    @Override public World waitNohang(World w, int c) {
        World x = waitNohangWhen(w, c, drainedAdoptions(w));
        if (x == null || !rule("W3")) return x;
        Set<Adoption> pending = new HashSet<>();
        for (Adoption e : w.pending()) if (e.pid() != c && e.prev() != c) pending.add(e);
        return x.withPending(pending);
    }

    /** Spec: RfcWitnessWaitNohangEmpty. */
    @Override public World waitNohangEmpty(World w) { return waitNohangEmptyWhen(w, drainedAdoptions(w)); }

    /** Spec: RfcWitnessOwners(p): the services the previous parent p belongs to. */
    private Set<String> owners(World w, int p) {
        Set<String> known = new HashSet<>();
        for (String s : w.tracked().keySet()) {
            long pids = rule("W4") ? w.tracked().get(s) : w.tracked().get(s) | w.gone().get(s);
            if (World.has(pids, p)) known.add(s);
        }
        if (!known.isEmpty() || !rule("W6")) return known;
        Set<String> running = new HashSet<>();
        for (var e : w.status().entrySet()) if (e.getValue().equals("running")) running.add(e.getKey());
        return running.size() == 1 ? running : known;
    }

    /** Spec: RfcWitnessDequeueAdoption: with W1 whenever a signal is queued, else in the RFC's order. */
    public World dequeueAdoption(World w) {
        if (!(rule("W1") || (w.supPc().equals("idle") && !w.kernel().chldPending()))) return null;
        Adoption[] got = new Adoption[1];
        Result<KernelState> r = kernel.dequeueAdoption(w.kernel(), got);
        if (!r.ok()) return null;
        Adoption m = got[0];
        long known = closure(m.pid(), w.pending());
        Set<String> to = owners(w, m.prev());
        Set<Adoption> pending = new HashSet<>();
        Map<String, Long> tracked = new HashMap<>(w.tracked());
        if (!to.isEmpty()) {
            for (String s : to) tracked.put(s, tracked.get(s) | known);
            for (Adoption e : w.pending()) if (!World.has(known, e.prev())) pending.add(e);
        } else {
            pending.addAll(w.pending());
            if (rule("W2")) pending.add(m);
        }
        return w.withKernel(r.state()).withTracked(tracked).withPending(pending);
    }

    /** Spec: RfcWitnessDecideStopped(s): with W5, whatever is parked. */
    @Override public World decideStopped(World w, String s) {
        return decideStoppedWhen(w, s, w.tracked().get(s) == 0L && (rule("W5") || w.pending().isEmpty()));
    }

    /** Spec: RfcWitnessNext: the shared steps (as above) and RfcWitnessDequeueAdoption. */
    @Override protected void ownSteps(World w, java.util.List<World> out) { add(out, dequeueAdoption(w)); }
}
