package adoptsig.conform;

import adoptsig.catalog.Property;
import adoptsig.supervisor.World;
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
 */
public final class Replay {
    public record Result(boolean replayed, boolean violationReproduced, String explanation, List<World> worlds) {}

    private Replay() {}

    public static Result replay(JavaSystem sys, Trace trace, Property property) {
        List<World> worlds = new ArrayList<>();
        World w = sys.init();
        List<TraceState> states = trace.states();
        if (!Abstraction.of(w).equals(states.get(0).vars())) {
            return new Result(false, false, "the trace's initial state is not Java's", worlds);
        }
        worlds.add(w);
        for (int i = 1; i < states.size(); i++) {
            Map<String, TlaValue> want = states.get(i).vars();
            World next = null;
            for (World x : sys.successors(w)) if (Abstraction.of(x).equals(want)) { next = x; break; }
            if (next == null) {
                return new Result(false, false, "Java has no step to trace state " + (i + 1) + " (" + Abstraction.stepOf(want) + ")", worlds);
            }
            w = next;
            worlds.add(w);
        }
        String id = property.id();
        World last = worlds.get(worlds.size() - 1);
        boolean reproduced;
        var invariants = JavaInvariants.of(sys.bounds().supervisor());
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
