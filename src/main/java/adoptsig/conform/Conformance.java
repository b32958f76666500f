package adoptsig.conform;

import adoptsig.supervisor.World;
import adoptsig.tlc.SpecBridge;
import adoptsig.tlc.TlaValue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Exhaustive conformance: a breadth-first search that walks the Java system and the spec
 * (TLC's evaluator) in lockstep. At every reached state the two successor sets, abstracted to
 * spec states, must be equal; so the reachable states and transitions are equal in both
 * directions. The first difference is reported with the shortest path to it.
 */
public final class Conformance {
    /** Where Java and the spec first disagree: the path (spec states) and the successors only one side has. */
    public record Divergence(List<Map<String, TlaValue>> path, List<Map<String, TlaValue>> javaOnly,
                             List<Map<String, TlaValue>> specOnly) {
        public String describe() {
            StringBuilder b = new StringBuilder("Java and the spec disagree after ").append(path.size() - 1).append(" steps: ");
            List<String> steps = new ArrayList<>();
            for (int i = 1; i < path.size(); i++) steps.add(Abstraction.stepOf(path.get(i)));
            b.append(steps.isEmpty() ? "(initial state)" : String.join(" -> ", steps)).append('\n');
            for (var s : javaOnly) b.append("  step only Java takes: ").append(Abstraction.stepOf(s)).append(" to ").append(diff(path.get(path.size() - 1), s)).append('\n');
            for (var s : specOnly) b.append("  step only the spec takes: ").append(Abstraction.stepOf(s)).append(" to ").append(diff(path.get(path.size() - 1), s)).append('\n');
            return b.toString();
        }

        private static String diff(Map<String, TlaValue> from, Map<String, TlaValue> to) {
            List<String> d = new ArrayList<>();
            for (String k : new TreeSet<>(to.keySet())) if (!k.equals("lastAction") && !to.get(k).equals(from.get(k))) d.add(k + " = " + to.get(k));
            return d.isEmpty() ? "(no change)" : String.join(", ", d);
        }
    }

    public record Report(long states, long transitions, Optional<Divergence> divergence) {}

    private Conformance() {}

    public static Report exhaustive(JavaSystem sys, SpecBridge spec) {
        World j0 = sys.init();
        List<SpecBridge.State> inits = spec.init();
        Map<String, TlaValue> a0 = Abstraction.of(j0);
        long f0 = spec.fingerprint(a0);
        if (inits.size() != 1 || inits.get(0).fp() != f0) {
            return new Report(0, 0, Optional.of(new Divergence(List.of(), List.of(a0), inits.stream().map(SpecBridge.State::vars).toList())));
        }
        // states are compared by TLC's fingerprint of their abstraction; values are parsed only to report a difference
        Map<Long, Long> parent = new HashMap<>();
        Map<Long, World> worlds = new HashMap<>();
        parent.put(f0, null);
        worlds.put(f0, j0);
        ArrayDeque<Object[]> queue = new ArrayDeque<>();
        queue.add(new Object[] {j0, inits.get(0), f0});
        long transitions = 0;
        while (!queue.isEmpty()) {
            Object[] e = queue.poll();
            World w = (World) e[0];
            SpecBridge.State t = (SpecBridge.State) e[1];
            long f = (Long) e[2];
            Map<Long, World> js = new LinkedHashMap<>();
            for (World x : sys.successors(w)) js.put(spec.fingerprint(Abstraction.of(x)), x);
            Map<Long, SpecBridge.State> ts = new LinkedHashMap<>();
            for (SpecBridge.State x : spec.successors(t)) ts.put(x.fp(), x);
            if (!js.keySet().equals(ts.keySet())) {
                List<Map<String, TlaValue>> javaOnly = js.keySet().stream().filter(k -> !ts.containsKey(k)).map(k -> Abstraction.of(js.get(k))).toList();
                List<Map<String, TlaValue>> specOnly = ts.keySet().stream().filter(k -> !js.containsKey(k)).map(k -> ts.get(k).vars()).toList();
                List<Map<String, TlaValue>> path = new ArrayList<>();
                for (Long x = f; x != null; x = parent.get(x)) path.add(Abstraction.of(worlds.get(x)));
                Collections.reverse(path);
                return new Report(parent.size(), transitions, Optional.of(new Divergence(path, javaOnly, specOnly)));
            }
            transitions += js.size();
            for (var x : js.entrySet()) {
                if (parent.containsKey(x.getKey())) continue;
                parent.put(x.getKey(), f);
                worlds.put(x.getKey(), x.getValue());
                queue.add(new Object[] {x.getValue(), ts.get(x.getKey()), x.getKey()});
            }
        }
        return new Report(parent.size(), transitions, Optional.empty());
    }

    /** Pure-Java breadth-first exploration: the number of distinct reachable worlds (visited set of 64-bit fingerprints). */
    public static long explore(JavaSystem sys) {
        LongSet seen = new LongSet();
        ArrayDeque<World> queue = new ArrayDeque<>();
        World w0 = sys.init();
        seen.add(Fingerprint.of(w0));
        queue.add(w0);
        while (!queue.isEmpty()) {
            for (World x : sys.successors(queue.poll())) if (seen.add(Fingerprint.of(x))) queue.add(x);
        }
        return seen.size();
    }

    /** Pure-Java breadth-first exploration: every distinct reachable world. */
    public static Set<World> exploreSet(JavaSystem sys) {
        Set<World> seen = new java.util.HashSet<>();
        ArrayDeque<World> queue = new ArrayDeque<>();
        World w0 = sys.init();
        seen.add(w0);
        queue.add(w0);
        while (!queue.isEmpty()) {
            for (World x : sys.successors(queue.poll())) if (seen.add(x)) queue.add(x);
        }
        return seen;
    }
}
