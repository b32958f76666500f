package adoptsig.game;


import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decides whether any supervisor on an interface is correct, exactly, as a game of imperfect
 * information: the environment (daemons, strangers, the scheduler) against an init whose
 * moves may depend only on what its calls returned. Solved by the knowledge construction
 * (Reif 1984; Chatterjee, Doyen, Henzinger and Raskin, LMCS 2007): a position is a belief,
 * the set of states of one copy of the system ({@link Arena}) consistent with everything init
 * has seen, closed under the environment's steps (init does not see them); init's move is a
 * call, and each result it can return leads to the belief of the states that return it.
 *
 * <p>What init must achieve is exactly the catalogue's properties of a supervisor, judged on
 * set-valued answers (the PIDs it attributes to each service, and running or stopped):
 * <ul>
 * <li>at every belief, answers that satisfy SoundAttributionInv, RunningReportedInv and
 *     TracksLiveProcessInv in every state of the belief (the largest sound PID set per service
 *     is the best answer; a service may be reported stopped only when no state of the belief
 *     runs it);
 * <li>StoppedDetectedProp and NotificationsReadProp on every fair behaviour. A fair behaviour
 *     comes to rest: the environment stops where no step a daemon's program makes it take is
 *     enabled (the state is settled), and from then on only init's calls change the state, so
 *     the rest of the behaviour is determined by init's moves: a thread. Init must bring every
 *     thread to a belief in which the dead service is dead in every state (then it may report
 *     it stopped) and to a state with nothing left to read. These universal reachability
 *     conditions over threads are made a Büchi condition on positions (belief, owed threads)
 *     by the breakpoint construction (Miyano and Hayashi 1984).
 * <li>the start regime: "eager": on every behaviour init keeps trying to start each service
 *     until it has (it may not wait for a daemon, which may never settle); "settled": on every
 *     fair behaviour (it may wait until the daemons have come to rest).
 * </ul>
 * A winning strategy is a supervisor: a function from what init has seen to its next call and
 * its answers. The initial position is won exactly when some supervisor on the interface is
 * correct at these bounds.
 */
public final class BeliefGame {
    /** What the game found. */
    public record Result(boolean possible, int states, int beliefs, int positions, int safeBeliefs, long edges, double seconds,
                         long peakBytes, Strategy strategy, LossStory loss) {
        public String verdict() { return possible ? "possible" : "impossible"; }
    }

    /**
     * Mutants of the game, each of which must flip a verdict (a checker shown to fail):
     * NO_LIVENESS accepts every position (StoppedDetectedProp and NotificationsReadProp
     * dropped); BLIND gives init one belief whatever a call but a probe returned; NO_WIDENING
     * ends the guided search after its first round (a loss called before every losing belief
     * has every call); NO_START drops the start regime (init need never start a service).
     */
    public enum Mutant { NONE, NO_LIVENESS, BLIND, NO_WIDENING, NO_START }

    private final Arena a;
    private final Setting setting;
    private final boolean eager;
    private final int ns;
    private final Mutant mutant;

    // beliefs: sorted state numbers
    private final List<int[]> beliefs = new ArrayList<>();
    private final ArrayIds beliefIds = new ArrayIds(beliefs::get);
    /** Per belief and action: the results and their successor beliefs (and for a probe, the belief while init waits). */
    private final List<Packed> moves = new ArrayList<>();
    private final List<Boolean> good = new ArrayList<>();

    /**
     * One action's outcome at a belief: per result, the successor belief, and for a probe the
     * belief while init waits for its child (an index of {@link #midBeliefs}; init makes no call
     * there, so it is no position of the game, but its answers must hold).
     */
    record Move(long[] results, int[] next, int[] mid) {}

    /**
     * A belief's moves as it keeps them: per action the index of its first result and their
     * number (-1: no move), and per result the observation, the successor belief and, once the
     * belief has a probe's move, the mid belief (-1: none). Five arrays a belief instead of an
     * object and two or three arrays per move.
     */
    private static final class Packed {
        final int[] first, count;
        long[] res = new long[0];
        int[] nxt = new int[0], mid;

