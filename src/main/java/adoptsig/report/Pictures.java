package adoptsig.report;

import adoptsig.tlc.Trace;

import java.util.ArrayList;
import java.util.List;

/** The pictures the commands draw: a counterexample of a model, and a conflict of the indistinguishability check. */
public final class Pictures {
    private Pictures() {}

    /** The timeline of a TLC counterexample; the property is marked at its last step. */
    public static String counterexample(String model, String property, Trace trace) {
        return Timeline.svg(Frame.of(trace), model + ": " + property + " (" + trace.steps() + " steps)", property);
    }

    /** A fidelity script as the model saw it (steps: the script's operations), with the disagreement marked at the last step. */
    public static String script(String title, List<adoptsig.kernel.KernelState> states, List<String> steps, String mark) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) frames.add(Frame.of(states.get(i), i == 0 ? "start" : steps.get(i - 1), ""));
        return Timeline.svg(frames, title, mark);
    }

    /** Two behaviours init cannot tell apart, one above the other, with what init sees between them. */
    public static String pair(String title, List<Frame> left, List<Frame> right, List<String> initSees, String conflict) {
        return Timeline.pair(left, right, initSees, title, conflict);
    }
}
