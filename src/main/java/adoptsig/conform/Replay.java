package adoptsig.conform;

import adoptsig.catalog.Property;
import adoptsig.engine.JavaInvariants;
import adoptsig.engine.JavaProperties;
import adoptsig.engine.JavaSystem;
import adoptsig.system.World;
import adoptsig.tlc.Abstraction;
import adoptsig.tlc.TlaValue;
import adoptsig.tlc.Trace;
import adoptsig.tlc.TraceState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replays a TLC counterexample on the Java kernel and supervisor: from Java's initial world,
 * each next state of the trace must be the abstraction of one of Java's successors; then the
 * violated property must be violated on the Java side too (an invariant on the last world, an
 * action property on the last step, a temporal property on every state of the lasso's cycle).
 * A trace saved before the spec had the variables {@link #LATER_VARIABLES} is compared on the
 * variables it has, and the Java worlds must keep the later ones at their initial values (the
 * spec changes them only under the mechanisms that came with them).
 */
public final class Replay {
    public record Result(boolean replayed, boolean violationReproduced, String explanation, List<World> worlds) {}

    /** Variables added to the spec after the oldest saved counterexamples were recorded (PID file, ptrace, open world, kept adoption reports). */
    public static final java.util.Set<String> LATER_VARIABLES = java.util.Set.of("pidfile", "forksLeft", "strangersBegun", "kept", "carried");

    private Replay() {}

    static boolean matches(Map<String, TlaValue> java, Map<String, TlaValue> want, Map<String, TlaValue> initial) {
        if (java.keySet().equals(want.keySet())) return java.equals(want);
        if (!java.keySet().containsAll(want.keySet())) return false;
        for (String k : java.keySet()) {
            if (want.containsKey(k)) {
                if (!java.get(k).equals(want.get(k))) return false;
            } else if (!LATER_VARIABLES.contains(k) || !java.get(k).equals(initial.get(k))) {
                return false;
            }
        }
        return true;
    }

    public static Result replay(JavaSystem sys, Trace trace, Property property) {
        List<World> worlds = new ArrayList<>();
        World w = sys.init();
        List<TraceState> states = trace.states();
        Map<String, TlaValue> initial = Abstraction.vars(w);
        if (!matches(initial, states.get(0).vars(), initial)) {
            return new Result(false, false, "the trace's initial state is not Java's", worlds);
        }
        worlds.add(w);
        for (int i = 1; i < states.size(); i++) {
            Map<String, TlaValue> want = states.get(i).vars();
            World next = null;
            for (World x : sys.successors(w)) if (matches(Abstraction.vars(x), want, initial)) { next = x; break; }
            if (next == null) {
                return new Result(false, false, "Java has no step to trace state " + (i + 1) + " (" + Abstraction.stepOf(want) + ")", worlds);
            }
            w = next;
            worlds.add(w);
        }
        String id = property.id();
        World last = worlds.get(worlds.size() - 1);
        boolean reproduced;
        var invariants = JavaInvariants.of(sys.supervisor());
        if (invariants.containsKey(id)) {
            reproduced = !invariants.get(id).test(last);
        } else if (JavaProperties.ACTIONS.containsKey(id)) {
            reproduced = worlds.size() > 1 && !JavaProperties.ACTIONS.get(id).test(worlds.get(worlds.size() - 2), last);
        } else if (JavaProperties.TEMPORAL_BAD.containsKey(id)) {
            int from = trace.loopsTo() > 0 ? trace.loopsTo() - 1 : worlds.size() - 1;
            reproduced = worlds.subList(from, worlds.size()).stream().allMatch(JavaProperties.TEMPORAL_BAD.get(id));
        } else {
            return new Result(true, false, "no Java check for " + id, worlds);
        }
        return new Result(true, reproduced, reproduced ? "Java reproduces the violation of " + id
                : "Java replays the trace but does not see " + id + " violated", worlds);
    }
}