        Packed(int na) {
            first = new int[na];
            count = new int[na];
            Arrays.fill(first, -1);
        }

        void put(int act, long[] r, int[] n, int[] m) {
            int at = res.length, k = r.length;
            res = Arrays.copyOf(res, at + k);
            nxt = Arrays.copyOf(nxt, at + k);
            System.arraycopy(r, 0, res, at, k);
            System.arraycopy(n, 0, nxt, at, k);
            if (m != null || mid != null) {
                int[] old = mid;
                mid = new int[at + k];
                Arrays.fill(mid, -1);
                if (old != null) System.arraycopy(old, 0, mid, 0, at);
                if (m != null) System.arraycopy(m, 0, mid, at, k);
            }
            first[act] = at;
            count[act] = k;
        }

        boolean has(int act) { return first[act] >= 0; }

        int mid(int i) { return mid == null ? -1 : mid[i]; }

        Move move(int act, boolean probe) {
            if (first[act] < 0) return null;
            int f = first[act], t = f + count[act];
            return new Move(Arrays.copyOfRange(res, f, t), Arrays.copyOfRange(nxt, f, t), probe ? Arrays.copyOfRange(mid, f, t) : null);
        }
    }

    private final List<int[]> midBeliefs = new ArrayList<>();
    private final List<Boolean> midGood = new ArrayList<>();

    public BeliefGame(Arena arena) { this(arena, Mutant.NONE); }

    public BeliefGame(Arena arena, Mutant mutant) {
        this.a = arena;
        this.setting = arena.setting;
        this.eager = setting.regime().equals("eager");
        this.ns = setting.services().size();
        this.mutant = mutant;
    }

    // ------------------------------------------------------------------ beliefs

    private int[] stamp;
    private int stampNo;

    /** The states reachable from seeds by environment steps, sorted. */
    int[] closure(int[] seeds, int n) {
        if (stamp == null) stamp = new int[a.size()];
        stampNo++;
        int[] out = new int[Math.max(16, n * 2)];
        int size = 0;
        for (int k = 0; k < n; k++) {
            int s = seeds[k];
            if (stamp[s] == stampNo) continue;
            stamp[s] = stampNo;
            if (size == out.length) out = Arrays.copyOf(out, size * 2);
            out[size++] = s;
        }
        for (int i = 0; i < size; i++) {
            for (int t : a.env[out[i]]) {
                if (stamp[t] == stampNo) continue;
                stamp[t] = stampNo;
                if (size == out.length) out = Arrays.copyOf(out, size * 2);
                out[size++] = t;
            }
        }
        int[] r = Arrays.copyOf(out, size);
        Arrays.sort(r);
        return r;
    }

    private int intern(int[] b, ArrayDeque<Integer> queue) {
        int i = beliefs.size();
        int id = beliefIds.putIfAbsent(b, i);     // the table reads beliefs only for ids below i
        if (id != i) return id;
        beliefs.add(b);
        moves.add(null);
        good.add(null);
        queue.add(i);
        return i;
    }

    /** The services started at belief b (every state of a belief agrees: init knows what it started). */
    int started(int b) { return a.started[beliefs.get(b)[0]]; }

    /**
     * Whether some answers satisfy the safety properties in every state of the belief: for each
     * started service, the largest set of PIDs that names no process of another service in any
     * state (SoundAttributionInv) must name one of its running processes in every state where
     * init has every notification and the service runs (TracksLiveProcessInv);
     * RunningReportedInv is met by reporting running while any state runs the service.
     */
    boolean good(int[] b) {
        for (int s = 0; s < ns; s++) {
            long sound = -1L;
            for (int x : b) sound &= ~a.inUse[x] | a.svcInUse[s][x];
            for (int x : b) if (a.drained[x] && a.svcRunning[s][x] != 0 && (sound & a.svcRunning[s][x]) == 0) return false;
        }
        return true;
    }

    /** The largest sound PID set per service at belief b (bit p = PID p), the best answer. */
    public long[] answer(int b) { return answerOf(beliefs.get(b)); }

