package adoptsig.product;

import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.system.World;
import adoptsig.conform.LongIntMap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decides an indistinguishability check as a game on the explicit graph of
 * {@link Product}: the environment (the daemons, strangers, other processes and the
 * scheduler) against init. At each state the environment takes a step of its own in either
 * copy, or lets init run; init then takes one of its steps in both copies (the same
 * observation in both), or a step that tells the copies apart (then this pair of behaviours is
 * no longer confusing: init has escaped), or, when it has nothing left to read, does nothing.
 * The environment wins by reaching a conflict (a state that violates NoConflictInv).
 *
 * <p>The states from which the environment can force a conflict whatever init does are its
 * attractor; if the initial state is in it, no supervisor on the interface is correct at these
 * bounds (init in this game knows both copies whole, more than any real supervisor, so a
 * conflict it cannot escape, none can). If a conflict is reachable but the initial state is
 * outside the attractor, some strategies run into it and some escape; the report names the step
 * where the shortest conflict leaves the escapable region, and an escaping alternative.
 */
public final class Game {
    /** What the game found. */
    public record Result(long states, long edges, long conflicts, boolean forced, List<Step> shortest, String escape,
                         int rounds, double seconds) {
        /** The verdict: "no conflict", "escapable conflict" or "forced conflict". */
        public String verdict() { return conflicts == 0 ? "no conflict" : forced ? "forced conflict" : "escapable conflict"; }
    }

    /** One step of the shortest conflict: the move, and the state after it. */
    public record Step(Product.Move move, Pair state) {}

    private final Product product;

    // the explicit graph: state i's init moves and environment moves (state numbers), by offsets
    private int[] initOff = new int[1 << 16], envOff = new int[1 << 16];
    private int[] initTo = new int[1 << 18], envTo = new int[1 << 18];
    private int nInit, nEnv;
    private int[] parent = new int[1 << 16];
    private boolean[] conflict = new boolean[1 << 16], escape = new boolean[1 << 16], pending = new boolean[1 << 16];

    public Game(Product product) { this.product = product; }

    /**
     * The fingerprint of a state up to what cannot change the game (spec: View): the ghosts
     * lastAction, everUsed and danced are left out (no step, observation or conflict depends on
     * them), and the two copies are unordered (swapping L and R maps the game onto itself).
     */
    public static long fingerprint(Pair x) {
        long l = copy(x.l(), x.lchan()), r = copy(x.r(), x.rchan());
        return mix(mix(mix(0x6A09E667F3BCC908L, Math.min(l, r)), Math.max(l, r)), x.started());
    }

    private static long copy(World w, List<Msg> chan) {
        KernelState k = w.kernel();
        long h = 0x243F6A8885A308D3L;
        for (Proc p : k.procs()) {
            h = mix(h, p.state().ordinal() | (long) p.parent() << 8 | (long) p.pgid() << 16 | (long) p.sid() << 24
                    | (p.adoptSig() ? 1L << 32 : 0) | (p.subreaper() ? 1L << 33 : 0));
            h = mix(h, p.svc().hashCode());
        }
        h = mix(h, k.ttySession() | (long) k.lastPid() << 8 | (long) k.sigchld() << 16 | (long) k.adoptMode().hashCode() << 20);
        for (var m : k.kept()) h = mix(h, m.hashCode());
        for (String pc : w.pc()) h = mix(h, pc.hashCode());
        h = mix(h, new java.util.TreeSet<>(w.begun()).hashCode());
        for (Msg m : chan) h = mix(h, m.hashCode());
        return mix(h, chan.size());
    }

