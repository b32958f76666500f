package adoptsig.conform;

import adoptsig.daemon.Bounds;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Result;
import adoptsig.supervisor.World;
import adoptsig.tlc.SpecBridge;
import adoptsig.tlc.TlaValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Random conformance: a walk driven by a list of choices, in lockstep with the spec. At every
 * state: the catalogued invariants agree on both sides, the successor sets are equal, and one
 * syscall chosen at random (valid or not) is made: if Java refuses it with an errno, the spec
 * must have no step for it either. The list of choices is what the property-based test
 * generates and shrinks, so a failure comes with a short sequence of steps.
 */
public final class RandomWalk {
    /** The outcome of one walk: the steps taken (spec vocabulary) and the first disagreement, if any. */
    public record Outcome(List<String> steps, String failure, Set<Map<String, TlaValue>> visited, Map<String, Integer> actions) {
        public boolean ok() { return failure == null; }
    }

    private static final String[] CALLS = {"Fork", "Exit", "Reap", "Setsid", "Exec", "OpenTty", "PrctlSetAdoptsig", "PrctlSetChildSubreaper"};

    private RandomWalk() {}

    public static Outcome walk(JavaSystem sys, SpecBridge spec, List<Integer> choices) {
        List<String> steps = new ArrayList<>();
        Set<Map<String, TlaValue>> visited = new java.util.HashSet<>();
        Map<String, Integer> actions = new LinkedHashMap<>();
        World w = sys.init();
        SpecBridge.State t = spec.init().get(0);
        Bounds b = sys.bounds();
        Map<String, java.util.function.Predicate<World>> invariants = JavaInvariants.of(b.supervisor());
        for (int i = 0; i < choices.size(); i++) {
            int choice = choices.get(i);
            Map<String, TlaValue> a = Abstraction.of(w);
            if (spec.fingerprint(a) != t.fp()) return new Outcome(steps, "states differ after " + steps, visited, actions);
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
            Map<Long, World> js = succ.java();
            Map<Long, Map<String, TlaValue>> jsAbs = succ.javaAbstract();
            Map<Long, SpecBridge.State> ts = succ.spec();
            // one random syscall, valid or not, by a random process on a random target
            String call = CALLS[Math.floorMod(choice, CALLS.length)];
            int p = 1 + Math.floorMod(choice / CALLS.length, b.maxPid() + 1);   // may be outside the pool
            int c = 1 + Math.floorMod(choice / (CALLS.length * (b.maxPid() + 1)), b.maxPid());
            Result<KernelState> r = call(sys.kernel(), w.kernel(), call, p, c);
            if (!r.ok()) {
                for (var k : jsAbs.values()) {      // equal to the spec's successors, checked above
                    TlaValue la = k.get("lastAction");
                    if (la.apply("name").asStr().equals(call) && la.apply("actor").asInt() == p
                            && (!call.equals("Reap") || la.apply("target").asInt() == c)) {
                        return new Outcome(steps, call + "(" + p + (call.equals("Reap") ? ", " + c : "") + ") fails with "
                                + r.errno() + " in Java but is a step of the spec", visited, actions);
                    }
                }
            }
            if (js.isEmpty()) break;
            List<Long> keys = new ArrayList<>(js.keySet());
            long next = keys.get(Math.floorMod(choice, keys.size()));
            steps.add(Abstraction.stepOf(jsAbs.get(next)));
            actions.merge(jsAbs.get(next).get("lastAction").apply("name").asStr(), 1, Integer::sum);
            w = js.get(next);
            t = ts.get(next);
        }
        return new Outcome(steps, null, visited, actions);
    }

    /** Compares the full successor sets of w and t (by fingerprint); null when equal, else what differs. */
    static String compareSuccessors(JavaSystem sys, SpecBridge spec, World w, SpecBridge.State t) {
        return Successors.of(sys, spec, w, t).difference();
    }

    /** The successors of a Java world and of its spec state, keyed by TLC fingerprint, and what differs (null if nothing). */
    record Successors(Map<Long, World> java, Map<Long, Map<String, TlaValue>> javaAbstract, Map<Long, SpecBridge.State> spec,
                      String difference) {
        static Successors of(JavaSystem sys, SpecBridge bridge, World w, SpecBridge.State t) {
            Map<Long, World> js = new LinkedHashMap<>();
            Map<Long, Map<String, TlaValue>> jsAbs = new LinkedHashMap<>();
            for (World x : sys.successors(w)) {
                Map<String, TlaValue> ax = Abstraction.of(x);
                long fp = bridge.fingerprint(ax);
                js.put(fp, x);
                jsAbs.put(fp, ax);
            }
            Map<Long, SpecBridge.State> ts = new LinkedHashMap<>();
            for (SpecBridge.State x : bridge.successors(t)) ts.put(x.fp(), x);
            String diff = null;
            if (!js.keySet().equals(ts.keySet())) {
                List<String> only = new ArrayList<>();
                js.keySet().stream().filter(k -> !ts.containsKey(k)).forEach(k -> only.add("Java only: " + Abstraction.stepOf(jsAbs.get(k))));
                ts.keySet().stream().filter(k -> !js.containsKey(k)).forEach(k -> only.add("spec only: " + Abstraction.stepOf(ts.get(k).vars())));
                diff = "successors differ: " + only;
            }
            return new Successors(js, jsAbs, ts, diff);
        }
    }

    static Result<KernelState> call(Kernel k, KernelState s, String call, int p, int c) {
        return switch (call) {
            case "Fork" -> k.fork(s, p);
            case "Exit" -> k.exit(s, p);
            case "Reap" -> k.reap(s, p, c);
            case "Setsid" -> k.setsid(s, p);
            case "Exec" -> k.exec(s, p);
            case "OpenTty" -> k.openTty(s, p);
            case "PrctlSetAdoptsig" -> k.prctlSetAdoptsig(s, p);
            case "PrctlSetChildSubreaper" -> k.prctlSetChildSubreaper(s, p);
            default -> throw new IllegalArgumentException(call);
        };
    }
}
