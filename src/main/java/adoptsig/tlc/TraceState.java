package adoptsig.tlc;

import java.util.Map;

/**
 * One state of a TLC counterexample: its position (1-based), the action label TLC printed
 * ("Initial predicate", or "Spawn line 65, col 5 ... of module Adoption"), and the values of
 * the variables.
 */
public record TraceState(int index, String label, Map<String, TlaValue> vars) {
    public TlaValue var(String name) {
        TlaValue v = vars.get(name);
        if (v == null) throw new IllegalArgumentException("trace state " + index + " has no variable " + name);
        return v;
    }
}