    /** The answer while init waits for a probe child (mid belief m). */
    long[] midAnswer(int m) { return answerOf(midBeliefs.get(m)); }

    /** Whether service s is dead in every state of mid belief m. */
    boolean midDead(int m, int s) { return deadIn(midBeliefs.get(m), s); }

    private boolean deadIn(int[] bb, int s) {
        if ((a.started[bb[0]] & (1 << s)) == 0) return false;
        for (int x : bb) if (a.svcRunning[s][x] != 0) return false;
        return true;
    }

    private long[] answerOf(int[] bb) {
        long[] out = new long[ns];
        for (int s = 0; s < ns; s++) {
            long sound = -1L;
            for (int x : bb) sound &= ~a.inUse[x] | a.svcInUse[s][x];
            out[s] = sound & ~1L & ((1L << (setting.maxPid() + 1)) - 1);
        }
        return out;
    }

    /** Whether service s is dead in every state of belief b: init may report it stopped. */
    boolean dead(int b, int s) { return deadIn(beliefs.get(b), s); }

    /** Builds the beliefs reachable from the first one, and their moves (every one, or the guided search's); the queue, empty, for more. */
    private ArrayDeque<Integer> explore(Consumer<String> progress, long maxBeliefs) {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        intern(closure(new int[] {0}, 1), queue);
        drain(queue, progress, maxBeliefs);
        return queue;
    }

    private long t0Explore = System.nanoTime(), lastProgress = t0Explore;
    private int[] buf = new int[1024];

    /**
     * Gives every new belief its moves: all of them, or in the guided search the first of init's
     * calls in order of preference that applies, with the calls ahead of it that change nothing
     * and tell nothing there (they only let time pass: their successor is the belief itself).
     */
    private void drain(ArrayDeque<Integer> queue, Consumer<String> progress, long maxBeliefs) {
        while (!queue.isEmpty()) {
            int bi = queue.poll();
            int[] b = beliefs.get(bi);
            good.set(bi, good(b));
            moves.set(bi, new Packed(a.actions.size()));
            if (!guided) {
                for (Arena.Action act : a.actions) if (a.next(b[0], act.id()) != -3) expand(bi, act, queue);
            } else {
                widen(bi, queue);
            }
            if (beliefs.size() > maxBeliefs) throw new TooLarge("beliefs", maxBeliefs);
            long now = System.nanoTime();
            if (now - lastProgress > 5_000_000_000L) {
                lastProgress = now;
                progress.accept(String.format("  beliefs: %,d, %,d left, %.0f s", beliefs.size(), queue.size(), (now - t0Explore) / 1e9));
            }
        }
    }

    /** Action a at belief bi: its results and successor beliefs. */
    private void expand(int bi, Arena.Action act, ArrayDeque<Integer> queue) {
        int[] b = beliefs.get(bi);
        Packed ms = moves.get(bi);
        Map<Long, int[]> seeds = new java.util.LinkedHashMap<>();
        Map<Long, Integer> counts = new HashMap<>();
        for (int x : b) {
            long o = a.obs(x, act.id());
            int y = a.next(x, act.id());
            int[] arr = seeds.computeIfAbsent(o, k -> new int[8]);
            int c = counts.getOrDefault(o, 0);
            if (c == arr.length) { arr = Arrays.copyOf(arr, c * 2); seeds.put(o, arr); }
            arr[c] = y;
            counts.put(o, c + 1);
        }
        long[] res = new long[seeds.size()];
        int[] nxt = new int[seeds.size()], mid = act.call() == Call.PROBE ? new int[seeds.size()] : null;
        int k = 0;
        if (mutant == Mutant.BLIND && mid == null) {            // one belief of the states after every result
            int total = 0;
            for (int c : counts.values()) total += c;
            int[] all = new int[total];
            for (var e : seeds.entrySet()) { System.arraycopy(e.getValue(), 0, all, k, counts.get(e.getKey())); k += counts.get(e.getKey()); }
            int merged = intern(closure(all, total), queue);
            k = 0;
            for (long o : seeds.keySet()) { res[k] = o; nxt[k++] = merged; }
            ms.put(act.id(), res, nxt, null);
            return;
        }
        for (var e : seeds.entrySet()) {
            int[] c1 = closure(e.getValue(), counts.get(e.getKey()));
            res[k] = e.getKey();
            if (mid != null && e.getKey() > 0) {
                mid[k] = midBeliefs.size();
                midBeliefs.add(c1);
                midGood.add(good(c1));
                int c = (int) (long) e.getKey(), n = 0;
                if (buf.length < c1.length) buf = new int[c1.length];
                for (int x : c1) { int y = a.reapProbe(x, c); if (y >= 0) buf[n++] = y; }
                nxt[k] = intern(closure(buf, n), queue);
            } else {
                if (mid != null) mid[k] = -1;
                nxt[k] = intern(c1, queue);
            }
            k++;
        }
        ms.put(act.id(), res, nxt, mid);
    }

