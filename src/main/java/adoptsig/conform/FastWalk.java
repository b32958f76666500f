package adoptsig.conform;

import adoptsig.engine.JavaSystem;
import adoptsig.system.World;
import adoptsig.tlc.Abstraction;
import adoptsig.tlc.SpecBridge;
import tlc2.tool.TLCState;

import java.util.List;
import java.util.Random;

/**
 * The fast random conformance check: Java's initial state must be the spec's; then each step
 * takes one of Java's successors at random, and TLC checks that the pair (before, after) is a
 * step of the spec's Next. Every {@code fullEvery} steps the whole successor sets are compared
 * too, and a random syscall must be refused (or taken) alike ({@link RandomWalk#refusal}), so
 * that a step the spec has and Java lacks is found as well. This reaches thousands of steps per
 * second: the pair check costs one evaluation of Next, not an enumeration of its successors.
 */
public final class FastWalk {
    /** steps: pairs checked; walks: restarts from the initial state; failure: the first disagreement, or null. */
    public record Outcome(long steps, long walks, long fullChecks, String failure) {}

    private FastWalk() {}

    /** walkLength: steps before the walk starts again from the initial state. */
    public static Outcome run(JavaSystem sys, SpecBridge spec, long seed, long steps, int fullEvery, int walkLength) {
        Random rnd = new Random(seed);
        World init = sys.init();
        List<SpecBridge.State> inits = spec.init();
        if (inits.size() != 1 || inits.get(0).fp() != Abstraction.state(init).fingerPrint()) {
            return new Outcome(0, 0, 0, "Java's initial state is not the spec's Init");
        }
        World w = init;
        TLCState s = Abstraction.state(w);
        long walks = 1, full = 0;
        int sinceReset = 0;
        for (long i = 0; i < steps; i++) {
            if (fullEvery > 0 && i % fullEvery == 0) {
                full++;
                RandomWalk.Successors succ = RandomWalk.Successors.of(sys, spec, w, spec.state(s));
                String f = succ.difference() != null ? succ.difference() : RandomWalk.refusal(sys, w, succ, rnd.nextInt(1_000_000));
                if (f != null) return new Outcome(i, walks, full, "after " + i + " steps: " + f);
            }
            List<World> next = sys.successors(w);
            if (next.isEmpty() || ++sinceReset >= walkLength) {
                w = init;
                s = Abstraction.state(w);
                sinceReset = 0;
                walks++;
                next = sys.successors(w);
            }
            World x = next.get(rnd.nextInt(next.size()));
            TLCState t = Abstraction.state(x);
            if (!spec.isStep(s, t)) {
                return new Outcome(i, walks, full, "after " + i + " steps: Java takes "
                        + Abstraction.stepOf(Abstraction.vars(x)) + ", which is not a step of the spec");
            }
            w = x;
            s = t;
        }
        return new Outcome(steps, walks, full, null);
    }
}
