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
 * rfcWitness: a supervisor on exactly the RFC's interface that keeps its books right, by six
 * rules: W1 peek, drain, reap (on SIGCHLD, find a zombie with waitid(WNOWAIT), read every
 * queued adoption signal, then reap that zombie with waitpid(pid)); W2 park adoptions of
 * unknown parents; W3 when init reaps a process, drop its parked adoption and hand those naming
 * it as previous parent on to its own parked previous parent; W4 accept
 * only tracked PIDs as previous parents; W5 decide each service's stop on its own; W6 in a
 * closed world, give an unplaceable adoption to the one running service. The model's Without
 * leaves one rule out (an ablation). Spec: the section "rfcWitness" of Supervisors.tla.
 */
public class RfcWitness extends InitSteps {
    public RfcWitness(Kernel kernel, Bounds bounds, Daemons daemons) { super(kernel, bounds, daemons); }

    /** Spec: RfcWitnessInit == InitWith("realtime"). */
    @Override public String adopt() { return "realtime"; }

    /** Spec: Rule(r): the model does not leave rule r out. */
    private boolean rule(String r) { return !bounds.without().equals(r); }

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

    /** Spec: RfcWitnessReadSigchld: idle, sigwaitinfo returns SIGCHLD: peek (W1), or the RFC's wait loop. */
    public World readSigchld(World w) {
        World x = classicReadSigchld(w);
        return x == null ? null : x.withSupPc(rule("W1") ? "peek" : "reaping");
    }

    /** Spec: RfcWitnessReadAdoption: idle with no SIGCHLD pending, or in the drain: an adoption signal, placed. */
    public World readAdoption(World w) {
        boolean idle = w.supPc().equals("idle") && !w.kernel().chldPending();
        if (!idle && !w.supPc().equals("drain")) return null;
        Adoption[] got = new Adoption[1];
        Result<KernelState> r = kernel.readAdoption(w.kernel(), got);
        if (!r.ok()) return null;
        return place(w, r.state(), got[0], owners(w, got[0].prev()), rule("W2"));
    }

    /** Spec: RfcWitnessPeek: waitid(WNOWAIT) reports zombie z: drain next. */
    public World peek(World w) {
        if (!w.supPc().equals("peek")) return null;
        Result<KernelState> r = kernel.peek(w.kernel());
        if (!r.ok() || ((Result.Ok<KernelState>) r).value() == 0) return null;
        int z = ((Result.Ok<KernelState>) r).value();
        return w.withKernel(w.kernel().withStep(adoptsig.kernel.Step.of("Peek", Kernel.INIT, z))).withSupPc("drain")
                .withCarried(new World.Carried(adoptsig.kernel.Proc.NO_SVC, z));
    }

    /** Spec: RfcWitnessPeekDone: waitid returns 0 or ECHILD: back to idle. */
    public World peekDone(World w) {
        if (!w.supPc().equals("peek")) return null;
        String name = noZombie(w, "PeekNone", "PeekEchild");
        return name == null ? null : w.withKernel(step(w, name)).withSupPc("idle");
    }

    /** Spec: RfcWitnessDrained: the drain's sigtimedwait returns EAGAIN: reap the zombie peeked. */
    public World drained(World w) {
        if (!w.supPc().equals("drain") || !w.kernel().rtq().isEmpty()) return null;
        return w.withKernel(step(w, "ReadAdoptionEmpty")).withSupPc("reap");
    }

    /** Spec: Reaped(c): bookkeeping when init has reaped c (k: the kernel state after the wait). */
    private World reaped(World w, KernelState k, int c) {
        Map<String, Long> tracked = untrack(w.tracked(), c);
        Map<String, Long> gone = new HashMap<>(w.gone());
        if (!rule("W4")) for (String s : w.gone().keySet()) if (World.has(w.tracked().get(s), c)) gone.put(s, w.gone().get(s) | 1L << c);
        Set<Adoption> pending = new HashSet<>();
        if (!rule("W3")) pending.addAll(w.pending());
        else {
            Set<Integer> up = new HashSet<>();
            for (Adoption e : w.pending()) if (e.pid() == c) up.add(e.prev());
            for (Adoption e : w.pending()) {
                if (e.pid() != c && e.prev() != c) pending.add(e);
                else if (e.prev() == c && e.pid() != c) for (int u : up) if (u != e.pid()) pending.add(new Adoption(e.pid(), u));
            }
        }
        Map<String, String> status = new HashMap<>(w.status());
        for (String s : w.status().keySet()) {
            if (w.status().get(s).equals("running") && tracked.get(s) == 0L && (rule("W5") || pending.isEmpty())) status.put(s, "stopped");
        }
        return w.withKernel(k).withPc(c, "none").withTracked(tracked).withGone(gone).withPending(pending).withStatus(status);
    }

    /** Spec: RfcWitnessReap: waitpid(z, WNOHANG) reaps the zombie init peeked. */
    public World reap(World w) {
        if (!w.supPc().equals("reap")) return null;
        int z = w.carried().pid();
        Result<KernelState> r = kernel.waitPid(w.kernel(), z);
        if (!r.ok() || ((Result.Ok<KernelState>) r).value() != z) return null;
        return reaped(w, r.state(), z).withSupPc("peek").withCarried(World.NO_CARRY);
    }

    /** Spec: RfcWitnessWaitAny: without W1, waitpid(-1, WNOHANG) in the wait loop. */
    public World waitAny(World w) {
        if (rule("W1") || !w.supPc().equals("reaping")) return null;
        Result<KernelState> r = kernel.waitAny(w.kernel());
        if (!r.ok() || ((Result.Ok<KernelState>) r).value() == 0) return null;
        return reaped(w, r.state(), ((Result.Ok<KernelState>) r).value());
    }

    /** Spec: RfcWitnessNext's init steps. */
    @Override protected void initSteps(World w, List<World> out) {
        for (String s : bounds.services()) add(out, spawn(w, s));
        add(out, readSigchld(w));
        add(out, readAdoption(w));
        add(out, peek(w));
        add(out, peekDone(w));
        add(out, drained(w));
        add(out, reap(w));
        add(out, waitAny(w));
        if (!rule("W1")) add(out, classicWaitAnyDone(w, false));
    }
}
