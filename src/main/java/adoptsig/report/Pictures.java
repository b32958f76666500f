package adoptsig.report;

import adoptsig.game.Arena;
import adoptsig.game.PairGame;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.system.World;
import adoptsig.tlc.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The pictures the commands draw: a counterexample of a model, a fidelity script, and a conflict of the pairwise game. */
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
    public static String script(String title, List<KernelState> states, List<String> steps, String mark) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) frames.add(Frame.of(states.get(i), i == 0 ? "start" : steps.get(i - 1), ""));
        return Timeline.svg(frames, title, mark);
    }

    /** Two behaviours init cannot tell apart, one above the other, with what init sees between them. */
    public static String pair(String title, List<Frame> left, List<Frame> right, List<String> initSees, String conflict) {
        return Timeline.pair(left, right, initSees, title, conflict);
    }

    /**
     * The pairwise game's first conflict (the shortest play to it): the two copies L and R, step
     * by step, a step of the environment in one copy or a call of init in both with the result
     * it returned (the same in both, or the copies would be told apart); what init knows (which
     * services it started) and, per service, the PIDs init could attribute to it in both. Null when
     * the game found no conflict.
     */
    public static String conflict(String title, Arena a, PairGame g, PairGame.Result r) {
        int[] path = r.shortest();
        if (path.length == 0) return null;
        int l = g.left(path[0]), rr = g.right(path[0]);
        List<Frame> left = new ArrayList<>(), right = new ArrayList<>();
        List<String> sees = new ArrayList<>();
        left.add(frame(a.state(l), "start"));
        right.add(frame(a.state(rr), "start"));
        sees.add("-");
        for (int k = 1; k < path.length; k++) {
            int x = g.left(path[k]), y = g.right(path[k]);
            Move m = move(a, l, rr, x, y);
            if (m == null) m = move(a, l, rr, y, x);
            if (m == null) m = new Move(x, y, "init waits for its probe child", "init waits for its probe child", "waitpid of its probe child");
            left.add(frame(a.state(m.l()), m.leftStep()));
            right.add(frame(a.state(m.r()), m.rightStep()));
            sees.add(m.sees());
            l = m.l();
            rr = m.r();
        }
        return Timeline.pair(left, right, sees, title, r.why() + why(left.get(left.size() - 1), right.get(right.size() - 1)));
    }

    /** Where a service runs in one copy and none of the PIDs init could name as its own is its running process there: said in a sentence. */
    static String why(Frame l, Frame r) {
        for (String svc : services(l, r)) {
            java.util.Set<Integer> sound = Timeline.soundFor(l, r, svc);
            for (Frame[] side : new Frame[][] {{l, r}, {r, l}}) {
                java.util.Set<Integer> runs = Timeline.running(side[0], svc);
                if (runs.isEmpty() || runs.stream().anyMatch(sound::contains)) continue;
                String here = side[0] == l ? "L" : "R", there = side[0] == l ? "R" : "L";
                List<String> whose = new ArrayList<>();
                for (int p : runs) {
                    Frame.P o = side[1].proc(p);
                    if (o != null && !o.service().equals(svc)) whose.add(p + " is " + o.service() + "'s in " + there);
                }
                return ". In " + here + ", " + svc + " runs only as " + Timeline.pids(runs) + (whose.isEmpty() ? "" : ", and " + String.join(", ", whose))
                        + ": init cannot name " + svc + "'s process without naming another's";
            }
        }
        return "";
    }

    private static java.util.Set<String> services(Frame l, Frame r) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Frame f : List.of(l, r)) for (Frame.P p : f.procs()) if (!p.service().equals("init") && !p.service().equals(Proc.NO_SVC)) out.add(p.service());
        return out;
    }

    private record Move(int l, int r, String leftStep, String rightStep, String sees) {}

    /** The move from (l, r) to (l2, r2): a step of the environment in one copy, or a call of init with the same result in both; null if none. */
    private static Move move(Arena a, int l, int r, int l2, int r2) {
        if (r2 == r && has(a.envSuccessors(l), l2)) return new Move(l2, r, change(a.state(l).kernel(), a.state(l2).kernel()), "-", "nothing");
        if (l2 == l && has(a.envSuccessors(r), r2)) return new Move(l, r2, "-", change(a.state(r).kernel(), a.state(r2).kernel()), "nothing");
        for (Arena.Action act : a.actions()) {
            if (a.after(l, act) == l2 && a.after(r, act) == r2 && a.seen(l, act) == a.seen(r, act)) {
                String s = act.name() + ": " + a.tell(act, a.seen(l, act));
                return new Move(l2, r2, "init " + s, "init " + s, s);
            }
        }
        return null;
    }

    private static boolean has(int[] xs, int x) {
        for (int v : xs) if (v == x) return true;
        return false;
    }

    /** A state of the game as a frame: its processes, init's pending signals, and the services init has started. */
    static Frame frame(World w, String step) {
        List<String> started = new ArrayList<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(w.status()).entrySet()) started.add(e.getKey() + (e.getValue().equals("never") ? " not started" : " started"));
        return Frame.of(w.kernel(), step, String.join("; ", started));
    }

    /**
     * What a step of the environment changed between two kernel states, in the step vocabulary's
     * words: forks, exits, reaps, adoptions, setsid (a new child of init is a stranger's: init's
     * own forks are its calls, told by the call).
     */
    static String change(KernelState before, KernelState after) {
        List<String> out = new ArrayList<>();
        for (int p = 2; p <= before.maxPid(); p++) {
            Proc b = before.proc(p), x = after.proc(p);
            if (!b.inUse() && x.inUse()) out.add(x.parent() == 1 ? "stranger " + x.svc() + "'s first process " + p + " appears" : x.parent() + " forks " + p);
            else if (b.inUse() && !x.inUse()) out.add(p + " reaped");
            else if (b.inUse()) {
                if (b.running() && !x.running()) out.add(p + " exits");
                if (b.parent() != x.parent()) out.add(p + " adopted by " + (x.parent() == 1 ? "init" : Integer.toString(x.parent())));
                if (b.sid() != x.sid()) out.add(p + ": setsid");
            }
        }
        return out.isEmpty() ? "a step of a program" : String.join("; ", out);
    }
}
