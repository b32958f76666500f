package adoptsig.report;

import adoptsig.tlc.Trace;

import java.util.ArrayList;
import java.util.List;

/** The pictures the commands draw: a counterexample of a model, and a conflict of the indistinguishability check. */
public final class Pictures {
    private Pictures() {}

    /**
     * The timeline of a TLC counterexample; the property is marked at its last step, and the loop
     * of a temporal counterexample ("Back to state N", or stuttering) is drawn as an arrow back.
     */
    public static String counterexample(String model, String property, Trace trace) {
        return Timeline.svg(Frame.of(trace), model + ": " + property + " (" + trace.steps() + " steps)", property, loop(trace));
    }

    /** How a trace goes on for ever, in the pictures' step numbers (TLC numbers states from 1); null when it does not. */
    static Timeline.Loop loop(Trace trace) {
        if (trace.loopsTo() > 0) return new Timeline.Loop(trace.loopsTo() - 1);
        if (trace.stutters()) return new Timeline.Loop(trace.steps());
        return null;
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
