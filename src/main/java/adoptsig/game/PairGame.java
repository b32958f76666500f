package adoptsig.game;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The pairwise check of every supervisor at once: two copies L and R of the system
 * ({@link Arena}) that init cannot tell apart, played as a game in which init knows both copies
 * whole (more than any real supervisor), so that a conflict it cannot escape is one no
 * supervisor escapes: "forced" is a proof of impossibility. The environment takes a step in
 * either copy, or lets init run; init makes one call in both copies, and if the two results
 * differ it has told the copies apart (escaped). Init may wait, except while a notification is
 * pending in a settled copy (NotificationsReadProp: staying there is a fair behaviour) or a
 * service is not started (the eager regime; in the settled regime only once both copies are
 * settled). A call that leaves both copies as they were is a wait too (but for a spawn that
 * fails, an attempt to start a service); where init may not wait and has no other call, it
 * can only put off what it owes for ever, and loses.
 *
 * <p>A conflict is a pair no answers suit: a started service for which the largest PID set
 * sound in both copies (SoundAttributionInv) names none of its running processes in a copy
 * where init has every notification and the service runs (TracksLiveProcessInv); or a pair
 * that stays indistinguishable for ever, whatever init calls, once both copies have come to
 * rest, with a service dead in a copy that is settled (a fair behaviour) and running in the
 * other (StoppedDetectedProp against RunningReportedInv).
 *
 * <p>The verdict: "forced" when the environment's attractor of the conflicts contains the
 * initial pair, "escapable" when a conflict is reachable but init can keep out of the
 * attractor, "no conflict" otherwise. A pair of behaviours cannot show a conflict that needs
 * three states, and init here knows more than a real one: "escapable" and "no conflict" prove
 * nothing about real supervisors; the belief game decides those cells.
 */
public final class PairGame {
    /** What the game found. */
    public record Result(long pairs, long conflicts, boolean forced, int[] shortest, String why, double seconds) {
        public String verdict() { return conflicts == 0 ? "no conflict" : forced ? "forced conflict" : "escapable conflict"; }
    }

    /** Mutants of the game, each of which must flip a recorded verdict (a checker shown to fail). */
    public enum Mutant { NONE, NO_ESCAPE, NO_WAITING, WEAK_CONFLICT }

    private final Arena a;
    private final int ns;
    private final boolean eager;
    private final Mutant mutant;

    // pairs: l <= r
    private final Map<Long, Integer> ids = new HashMap<>();
    private int[] pl = new int[1 << 14], pr = new int[1 << 14];
    private int n;
    private int[][] envSucc, initSucc;
    private boolean[] escape, mayWait, conflict;
    private int[] parent;

    public PairGame(Arena arena) { this(arena, Mutant.NONE); }

    public PairGame(Arena arena, Mutant mutant) {
        this.a = arena;
        this.ns = arena.setting.services().size();
        this.eager = arena.setting.regime().equals("eager");
        this.mutant = mutant;
    }

    private int pair(int l, int r, ArrayDeque<Integer> queue, int from) {
        if (l > r) { int t = l; l = r; r = t; }
        long key = ((long) l << 32) | r;
        Integer id = ids.get(key);
        if (id != null) return id;
        if (n == pl.length) {
            pl = Arrays.copyOf(pl, n * 2); pr = Arrays.copyOf(pr, n * 2);
            parent = Arrays.copyOf(parent, n * 2);
        }
        pl[n] = l; pr[n] = r;
        parent[n] = from;
        ids.put(key, n);
        queue.add(n);
        return n++;
    }

