package adoptsig.tlc;

import java.util.List;

/**
 * A counterexample: the states, and for a liveness violation how the behaviour goes on
 * forever: {@code loopsTo} > 0 means "back to state loopsTo", {@code stutters} means the
 * last state repeats forever. The raw text is kept so it can be saved verbatim.
 */
public record Trace(List<TraceState> states, int loopsTo, boolean stutters, String raw) {
    public Trace { states = List.copyOf(states); }

    /** Number of steps (states minus the initial one). */
    public int steps() { return Math.max(0, states.size() - 1); }
}
