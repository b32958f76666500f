package adoptsig.conform;

import adoptsig.daemon.Bounds;
import adoptsig.daemon.Daemons;
import adoptsig.supervisor.RfcSupervisor;
import adoptsig.supervisor.World;
import adoptsig.tlc.SpecBridge;
import tlc2.tool.TLCState;

import java.util.Random;

/**
 * The fast random conformance check (free mode): each step makes one random call (a syscall
 * by a random PID, or a supervisor step), valid or not. When Java takes it, TLC checks that
 * the pair (before, after) is a step of the spec's Next; every {@code fullEvery} steps the
 * whole successor sets are compared too (which also checks that a refused call has no spec
 * step). This is what reaches thousands of steps per second: the pair check costs one
 * evaluation of Next, not an enumeration of all successors.
 */
public final class FastWalk {
    public record Outcome(long steps, long taken, long refused, String failure) {}

    private FastWalk() {}

    /** walkLength: calls (taken or refused) before the walk starts again from the initial state. */
    public static Outcome run(JavaSystem sys, SpecBridge spec, long seed, long steps, int fullEvery, int walkLength) {
        Bounds b = sys.bounds();
        RfcSupervisor sup = new RfcSupervisor(sys.kernel(), b.supervisor());
        Daemons daemons = new Daemons(sys.kernel(), b, sup);
        Random rnd = new Random(seed);
        World w = sys.init();
        TLCState s = TlcStates.of(w);
        long taken = 0, refused = 0;
        int sinceReset = 0;
        for (long i = 0; i < steps; i++) {
            if (fullEvery > 0 && i % fullEvery == 0) {
                String f = RandomWalk.compareSuccessors(sys, spec, w, spec.state(Abstraction.of(w)));
                if (f != null) return new Outcome(i, taken, refused, "after " + i + " steps: " + f);
            }
            int kind = rnd.nextInt(21);
            int p = 1 + rnd.nextInt(b.maxPid() + 1), c = 1 + rnd.nextInt(b.maxPid());
            String svc = b.services().get(rnd.nextInt(b.services().size()));
            World next = switch (kind) {
                case 8 -> sup.spawn(w, svc, daemons.firstPc());
                case 9 -> sup.dequeueSigchld(w);
                case 10 -> sup.waitNohang(w, c);
                case 11 -> sup.waitNohangEmpty(w);
                case 12 -> sup.dequeueAdoption(w);
                case 13 -> sup.decideStopped(w, svc);
                case 14 -> sup.forgetExited(w);
                case 15 -> daemons.free(w, p, "Fork", 0);
                case 16 -> sup.readPidfile(w, svc);
                case 17 -> sup.probePid(w, svc, c);
                case 18 -> sup.reaperSetup(w, p);
                case 19 -> sup.reaperSpawn(w, p, daemons.firstPc());
                case 20 -> sup.reaperWait(w, p, c);
                default -> daemons.free(w, p, Daemons.FREE_CALLS.get(kind), c);
            };
            if (++sinceReset >= walkLength) { w = sys.init(); s = TlcStates.of(w); sinceReset = 0; continue; }
            if (next == null) { refused++; continue; }
            TLCState t = TlcStates.of(next);
            if (!spec.isStep(s, t)) {
                return new Outcome(i, taken, refused, "after " + i + " steps: Java takes " + Abstraction.stepOf(Abstraction.of(next)) + ", which is not a step of the spec");
            }
            taken++;
            w = next;
            s = t;
        }
        return new Outcome(steps, taken, refused, null);
    }
}