    // ------------------------------------------------------------------ the guided search

    /**
     * The guided search: instead of every call at every belief, init first has only its most
     * preferred call (and the calls that only let time pass); where it loses with what it has,
     * it is given its next call, until it wins or every losing belief has every call. A win is
     * a win of the whole game (init has fewer moves, the environment all of its own), and its
     * strategy is checked against every behaviour like any other. A loss is one of the whole
     * game too once every losing belief has every call: the environment's winning play never
     * leaves the losing beliefs, where nothing is missing.
     */
    private boolean guided;
    /** Per belief, the calls still to give it in the guided search (their places in {@link #preference}). */
    private final List<Integer> nextChoice = new ArrayList<>();
    private int[] preference;

    /** Init's calls in the guided search's order: start services, read what is pending, look, reap, then the rest. */
    private int[] preference() {
        if (preference != null) return preference;
        List<Arena.Action> xs = new ArrayList<>(a.actions);
        xs.sort(java.util.Comparator.comparingInt(x -> switch (x.call()) {
            case SPAWN -> 0;
            case READ_ADOPTION, COLLECT, READ_ANY -> 1;
            case READ_SIGCHLD -> 2;
            case PEEK -> 3;
            case WAIT_PID -> 4;
            case WAIT_ANY -> 5;
            case PROBE -> 6;
        }));
        preference = xs.stream().mapToInt(Arena.Action::id).toArray();
        return preference;
    }

    /** Whether action act at belief b changes no state and tells init nothing (it only lets time pass). */
    private boolean idle(int[] b, Arena.Action act) {
        if (act.call() == Call.PROBE || act.call() == Call.SPAWN) return false;
        long o = a.obs(b[0], act.id());
        for (int x : b) if (a.next(x, act.id()) != x || a.obs(x, act.id()) != o) return false;
        return true;
    }

    /** Gives belief bi its next call in order of preference (and every idle one before it); false if it has every call. */
    private boolean widen(int bi, ArrayDeque<Integer> queue) {
        int[] pref = preference();
        while (nextChoice.size() <= bi) nextChoice.add(0);
        int[] b = beliefs.get(bi);
        Packed ms = moves.get(bi);
        for (int i = nextChoice.get(bi); i < pref.length; i++) {
            Arena.Action act = a.actions.get(pref[i]);
            if (a.next(b[0], act.id()) == -3 || ms.has(act.id())) continue;
            boolean idle = idle(b, act);
            expand(bi, act, queue);
            if (!idle) {
                nextChoice.set(bi, i + 1);
                return true;
            }
        }
        nextChoice.set(bi, pref.length);
        return false;
    }

    /** The game has more positions than it may hold. */
    public static final class TooLarge extends RuntimeException {
        public TooLarge(String what, long n) { super(String.format("more than %,d %s", n, what), null, false, false); }
    }

    // ------------------------------------------------------------------ safety

