package adoptsig.conform;

import adoptsig.engine.JavaSystem;
import adoptsig.engine.Progress;
import adoptsig.system.World;
import adoptsig.tlc.Abstraction;
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
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Exhaustive conformance: a breadth-first search that walks the Java system and the spec
 * (TLC's evaluator) in lockstep. At the initial state and at every reached state the two
 * successor sets, abstracted to spec states, must be equal; so the reachable states and
 * transitions are equal in both directions. The first difference is reported with the
 * shortest path to it. Only fingerprints of visited states are kept (the path to a difference
 * is found again by walking from the initial state), as TLC does.
 */
public final class Conformance {
    /**
     * Where Java and the spec first disagree: the path (spec states, empty when the initial
     * states differ) and the states only one side has (successors, or initial states).
     */
    public record Divergence(List<Map<String, TlaValue>> path, List<Map<String, TlaValue>> javaOnly,
                             List<Map<String, TlaValue>> specOnly) {
        public String describe() {
            StringBuilder b = new StringBuilder();
            if (path.isEmpty()) {
                b.append("Java and the spec disagree at the initial state:\n");
                for (var j : javaOnly) for (var s : specOnly) {
                    for (String k : new TreeSet<>(j.keySet())) {
                        if (!j.get(k).equals(s.get(k))) b.append("  ").append(k).append(": Java ").append(j.get(k)).append(", spec ").append(s.get(k)).append('\n');
                    }
                }
                if (specOnly.isEmpty()) b.append("  the spec has no initial state\n");
                return b.toString();
            }
            b.append("Java and the spec disagree after ").append(path.size() - 1).append(" steps: ");
            List<String> steps = new ArrayList<>();
            for (int i = 1; i < path.size(); i++) steps.add(Abstraction.stepOf(path.get(i)));
            b.append(steps.isEmpty() ? "(initial state)" : String.join(" -> ", steps)).append('\n');
            Map<String, TlaValue> last = path.get(path.size() - 1);
            for (var s : javaOnly) b.append("  step only Java takes: ").append(Abstraction.stepOf(s)).append(" to ").append(diff(last, s)).append('\n');
            for (var s : specOnly) b.append("  step only the spec takes: ").append(Abstraction.stepOf(s)).append(" to ").append(diff(last, s)).append('\n');
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

    /** Every few seconds the search reports its progress (states, queue, states per second) to {@code progress}. */
    public static Report exhaustive(JavaSystem sys, SpecBridge spec, Consumer<String> progress) {
        World j0 = sys.init();
        List<SpecBridge.State> inits = spec.init();
        long f0 = Abstraction.state(j0).fingerPrint();
        if (inits.size() != 1 || inits.get(0).fp() != f0) {
            return new Report(0, 0, Optional.of(new Divergence(List.of(), List.of(Abstraction.vars(j0)),
                    inits.stream().map(SpecBridge.State::vars).toList())));
        }
        Map<Long, Long> parent = new HashMap<>();
        parent.put(f0, null);
        ArrayDeque<Object[]> queue = new ArrayDeque<>();
        queue.add(new Object[] {j0, inits.get(0), f0});
        long transitions = 0;
        Progress p = new Progress(progress);
        while (!queue.isEmpty()) {
            Object[] e = queue.poll();
            World w = (World) e[0];
            SpecBridge.State t = (SpecBridge.State) e[1];
            long f = (Long) e[2];
            Map<Long, World> js = new LinkedHashMap<>();
            for (World x : sys.successors(w)) js.put(Abstraction.state(x).fingerPrint(), x);
            Map<Long, SpecBridge.State> ts = new LinkedHashMap<>();
            for (SpecBridge.State x : spec.successors(t)) ts.put(x.fp(), x);
            if (!js.keySet().equals(ts.keySet())) {
                List<Map<String, TlaValue>> javaOnly = js.keySet().stream().filter(k -> !ts.containsKey(k)).map(k -> Abstraction.vars(js.get(k))).toList();
                List<Map<String, TlaValue>> specOnly = ts.keySet().stream().filter(k -> !js.containsKey(k)).map(k -> ts.get(k).vars()).toList();
                return new Report(parent.size(), transitions, Optional.of(new Divergence(path(sys, parent, f), javaOnly, specOnly)));
            }
            transitions += js.size();
            for (var x : js.entrySet()) {
                if (parent.containsKey(x.getKey())) continue;
                parent.put(x.getKey(), f);
                queue.add(new Object[] {x.getValue(), ts.get(x.getKey()), x.getKey()});
            }
            p.tick(parent.size(), queue.size());
        }
        return new Report(parent.size(), transitions, Optional.empty());
    }

    /** The shortest path to the state of fingerprint f, found again from Java's initial state. */
    private static List<Map<String, TlaValue>> path(JavaSystem sys, Map<Long, Long> parent, long f) {
        List<Long> fps = new ArrayList<>();
        for (Long x = f; x != null; x = parent.get(x)) fps.add(x);
        Collections.reverse(fps);
        List<Map<String, TlaValue>> out = new ArrayList<>();
        World w = sys.init();
        out.add(Abstraction.vars(w));
        for (int i = 1; i < fps.size(); i++) {
            long want = fps.get(i);
            w = sys.successors(w).stream().filter(x -> Abstraction.state(x).fingerPrint() == want).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the path to a divergence cannot be walked again"));
            out.add(Abstraction.vars(w));
        }
        return out;
    }
}
