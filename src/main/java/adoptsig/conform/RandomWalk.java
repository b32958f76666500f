package adoptsig.conform;

import adoptsig.daemon.Daemons;
import adoptsig.engine.JavaInvariants;
import adoptsig.engine.JavaSystem;
import adoptsig.kernel.Errno;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Result;
import adoptsig.kernel.Step;
import adoptsig.system.Bounds;
import adoptsig.system.World;
import adoptsig.tlc.Abstraction;
import adoptsig.tlc.SpecBridge;
import adoptsig.tlc.TlaValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Random conformance: a walk driven by a list of choices, in lockstep with the spec. At every
 * state: the catalogued invariants agree on both sides, the successor sets are equal, and one
 * syscall chosen at random (valid or not, by any process, also one whose program would not
 * make it) is made on the Java kernel and compared with the spec's operator in both
 * directions (see {@link #refusal}). The list of choices is what the property-based test
 * generates and shrinks, so a failure comes with a short sequence of steps.
 */
public final class RandomWalk {
    /** The outcome of one walk: the steps taken (spec vocabulary) and the first disagreement, if any. */
    public record Outcome(List<String> steps, String failure, Set<Map<String, TlaValue>> visited, Map<String, Integer> actions) {
        public boolean ok() { return failure == null; }
    }

    /** The outcome of many walks: steps taken, walks, time, and the first failure with its walk (null if none). */
    public record Run(long steps, int walks, double seconds, String failure) {}

    private RandomWalk() {}

    public static Outcome walk(JavaSystem sys, SpecBridge spec, List<Integer> choices) {
        List<String> steps = new ArrayList<>();
        Set<Map<String, TlaValue>> visited = new java.util.HashSet<>();
        Map<String, Integer> actions = new LinkedHashMap<>();
        World w = sys.init();
        List<SpecBridge.State> inits = spec.init();
        if (inits.size() != 1 || inits.get(0).fp() != Abstraction.state(w).fingerPrint()) {
            return new Outcome(steps, "the initial states differ", visited, actions);
        }
        SpecBridge.State t = inits.get(0);
        Bounds b = sys.bounds();
        Map<String, Predicate<World>> invariants = JavaInvariants.of(sys.supervisor());
        for (int choice : choices) {
            Map<String, TlaValue> a = Abstraction.vars(w);
            visited.add(a);
            Map<String, Boolean> specInv = spec.invariants(t);
            for (var e : invariants.entrySet()) {
                Boolean s = specInv.get(e.getKey());
                if (s != null && s != e.getValue().test(w)) {
                    return new Outcome(steps, e.getKey() + " is " + s + " in the spec but " + !s + " in Java", visited, actions);
                }
            }
            Successors succ = Successors.of(sys, spec, w, t);
            if (succ.difference() != null) return new Outcome(steps, succ.difference(), visited, actions);
            String refusal = refusal(sys, w, succ, choice);
            if (refusal != null) return new Outcome(steps, refusal, visited, actions);
            if (succ.java().isEmpty()) break;
            List<Long> keys = new ArrayList<>(succ.java().keySet());
            long next = keys.get(Math.floorMod(choice, keys.size()));
            Map<String, TlaValue> na = Abstraction.vars(succ.java().get(next));
            steps.add(Abstraction.stepOf(na));
            actions.merge(na.get("lastAction").apply("name").asStr(), 1, Integer::sum);
            w = succ.java().get(next);
            t = succ.spec().get(next);
        }
        return new Outcome(steps, null, visited, actions);
    }

    /**
     * One random syscall (valid or not) by a random process on a random target, compared in
     * both directions with the spec's syscall operators: the caller (any process but init) is
     * made a free-mode process for the occasion, so that the spec's FreeStep offers exactly the
     * syscall; then Java's kernel succeeds exactly when the spec has the step, with the same
     * result. A call by a PID outside the pool must fail with EINVAL. Null when both agree,
     * else what differs.
     */
    static String refusal(JavaSystem sys, World w, Successors succ, int choice) {
        Bounds b = sys.bounds();
        List<String> calls = Daemons.FREE_CALLS;
        String call = calls.get(Math.floorMod(choice, calls.size()));
        int p = 1 + Math.floorMod(choice / calls.size(), b.maxPid() + 1);   // may be outside the pool
        int c = 1 + Math.floorMod(choice / (calls.size() * (b.maxPid() + 1)), b.maxPid());
        Result<KernelState> r = sys.kernel().call(w.kernel(), call, p, c);
        String what = call + "(" + p + (call.equals("Reap") ? ", " + c : "") + ")";
        if (!w.kernel().valid(p)) return r.ok() || r.errno() != Errno.EINVAL ? what + " by a PID outside the pool does not fail with EINVAL in Java" : null;
        if (p == Kernel.INIT) return null;                  // init's syscalls are its supervisor's steps, compared above
        World asFree = w.withPc(p, "free");
        Map<Long, World> java = new LinkedHashMap<>();
        for (World x : sys.successors(asFree)) if (is(x.kernel().lastAction(), call, p, c)) java.put(Abstraction.state(x).fingerPrint(), x);
        Map<Long, SpecBridge.State> spec = new LinkedHashMap<>();
        for (SpecBridge.State x : succ.bridge().successors(succ.bridge().state(Abstraction.state(asFree)))) {
            if (is(x.tlc(), call, p, c)) spec.put(x.fp(), x);
        }
        if (r.ok() != !spec.isEmpty()) {
            return r.ok() ? what + " succeeds in Java but the spec has no such step"
                    : what + " fails with " + r.errno() + " in Java but is a step of the spec";
        }
        if (!java.keySet().equals(spec.keySet())) return what + ": Java and the spec reach different states";
        return null;
    }

    private static boolean is(Step la, String call, int p, int c) {
        return la.name().equals(call) && la.actor() == p && (!call.equals("Reap") || la.target() == c);
    }

    private static boolean is(tlc2.tool.TLCState s, String call, int p, int c) {
        tlc2.value.impl.RecordValue la = (tlc2.value.impl.RecordValue) s.lookup(util.UniqueString.uniqueStringOf("lastAction"));
        TlaValue v = TlaValue.of(la);
        return v.apply("name").asStr().equals(call) && v.apply("actor").asInt() == p
                && (!call.equals("Reap") || v.apply("target").asInt() == c);
    }

    /** Walks of 200 random choices from the seed until {@code steps} steps were taken (an empty walk counts as none). */
    public static Run run(JavaSystem sys, SpecBridge spec, long seed, long steps) {
        Random rnd = new Random(seed);
        long done = 0, t0 = System.nanoTime();
        int walks = 0;
        while (done < steps) {
            Outcome o = walk(sys, spec, rnd.ints(200, 0, 1_000_000).boxed().toList());
            walks++;
            if (!o.ok()) {
                return new Run(done, walks, (System.nanoTime() - t0) / 1e9,
                        "seed " + seed + ", walk " + walks + ": " + o.failure() + "\n  steps: " + String.join(" -> ", o.steps()));
            }
            if (o.steps().isEmpty()) return new Run(done, walks, (System.nanoTime() - t0) / 1e9, "a walk took no step: the model has no successor of its initial state");
            done += o.steps().size();
        }
        return new Run(done, walks, (System.nanoTime() - t0) / 1e9, null);
    }

    /** Compares the full successor sets of w and t (by fingerprint); null when equal, else what differs. */
    static String compareSuccessors(JavaSystem sys, SpecBridge spec, World w, SpecBridge.State t) {
        return Successors.of(sys, spec, w, t).difference();
    }

    /** The successors of a Java world and of its spec state, keyed by TLC fingerprint, and what differs (null if nothing). */
    record Successors(SpecBridge bridge, Map<Long, World> java, Map<Long, SpecBridge.State> spec, String difference) {
        static Successors of(JavaSystem sys, SpecBridge bridge, World w, SpecBridge.State t) {
            Map<Long, World> js = new LinkedHashMap<>();
            for (World x : sys.successors(w)) js.put(Abstraction.state(x).fingerPrint(), x);
            Map<Long, SpecBridge.State> ts = new LinkedHashMap<>();
            for (SpecBridge.State x : bridge.successors(t)) ts.put(x.fp(), x);
            String diff = null;
            if (!js.keySet().equals(ts.keySet())) {
                List<String> only = new ArrayList<>();
                js.keySet().stream().filter(k -> !ts.containsKey(k)).forEach(k -> only.add("Java only: " + Abstraction.stepOf(Abstraction.vars(js.get(k)))));
                ts.keySet().stream().filter(k -> !js.containsKey(k)).forEach(k -> only.add("spec only: " + Abstraction.stepOf(ts.get(k).vars())));
                diff = "successors differ: " + only;
            }
            return new Successors(bridge, js, ts, diff);
        }
    }
}