    /** Beliefs from which init can stay in good beliefs for ever (greatest fixed point). */
    private boolean[] safe() {
        int n = beliefs.size(), na = a.actions.size();
        if (na > 16 || n >= 1 << 27) throw new TooLarge("beliefs for the solver's packed moves", 1 << 27);
        boolean[] ok = new boolean[n];
        for (int i = 0; i < n; i++) ok[i] = good.get(i);
        // predecessors by move (one entry per result), and per belief its moves still inside ok
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) for (int q : moves.get(i).nxt) start[q + 1]++;
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        int[] pred = new int[start[n]], fill = Arrays.copyOf(start, n);
        boolean[] alive = new boolean[n * na];
        int[] live = new int[n];
        for (int i = 0; i < n; i++) {
            Packed ms = moves.get(i);
            for (int act = 0; act < na; act++) {
                if (!ms.has(act)) continue;
                for (int r = ms.first[act], t = r + ms.count[act]; r < t; r++) pred[fill[ms.nxt[r]]++] = i << 4 | act;
                if (allIn(ms, act, ok)) { alive[i * na + act] = true; live[i]++; }
            }
        }
        int[] queue = new int[n];
        int head = 0, tail = 0;
        for (int i = 0; i < n; i++) if (ok[i] && live[i] == 0) { ok[i] = false; queue[tail++] = i; }
        while (head < tail) {
            int q = queue[head++];
            for (int k = start[q]; k < start[q + 1]; k++) {
                int p = pred[k] >>> 4, act = pred[k] & 15;
                if (!alive[p * na + act]) continue;
                alive[p * na + act] = false;
                if (--live[p] == 0 && ok[p]) { ok[p] = false; queue[tail++] = p; }
            }
        }
        return ok;
    }

    private boolean allIn(Packed ms, int act, boolean[] ok) {
        for (int r = ms.first[act], t = r + ms.count[act]; r < t; r++) {
            if (!ok[ms.nxt[r]]) return false;
            int m = ms.mid(r);
            if (m >= 0 && !midGood.get(m)) return false;
        }
        return true;
    }

    // ------------------------------------------------------------------ liveness: threads and breakpoints

    /**
     * A thread: the environment has come to rest in settled state x (a member of the belief) and
     * takes no step again; entry = x * 2 + (1 when a spawn attempt is still owed to it, regime
     * "settled"). Its obligations at belief b: every started service dead in x dead in every
     * state of b; nothing left to read in x; no spawn attempt owed.
     */
    private boolean owes(int b, int entry) {
        int x = entry >> 1;
        if (!a.drained[x]) return true;
        if ((entry & 1) != 0) return true;
        for (int s = 0; s < ns; s++) {
            if ((a.started[x] & (1 << s)) == 0 || a.svcRunning[s][x] != 0) continue;
            if (!dead(b, s)) return true;
        }
        return false;
    }

    /** The threads of belief b that owe something (at a breakpoint, every one). */
    private int[] freshThreads(int b) {
        int[] bb = beliefs.get(b);
        int[] out = new int[bb.length];
        int n = 0;
        boolean owe3 = !eager && Integer.bitCount(started(b)) < ns && mutant != Mutant.NO_START;
        for (int x : bb) {
            if (!a.settled[x]) continue;
            int e = x * 2 + (owe3 ? 1 : 0);
            if (owes(b, e)) out[n++] = e;
        }
        return Arrays.copyOf(out, n);
    }

    /** A thread's continuation under action act with result o, or -1 if it ends (the environment must move again) or does not return o. */
    private int threadNext(int entry, Arena.Action act, long o) {
        int x = entry >> 1;
        if (a.obs(x, act.id()) != o) return -1;
        int y = act.call() == Call.PROBE ? (o > 0 ? a.probeDone(x, act.id()) : x) : a.next(x, act.id());
        if (!a.settled[y]) return -1;
        int flag = (entry & 1) != 0 && act.call() != Call.SPAWN ? 1 : 0;
        return y * 2 + flag;
    }

    // positions: (belief, owed threads, counter, entered through an accepting transition)
    private final List<int[]> owedSets = new ArrayList<>();
    private final ArrayIds owedIds = new ArrayIds(owedSets::get);
    private int[] posBelief = new int[1 << 12], posOwed = new int[1 << 12];
    private byte[] posK = new byte[1 << 12];
    private boolean[] posAcc = new boolean[1 << 12];
    private adoptsig.engine.LongIntMap posIds = new adoptsig.engine.LongIntMap();
    private int nPos;
    /** Position moves: per position, per action: successor positions (one per result), -1 action unavailable/unsafe. */
    private final List<int[][]> posMoves = new ArrayList<>();

    private int owedId(int[] o) {
        int id = owedIds.putIfAbsent(o, owedSets.size());
        if (id == owedSets.size()) owedSets.add(o);
        return id;
    }

    private int position(int b, int owed, int k, boolean acc, ArrayDeque<Integer> queue) {
        long key = ((long) b << 32) | ((long) owed << 2) | (long) k << 1 | (acc ? 1 : 0);
        int id = posIds.putIfAbsent(key, nPos);
        if (id != nPos) return id;
        if (nPos == posBelief.length) {
            posBelief = Arrays.copyOf(posBelief, nPos * 2);
            posOwed = Arrays.copyOf(posOwed, nPos * 2);
            posK = Arrays.copyOf(posK, nPos * 2);
            posAcc = Arrays.copyOf(posAcc, nPos * 2);
        }
        posBelief[nPos] = b;
        posOwed[nPos] = owed;
        posK[nPos] = (byte) k;
        posAcc[nPos] = acc;
        posMoves.add(null);
        queue.add(nPos);
        return nPos++;
    }

    /**
     * The positions reachable through safe moves, and their moves. Acceptance: with the
     * breakpoint (no owed thread left, the owed set is renewed); in the eager regime a second
     * condition (a spawn attempt, or every service started) alternates with it (counter k).
     */
    private int[] buildPositions(boolean[] safe, long maxPositions) {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int b0 = 0;
        int root = position(b0, owedId(freshThreads(b0)), 0, false, queue);
        while (!queue.isEmpty()) {
            int p = queue.poll();
            int b = posBelief[p];
            int[] owed = owedSets.get(posOwed[p]);
            int k = posK[p];
            Packed ms = moves.get(b);
            int[][] pm = new int[a.actions.size()][];
            for (Arena.Action act : a.actions) {
                if (!ms.has(act.id()) || !allIn(ms, act.id(), safe)) continue;
                int f = ms.first[act.id()];
                int[] succ = new int[ms.count[act.id()]];
                for (int r = 0; r < succ.length; r++) {
                    int b2 = ms.nxt[f + r];
                    int[] o2 = new int[owed.length];
                    int n = 0;
                    for (int e : owed) {
                        int e2 = threadNext(e, act, ms.res[f + r]);
                        if (e2 >= 0 && owes(b2, e2)) o2[n++] = e2;
                    }
                    boolean breakpoint = n == 0;
                    int[] ow = breakpoint ? freshThreads(b2) : dedupe(o2, n);
                    boolean spawnOk = Integer.bitCount(started(b2)) == ns || act.call() == Call.SPAWN || mutant == Mutant.NO_START;
                    int k2 = k;
                    boolean acc;
                    if (!eager) acc = breakpoint;
                    else if (k == 0) { acc = false; if (breakpoint) k2 = 1; }
                    else { acc = spawnOk; if (spawnOk) k2 = 0; }
                    if (mutant == Mutant.NO_LIVENESS) acc = true;
                    succ[r] = position(b2, owedId(ow), k2, acc, queue);
                }
                pm[act.id()] = succ;
            }
            posMoves.set(p, pm);
            if (nPos > maxPositions) throw new TooLarge("positions", maxPositions);
        }
        return new int[] {root};
    }

    private static int[] dedupe(int[] a, int n) {
        int[] x = Arrays.copyOf(a, n);
        Arrays.sort(x);
        int m = 0;
        for (int i = 0; i < n; i++) if (m == 0 || x[m - 1] != x[i]) x[m++] = x[i];
        return Arrays.copyOf(x, m);
    }

    /**
     * Büchi: positions from which init can visit accepting ones infinitely often,
     * W = nu Z. mu Y. (Acc /\ CPre(Z)) \/ CPre(Y). rank (if given): in the last round, 0 for the
     * accepting positions that can move into W, r for a position whose best move leads into
     * ranks below r: the strategy follows it.
     */
    boolean[] buchi(int[] rank) {
        int na = a.actions.size();
        if (na > 16 || nPos >= 1 << 27) throw new TooLarge("positions for the solver's packed moves", 1 << 27);
        int[] start = new int[nPos + 1];
        for (int p = 0; p < nPos; p++) for (int[] succ : posMoves.get(p)) if (succ != null) for (int q : succ) start[q + 1]++;
        for (int p = 0; p < nPos; p++) start[p + 1] += start[p];
        int[] pred = new int[start[nPos]], fill = Arrays.copyOf(start, nPos);
        for (int p = 0; p < nPos; p++) {
            int[][] pm = posMoves.get(p);
            for (int act = 0; act < pm.length; act++) if (pm[act] != null) for (int q : pm[act]) pred[fill[q]++] = p << 4 | act;
        }
        boolean[] z = new boolean[nPos];
        Arrays.fill(z, true);
        int[] r = new int[nPos], cnt = new int[nPos * na], queue = new int[nPos];
        while (true) {
            // Y = mu Y. (Acc /\ CPre(Z)) \/ CPre(Y), by a worklist in order of rank: cnt counts a move's results not yet in Y
            // (-1: a move that leaves Z); a position joins Y, with rank one more than the last result that completed its move,
            // the first time one of its moves is complete; the order makes that rank its round in the layered fixed point
            boolean[] y = new boolean[nPos];
            Arrays.fill(r, -1);
            int head = 0, tail = 0;
            for (int p = 0; p < nPos; p++) {
                int[][] pm = posMoves.get(p);
                boolean into = false;
                for (int act = 0; act < na; act++) {
                    int[] succ = act < pm.length ? pm[act] : null;
                    int c = -1;
                    if (succ != null && z[p]) {
                        c = succ.length;
                        for (int q : succ) if (!z[q]) { c = -1; break; }
                    }
                    cnt[p * na + act] = c;
                    if (c >= 0) into = true;
                }
                if (z[p] && posAcc[p] && into) { y[p] = true; r[p] = 0; queue[tail++] = p; }
            }
            while (head < tail) {
                int q = queue[head++];
                for (int k = start[q]; k < start[q + 1]; k++) {
                    int p = pred[k] >>> 4, i = p * na + (pred[k] & 15);
                    if (cnt[i] <= 0) continue;
                    if (--cnt[i] == 0 && !y[p]) { y[p] = true; r[p] = r[q] + 1; queue[tail++] = p; }
                }
            }
            if (Arrays.equals(y, z)) {
                if (rank != null) System.arraycopy(r, 0, rank, 0, nPos);
                return z;
            }
            z = y;
        }
    }

    // ------------------------------------------------------------------ solving

    /** Solves the game: possible (with a supervisor) or impossible (with the environment's winning play, told). */
    public Result solve(Consumer<String> progress, long maxBeliefs, long maxPositions) {
        long t0 = System.nanoTime();
        explore(progress, maxBeliefs);
        return decide(t0, maxPositions, true);
    }

    /**
     * The guided search (see {@link #guided}): the same verdict as {@link #solve} where it ends,
     * usually with far fewer beliefs when init can win; rounds: how many times init's calls were
     * widened.
     */
    public Result solveGuided(Consumer<String> progress, long maxBeliefs, long maxPositions) {
        long t0 = System.nanoTime();
        guided = true;
        ArrayDeque<Integer> queue = explore(progress, maxBeliefs);
        boolean strict = false;
        for (int round = 1; ; round++) {
            Result r = decide(t0, maxPositions, false);
            if (r.possible()) return r;
            boolean widened = false;
            while (!widened) {
                boolean[] losing = losingBeliefs(strict);
                int n = beliefs.size();
                if (mutant != Mutant.NO_WIDENING) for (int b = 0; b < n; b++) if (losing[b] && good.get(b) && widen(b, queue)) widened = true;
                if (widened || strict || mutant == Mutant.NO_WIDENING) break;
                strict = true;                               // first the beliefs lost outright, then those of every losing position
            }
            if (!widened) return decide(t0, maxPositions, true);   // every belief of a losing position has every call: the whole game's loss
            drain(queue, progress, maxBeliefs);
            if (round % 10 == 0) progress.accept(String.format("  guided search: round %d, %,d beliefs", round, beliefs.size()));
        }
    }

    private boolean[] lastSafe, lastWin;

    /**
     * The beliefs at which init lost in the last decision: unsafe, or with no winning position;
     * strict: also the belief of any losing position (a belief may be won with one set of owed
     * threads and lost with another). A loss is the whole game's only when nothing is left to
     * widen in the strict sense: the environment's winning play then stays among losing
     * positions, and their beliefs have every call.
     */
    private boolean[] losingBeliefs(boolean strict) {
        int n = beliefs.size();
        boolean[] losing = new boolean[n];
        for (int b = 0; b < n; b++) losing[b] = b >= lastSafe.length || !lastSafe[b];
        if (lastWin != null) {
            boolean[] wins = new boolean[n];
            for (int p = 0; p < nPos; p++) {
                if (lastWin[p]) wins[posBelief[p]] = true;
                else if (strict) losing[posBelief[p]] = true;
            }
            for (int b = 0; b < lastSafe.length; b++) if (lastSafe[b] && !wins[b]) losing[b] = true;
        }
        return losing;
    }

    private Result decide(long t0, long maxPositions, boolean tell) {
        Runtime rt = Runtime.getRuntime();
        boolean[] safe = safe();
        lastSafe = safe;
        lastWin = null;
        int safeCount = 0;
        for (boolean s : safe) if (s) safeCount++;
        long edges = 0;
        for (Packed ms : moves) edges += ms.nxt.length;
        if (!safe[0]) {
            LossStory story = tell ? LossStory.ofSafety(this, safe) : null;
            return new Result(false, a.size(), beliefs.size(), 0, safeCount, edges, (System.nanoTime() - t0) / 1e9,
                    rt.totalMemory() - rt.freeMemory(), null, story);
        }
        resetPositions();
        buildPositions(safe, maxPositions);
        int[] rank = new int[nPos];
        boolean[] win = buchi(rank);
        lastWin = win;
        double secs = (System.nanoTime() - t0) / 1e9;
        long mem = rt.totalMemory() - rt.freeMemory();
        if (!win[0]) return new Result(false, a.size(), beliefs.size(), nPos, safeCount, edges, secs, mem, null, tell ? LossStory.ofLiveness(this, win) : null);
        return new Result(true, a.size(), beliefs.size(), nPos, safeCount, edges, secs, mem, Strategy.of(this, win, rank), null);
    }

    private void resetPositions() {
        owedSets.clear();
        owedIds.clear();
        posIds = new adoptsig.engine.LongIntMap();
        posMoves.clear();
        nPos = 0;
    }

    // ------------------------------------------------------------------ access for strategies and stories

    Arena arena() { return a; }
    int beliefCount() { return beliefs.size(); }
    int[] belief(int b) { return beliefs.get(b); }
    /** Belief b's moves, one per action (null: none), copied out of the packed form (for strategies and stories). */
    Move[] movesOf(int b) {
        Packed ms = moves.get(b);
        Move[] out = new Move[a.actions.size()];
        for (Arena.Action act : a.actions) out[act.id()] = ms.move(act.id(), act.call() == Call.PROBE);
        return out;
    }
    boolean isGood(int b) { return good.get(b); }
    boolean midIsGood(int m) { return midGood.get(m); }
    int[] midBelief(int m) { return midBeliefs.get(m); }
    int positions() { return nPos; }
    int positionBelief(int p) { return posBelief[p]; }
    int[][] positionMoves(int p) { return posMoves.get(p); }
    boolean accepting(int p) { return posAcc[p]; }
    int[] owedOf(int p) { return owedSets.get(posOwed[p]); }
    boolean eager() { return eager; }
    boolean owesAt(int b, int entry) { return owes(b, entry); }
    BitSet unused() { return null; }
}