    /** A pair no answers suit (the safety part of the conflict). */
    boolean unsuitable(int x, int y) {
        for (int s = 0; s < ns; s++) {
            long sound = (~a.inUse[x] | a.svcInUse[s][x]) & (~a.inUse[y] | a.svcInUse[s][y]);
            if (mutant == Mutant.WEAK_CONFLICT) {                 // the old surrogate: one PID running s in both
                if (a.drained[x] && a.drained[y] && a.svcRunning[s][x] != 0 && a.svcRunning[s][y] != 0
                        && (a.svcRunning[s][x] & a.svcRunning[s][y]) == 0) return true;
                continue;
            }
            if (a.drained[x] && a.svcRunning[s][x] != 0 && (sound & a.svcRunning[s][x]) == 0) return true;
            if (a.drained[y] && a.svcRunning[s][y] != 0 && (sound & a.svcRunning[s][y]) == 0) return true;
        }
        return false;
    }

    private boolean pending(int x) { return !a.drained[x]; }

    /** Frozen continuation of a copy under action act: the state after the call (a probe: its child exited and reaped). */
    private int frozen(int x, Arena.Action act) {
        if (act.call() == Call.PROBE) return a.obs(x, act.id()) > 0 ? a.probeDone(x, act.id()) : x;
        return a.next(x, act.id());
    }

    /**
     * Pairs of states that stay indistinguishable for ever when neither copy moves again on its
     * own, whatever init calls, with the first copy settled throughout (a fair behaviour): the
     * greatest fixed point, over the pairs the check reaches.
     */
    private Map<Long, Boolean> frozenTwins = new HashMap<>();