    private static long mix(long h, long v) {
        long z = h ^ (v + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The check has more states than it may explore. */
    public static final class TooLarge extends RuntimeException {
        public TooLarge(long states) { super(String.format("more than %,d states", states), null, false, false); }
    }

    /** Builds the graph breadth first (reporting progress every few seconds), then solves the game. */
    public Result solve(Consumer<String> progress) { return solve(progress, Long.MAX_VALUE); }

    /** As {@link #solve(Consumer)}, giving up (TooLarge) past maxStates states. */
    public Result solve(Consumer<String> progress, long maxStates) {
        long t0 = System.nanoTime(), last = t0;
        ids = new LongIntMap();
        ArrayDeque<Pair> queue = new ArrayDeque<>();
        Pair x0 = product.init();
        ids.putIfAbsent(fingerprint(x0), 0);
        queue.add(x0);
        parent[0] = -1;
        int n = 1, i = 0;
        long conflicts = 0;
        int firstConflict = -1;
        while (!queue.isEmpty()) {
            Pair x = queue.poll();
            grow(i + 2);
            conflict[i] = product.conflict(x) != null;
            if (conflict[i]) {
                conflicts++;
                if (firstConflict < 0) firstConflict = i;
            }
            escape[i] = product.distinguishing(x) != null;
            pending[i] = product.pending(x);
            List<Product.Move> moves = product.moves(x);
            initOff[i] = nInit;
            envOff[i] = nEnv;
            for (Product.Move m : moves) {
                int j = ids.putIfAbsent(fingerprint(m.next()), n);
                if (j == n) {
                    if (n >= maxStates) throw new TooLarge(maxStates);
                    grow(n + 1);
                    parent[n] = i;
                    queue.add(m.next());
                    n++;
                }
                if (m.byInit()) { initTo = ensure(initTo, nInit + 1); initTo[nInit++] = j; }
                else { envTo = ensure(envTo, nEnv + 1); envTo[nEnv++] = j; }
            }
            i++;
            long now = System.nanoTime();
            if (now - last > 5_000_000_000L) {
                last = now;
                progress.accept(String.format("  %,d states, %,d left on the queue, %,d conflicts so far, %.0f s", n, queue.size(), conflicts, (now - t0) / 1e9));
            }
        }
        initOff[n] = nInit;
        envOff[n] = nEnv;
        boolean[] attr = attractor(n);
        int[] rank = lastRank;
        List<Step> shortest = firstConflict < 0 ? List.of() : path(firstConflict);
        String escape = null;
        if (firstConflict >= 0 && !attr[0]) escape = escapeAdvice(shortest, ids, attr);
        return new Result(n, (long) nInit + nEnv, conflicts, attr[0], shortest, escape, attr[0] ? rank[0] : -1,
                (System.nanoTime() - t0) / 1e9);
    }

    private int[] lastRank;

    /**
     * The environment's attractor of the conflicts, on positions E(i) = 2i (the environment
     * moves) and I(i) = 2i + 1 (init moves). E(i) is won when some successor is; I(i) when
     * every successor is (init's moves, its escape, its idling when nothing is pending).
     */
    private boolean[] attractor(int n) {
        // predecessors of E(j): E(i) by environment moves, I(i) by init moves and idling
        int[] predCount = new int[n + 1];
        for (int i = 0; i < n; i++) {
            for (int k = envOff[i]; k < envOff[i + 1]; k++) predCount[envTo[k]]++;
            for (int k = initOff[i]; k < initOff[i + 1]; k++) predCount[initTo[k]]++;
        }
        int[] predOff = new int[n + 1];
        for (int j = 0; j < n; j++) predOff[j + 1] = predOff[j] + predCount[j];
        int[] fill = Arrays.copyOf(predOff, n);
        int[] pred = new int[predOff[n]];
        for (int i = 0; i < n; i++) {
            for (int k = envOff[i]; k < envOff[i + 1]; k++) pred[fill[envTo[k]]++] = 2 * i;
            for (int k = initOff[i]; k < initOff[i + 1]; k++) pred[fill[initTo[k]]++] = 2 * i + 1;
        }
        boolean[] in = new boolean[2 * n];
        int[] rank = new int[2 * n];
        int[] left = new int[n];          // I(i): successors not yet known won
        for (int i = 0; i < n; i++) left[i] = (initOff[i + 1] - initOff[i]) + (escape[i] ? 1 : 0) + (pending[i] ? 0 : 1);
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (!conflict[i]) continue;
            in[2 * i] = in[2 * i + 1] = true;
            todo.add(2 * i);
            todo.add(2 * i + 1);
        }
        while (!todo.isEmpty()) {
            int pos = todo.poll();
            int i = pos / 2;
            if (pos % 2 == 1) {                        // I(i) won: so is E(i), which may pass to it
                if (!in[2 * i]) { in[2 * i] = true; rank[2 * i] = rank[pos]; todo.add(2 * i); }
                continue;
            }
            // E(i) won: E-predecessors by environment moves, I-predecessors by init moves, and I(i) by idling
            if (!pending[i]) wonByInitMove(i, pos, in, rank, left, todo);
            for (int k = predOff[i]; k < predOff[i + 1]; k++) {
                int q = pred[k];
                if (q % 2 == 0) {
                    if (!in[q]) { in[q] = true; rank[q] = rank[pos] + 1; todo.add(q); }
                } else {
                    wonByInitMove(q / 2, pos, in, rank, left, todo);
                }
            }
        }
        lastRank = rank;
        boolean[] e = new boolean[n];
        for (int i = 0; i < n; i++) e[i] = in[2 * i];
        return e;
    }

    private static void wonByInitMove(int i, int pos, boolean[] in, int[] rank, int[] left, ArrayDeque<Integer> todo) {
        int q = 2 * i + 1;
        if (in[q]) return;
        if (--left[i] == 0) { in[q] = true; rank[q] = rank[pos] + 1; todo.add(q); }
    }

    /** The shortest path to state number target, found again from the initial state. */
    private List<Step> path(int target) {
        List<Integer> chain = new ArrayList<>();
        for (int i = target; i >= 0; i = parent[i]) chain.add(i);
        java.util.Collections.reverse(chain);
        List<Step> out = new ArrayList<>();
        Pair x = product.init();
        out.add(new Step(null, x));
        for (int k = 1; k < chain.size(); k++) {
            Product.Move found = null;
            for (Product.Move m : product.moves(x)) {
                if (idOf(m.next()) == chain.get(k)) { found = m; break; }
            }
            if (found == null) throw new IllegalStateException("the path to a conflict cannot be walked again");
            out.add(new Step(found, found.next()));
            x = found.next();
        }
        return out;
    }

    /** State numbers by fingerprint. */
    private LongIntMap ids;

    private int idOf(Pair x) { return ids.get(fingerprint(x)); }

    /** Along the shortest conflict, the init step that enters the environment's attractor, and an init step that stays out. */
    private String escapeAdvice(List<Step> shortest, LongIntMap ids, boolean[] attr) {
        for (int k = 1; k < shortest.size(); k++) {
            Step s = shortest.get(k);
            int before = ids.get(fingerprint(shortest.get(k - 1).state())), after = ids.get(fingerprint(s.state()));
            if (s.move().byInit() && !attr[before] && attr[after]) {
                List<String> alternatives = new ArrayList<>();
                for (Product.Move m : product.moves(shortest.get(k - 1).state())) {
                    if (m.byInit() && !attr[ids.get(fingerprint(m.next()))]) alternatives.add(m.name());
                }
                String d = product.distinguishing(shortest.get(k - 1).state());
                if (d != null) alternatives.add(d + " (which tells the behaviours apart)");
                if (!product.pending(shortest.get(k - 1).state())) alternatives.add("waiting");
                return "at step " + k + " init's " + s.move().name() + " lets the environment force a conflict; instead: "
                        + String.join(", or ", alternatives);
            }
        }
        return "the shortest conflict never enters the region where the environment can force one";
    }

    private void grow(int need) {
        if (need + 1 < parent.length) return;
        int len = Math.max(need + 2, parent.length * 2);
        parent = Arrays.copyOf(parent, len);
        initOff = Arrays.copyOf(initOff, len);
        envOff = Arrays.copyOf(envOff, len);
        conflict = Arrays.copyOf(conflict, len);
        escape = Arrays.copyOf(escape, len);
        pending = Arrays.copyOf(pending, len);
    }

    private static int[] ensure(int[] a, int need) { return need <= a.length ? a : Arrays.copyOf(a, Math.max(need, a.length * 2)); }
}
