package adoptsig.game;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A winning strategy of the belief game, as a supervisor: a finite machine whose states are
 * the game's positions that the strategy reaches; in each it makes one call and answers, for
 * every service, the PIDs it attributes to it and whether it reports it running; each result
 * of the call leads to the next state. This is init: what it does depends only on what its
 * calls returned.
 */
public final class Strategy {
    /** One state of the machine: its call, its answers, and the next state per result. */
    /** started: the services init has started (bit by index); stopped: those it reports stopped. */
    public record Node(int id, String call, long[] believed, boolean[] stopped, int started, Map<Long, Integer> next, String told) {}

    private final List<Node> nodes;
    private final Arena arena;

    /** The call of a machine state that waits in waitpid for init's probe child c. */
    static String waitProbe(long c) { return "WaitProbe(" + c + ")"; }

    private Strategy(Arena arena, List<Node> nodes) {
        this.arena = arena;
        this.nodes = nodes;
    }

    public List<Node> nodes() { return nodes; }

    /** A machine given by its nodes (a strategy read back, or changed on purpose). */
    public static Strategy ofNodes(Arena arena, List<Node> nodes) { return new Strategy(arena, List.copyOf(nodes)); }
    public int size() { return nodes.size(); }

    /** The strategy that follows the Büchi ranks: toward an accepting position, and from one, anywhere winning. */
    static Strategy of(BeliefGame g, boolean[] win, int[] rank) {
        Arena a = g.arena();
        Map<Integer, Integer> index = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        index.put(0, 0);
        order.add(0);
        queue.add(0);
        List<int[]> choice = new ArrayList<>();
        while (!queue.isEmpty()) {
            int p = queue.poll();
            int[][] pm = g.positionMoves(p);
            int best = -1;
            for (int act = 0; act < pm.length && best < 0; act++) {
                int[] succ = pm[act];
                if (succ == null) continue;
                boolean ok = true;
                for (int q : succ) {
                    if (!win[q] || (rank[p] > 0 && rank[q] >= rank[p])) { ok = false; break; }
                }
                if (ok) best = act;
            }
            if (best < 0) throw new IllegalStateException("a winning position has no winning move");
            while (choice.size() <= index.get(p)) choice.add(null);
            choice.set(index.get(p), new int[] {p, best});
            for (int q : pm[best]) {
                if (index.containsKey(q)) continue;
                index.put(q, order.size());
                order.add(q);
                queue.add(q);
            }
        }
        List<Node> nodes = new ArrayList<>();
        List<Node> waits = new ArrayList<>();
        int ns = a.setting.services().size();
        int base = order.size();
        for (int i = 0; i < order.size(); i++) {
            int p = order.get(i);
            int act = choice.get(i)[1];
            int b = g.positionBelief(p);
            BeliefGame.Move m = g.movesOf(b)[act];
            Map<Long, Integer> next = new java.util.LinkedHashMap<>();
            int[] succ = g.positionMoves(p)[act];
            for (int r = 0; r < m.results().length; r++) {
                int to = index.get(succ[r]);
                if (m.mid() != null && m.mid()[r] >= 0) {             // a probe: a machine state of waiting for the child
                    int c = (int) m.results()[r];
                    boolean[] st2 = new boolean[ns];
                    for (int s = 0; s < ns; s++) st2[s] = g.midDead(m.mid()[r], s);
                    int wid = base + waits.size();
                    waits.add(new Node(wid, waitProbe(c), g.midAnswer(m.mid()[r]), st2, g.started(b), Map.of((long) c, to),
                            "waiting for probe child " + c));
                    to = wid;
                }
                next.put(m.results()[r], to);
            }
            boolean[] stopped = new boolean[ns];
            for (int s = 0; s < ns; s++) stopped[s] = g.dead(b, s);
            nodes.add(new Node(i, a.actions.get(act).name(), g.answer(b), stopped, g.started(b), next,
                    "position " + p + " belief " + b + " (" + g.belief(b).length + " states) owed " + g.owedOf(p).length + (g.accepting(p) ? " accepting" : "")));
        }
        nodes.addAll(waits);
        return new Strategy(a, nodes);
    }

    /** The call's result told. */
    public String result(Node n, long o) {
        for (Arena.Action x : arena.actions) if (x.name().equals(n.call())) return arena.tell(x, o);
        return Long.toString(o);
    }
}