    private boolean twins(int x, int y) {
        long key = ((long) x << 32) | y;
        Boolean known = frozenTwins.get(key);
        if (known != null) return known;
        // explore the frozen pair graph from (x, y) and compute its greatest fixed point
        Map<Long, Integer> local = new HashMap<>();
        List<int[]> nodes = new ArrayList<>();
        List<int[]> succ = new ArrayList<>();
        ArrayDeque<Integer> q = new ArrayDeque<>();
        local.put(key, 0);
        nodes.add(new int[] {x, y});
        q.add(0);
        List<Boolean> bad = new ArrayList<>();
        while (!q.isEmpty()) {
            int i = q.poll();
            int u = nodes.get(i)[0], v = nodes.get(i)[1];
            boolean b = !a.settled[u];
            List<Integer> ss = new ArrayList<>();
            if (!b) {
                for (Arena.Action act : a.actions) {
                    if (a.next(u, act.id()) == -3) continue;
                    if (a.obs(u, act.id()) != a.obs(v, act.id())) { b = true; break; }
                    int u2 = frozen(u, act), v2 = frozen(v, act);
                    long k2 = ((long) u2 << 32) | v2;
                    Integer j = local.get(k2);
                    if (j == null) { j = nodes.size(); local.put(k2, j); nodes.add(new int[] {u2, v2}); q.add(j); }
                    ss.add(j);
                }
            }
            while (bad.size() <= i) { bad.add(false); succ.add(null); }
            bad.set(i, b);
            succ.set(i, ss.stream().mapToInt(Integer::intValue).toArray());
        }
        boolean[] out = new boolean[nodes.size()];
        for (int i = 0; i < out.length; i++) out[i] = bad.get(i);
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int i = 0; i < out.length; i++) {
                if (out[i]) continue;
                for (int j : succ.get(i)) if (out[j]) { out[i] = true; changed = true; break; }
            }
        }
        for (var e : local.entrySet()) frozenTwins.put(e.getKey(), !out[e.getValue()]);
        return !out[0];
    }

    /** The liveness part of the conflict: a dead service in one settled copy, running in the other, for ever indistinguishable. */
    boolean staysConfused(int x, int y) {
        if (mutant == Mutant.WEAK_CONFLICT) return false;
        for (int[] o : new int[][] {{x, y}, {y, x}}) {
            int u = o[0], v = o[1];
            if (!a.settled[u]) continue;
            boolean differs = false;
            for (int s = 0; s < ns; s++) {
                if ((a.started[u] & (1 << s)) != 0 && a.svcRunning[s][u] == 0 && a.svcRunning[s][v] != 0) differs = true;
            }
            if (differs && twins(u, v)) return true;
        }
        return false;
    }

    /** Builds the pair graph from the initial pair and solves the game. */
    public Result solve(Consumer<String> progress, long maxPairs) {
        long t0 = System.nanoTime();
        parent = new int[pl.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        pair(0, 0, queue, -1);
        List<int[]> envL = new ArrayList<>(), initL = new ArrayList<>();
        List<Boolean> escL = new ArrayList<>(), waitL = new ArrayList<>(), confL = new ArrayList<>();
        long conflicts = 0;
        int first = -1;
        String why = null;
        while (!queue.isEmpty()) {
            int i = queue.poll();
            int l = pl[i], r = pr[i], w = a.waitingFor[l];
            boolean c = unsuitable(l, r) || staysConfused(l, r);
            if (c) { conflicts++; if (first < 0) { first = i; why = describe(l, r); } }
            List<Integer> env = new ArrayList<>();
            for (int j = a.envAt[l]; j < a.envAt[l + 1]; j++) env.add(pair(a.envTo[j], r, queue, i));
            for (int j = a.envAt[r]; j < a.envAt[r + 1]; j++) env.add(pair(l, a.envTo[j], queue, i));
            List<Integer> init = new ArrayList<>();
            boolean esc = false;
            boolean unstarted = Integer.bitCount(a.started[l]) < ns;
            boolean mustRead = (pending(l) && a.settled[l]) || (pending(r) && a.settled[r]);
            boolean mustStart = unstarted && (eager || (a.settled[l] && a.settled[r]));
            boolean mayW = w != 0 || !(mustRead || mustStart);
            if (mutant == Mutant.NO_WAITING && w == 0) mayW = false;
            if (w != 0) {                                            // waiting for the probe child w
                int l2 = a.reapProbe(l, w), r2 = a.reapProbe(r, w);
                if (l2 >= 0 && r2 >= 0) init.add(pair(l2, r2, queue, i));
            } else {
                for (Arena.Action act : a.actions) {
                    int nl = a.next(l, act.id()), nr = a.next(r, act.id());
                    if (nl == -3) continue;
                    long ol = a.obs(l, act.id()), or = a.obs(r, act.id());
                    if (ol != or) { esc = true; continue; }
                    int j = pair(nl, nr, queue, i);
                    boolean attempt = act.call() == Call.SPAWN && !mustRead;
                    if (j == i && !mayW && !attempt) continue;       // changes neither copy: a wait
                    init.add(j);
                }
            }
            if (mutant == Mutant.NO_ESCAPE) esc = false;
            while (envL.size() <= i) { envL.add(null); initL.add(null); escL.add(false); waitL.add(false); confL.add(false); }
            envL.set(i, env.stream().mapToInt(Integer::intValue).toArray());
            initL.set(i, init.stream().mapToInt(Integer::intValue).toArray());
            escL.set(i, esc); waitL.set(i, mayW); confL.set(i, c);
            if (n > maxPairs) throw new BeliefGame.TooLarge("pairs", maxPairs);
        }
        envSucc = envL.toArray(int[][]::new);
        initSucc = initL.toArray(int[][]::new);
        escape = new boolean[n]; mayWait = new boolean[n]; conflict = new boolean[n];
        for (int i = 0; i < n; i++) { escape[i] = escL.get(i); mayWait[i] = waitL.get(i); conflict[i] = confL.get(i); }
        boolean forced = attractor()[0];
        int[] path = first < 0 ? new int[0] : path(first);
        return new Result(n, conflicts, forced, path, why, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The environment's attractor of the conflicts on positions E(i) (the environment moves, or
     * lets init run) and I(i) (init calls, escapes, or waits when it may): E(i) is won when a
     * successor is, I(i) when every option is (and when it has none). Counted (each position
     * decided once).
     */
    boolean[] attractor() {
        int[] predCount = new int[n + 1];
        for (int i = 0; i < n; i++) {
            for (int j : envSucc[i]) predCount[j]++;
            for (int j : initSucc[i]) predCount[j]++;
        }
        int[] off = new int[n + 1];
        for (int j = 0; j < n; j++) off[j + 1] = off[j] + predCount[j];
        int[] fill = Arrays.copyOf(off, n);
        int[] pred = new int[off[n]];
        for (int i = 0; i < n; i++) {
            for (int j : envSucc[i]) pred[fill[j]++] = 2 * i;
            for (int j : initSucc[i]) pred[fill[j]++] = 2 * i + 1;
        }
        boolean[] in = new boolean[2 * n];
        int[] left = new int[n];
        for (int i = 0; i < n; i++) left[i] = initSucc[i].length + (escape[i] ? 1 : 0) + (mayWait[i] ? 1 : 0);
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        for (int i = 0; i < n; i++) if (conflict[i]) { in[2 * i] = in[2 * i + 1] = true; todo.add(2 * i); }
        for (int i = 0; i < n; i++) if (left[i] == 0 && !in[2 * i + 1]) { in[2 * i + 1] = true; todo.add(2 * i + 1); }
        while (!todo.isEmpty()) {
            int pos = todo.poll();
            int i = pos / 2;
            if (pos % 2 == 1) { if (!in[2 * i]) { in[2 * i] = true; todo.add(2 * i); } continue; }
            if (mayWait[i]) dec(i, in, left, todo);
            for (int k = off[i]; k < off[i + 1]; k++) {
                int q = pred[k];
                if (q % 2 == 0) { if (!in[q]) { in[q] = true; todo.add(q); } }
                else dec(q / 2, in, left, todo);
            }
        }
        boolean[] e = new boolean[n];
        for (int i = 0; i < n; i++) e[i] = in[2 * i];
        return e;
    }

    private static void dec(int i, boolean[] in, int[] left, ArrayDeque<Integer> todo) {
        int q = 2 * i + 1;
        if (in[q]) return;
        if (--left[i] == 0) { in[q] = true; todo.add(q); }
    }

    /**
     * The same attractor as a plain fixed point, recomputed from scratch each round (an
     * independent second decision): E(i) won if conflict or a successor won or I(i) won; I(i)
     * won if conflict, or no escape, every init successor won and (if it may wait) E(i) won.
     */
    boolean[] attractorByRounds() {
        boolean[] e = new boolean[n], in = new boolean[n];
        for (int i = 0; i < n; i++) if (conflict[i]) { e[i] = true; in[i] = true; }
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int i = 0; i < n; i++) {
                if (!in[i] && !escape[i] && (!mayWait[i] || e[i])) {
                    boolean all = true;
                    for (int j : initSucc[i]) if (!e[j]) { all = false; break; }
                    if (all) { in[i] = true; changed = true; }
                }
                if (!e[i]) {
                    boolean w = in[i];
                    for (int j : envSucc[i]) if (e[j]) { w = true; break; }
                    if (w) { e[i] = true; changed = true; }
                }
            }
        }
        return e;
    }

    private int[] path(int target) {
        List<Integer> chain = new ArrayList<>();
        for (int i = target; i >= 0; i = parent[i]) chain.add(i);
        java.util.Collections.reverse(chain);
        return chain.stream().mapToInt(Integer::intValue).toArray();
    }

    private String describe(int x, int y) {
        if (unsuitable(x, y)) return "no answers suit both copies: a service runs where init has every notification, and no PID sound in both names it";
        return "a service is dead in a settled copy and runs in the other, and no call ever tells them apart";
    }

    /** The initial pair's verdict by the plain fixed point (the second decision). */
    public boolean forcedByRounds() { return attractorByRounds()[0]; }

    public int size() { return n; }
    public int left(int i) { return pl[i]; }
    public int right(int i) { return pr[i]; }
    public boolean isConflict(int i) { return conflict[i]; }
}
