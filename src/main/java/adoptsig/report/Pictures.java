package adoptsig.report;

import adoptsig.product.ConflictStory;
import adoptsig.product.Game;
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

    /** The two behaviours of a conflict, one above the other, with init's observations between them. */
    public static String conflict(String check, Game.Result result, String conflict) {
        List<Game.Step> path = result.shortest();
        List<String> el = ConflictStory.events(path, true), er = ConflictStory.events(path, false);
        List<Frame> left = new ArrayList<>(), right = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            left.add(Frame.of(path.get(i).state().l().kernel(), el.get(i), ""));
            right.add(Frame.of(path.get(i).state().r().kernel(), er.get(i), ""));
        }
        return Timeline.pair(left, right, ConflictStory.initSees(path),
                check + ", " + result.verdict() + " (" + (path.size() - 1) + " steps)", conflict);
    }
}
