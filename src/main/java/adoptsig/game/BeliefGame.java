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
    /** What the game found; heldBytes: what its own tables held at the end ({@link #bytes}), peakBytes: the heap in use then. */
    public record Result(boolean possible, int states, int beliefs, int positions, int safeBeliefs, long edges, double seconds,
                         long heldBytes, long peakBytes, Strategy strategy, LossStory loss) {
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

    // beliefs: sorted state numbers, packed (SetStore), with what the solver asks of them often
    private final SetStore beliefs = new SetStore();
    private final ArrayIds beliefIds = new ArrayIds(beliefs::get);
    /** Per belief: whether some answers hold in all its states; the services started; those dead in every state. */
    private boolean[] good = new boolean[1 << 12];
    private byte[] startedOf = new byte[1 << 12], deadOf = new byte[1 << 12];

    /** One action's outcome at a belief: per result, the successor belief, and for a probe the belief while init waits. */
    record Move(long[] results, int[] next, int[] mid) {}

    /*
     * The beliefs' moves, in flat tables: per belief the last of its blocks (-1: none); a block
     * (three ints: action << 24 | number of results, first result, the belief's previous block)
     * holds one action's results, which are consecutive; per result the observation (its number
     * in the arena, {@link Arena#obsCode}), the successor belief and, for a probe, the mid belief (an index of
     * midBeliefs, -1: none; init makes no call there, so it is no position of the game, but its
     * answers must hold). 12 bytes a move and 8 or 12 a result, instead of an object and five
     * arrays a belief; in pages, so that growing never copies them.
     */
    private int[] lastBlock = new int[1 << 12];
    private final IntPages blocks = new IntPages();
    private final IntPages resObs = new IntPages(), resNext = new IntPages();
    private IntPages resMid;
    private int nRes;

    private final SetStore midBeliefs = new SetStore();
    private boolean[] midGood = new boolean[1 << 8];

    public BeliefGame(Arena arena) { this(arena, Mutant.NONE); }

    public BeliefGame(Arena arena, Mutant mutant) {
        this.a = arena;
        this.setting = arena.setting;
        this.eager = setting.regime().equals("eager");
        this.ns = setting.services().size();
        this.mutant = mutant;
        Arrays.fill(lastBlock, -1);
        for (Arena.Action act : arena.actions) if (act.call() == Call.PROBE) resMid = new IntPages();
    }

    private int blockAct(int k) { return blocks.get(3L * k) >>> 24; }
    private int blockCount(int k) { return blocks.get(3L * k) & 0xFFFFFF; }
    private int blockFirst(int k) { return blocks.get(3L * k + 1); }
    private int blockPrev(int k) { return blocks.get(3L * k + 2); }

    /** The block of belief b's results for action act, or -1. */
    private int block(int b, int act) {
        for (int k = lastBlock[b]; k >= 0; k = blockPrev(k)) if (blockAct(k) == act) return k;
        return -1;
    }

    /** Per action, belief b's block (-1: none), in blk (of the number of actions). */
    private int[] blocksOf(int b, int[] blk) {
        Arrays.fill(blk, -1);
        for (int k = lastBlock[b]; k >= 0; k = blockPrev(k)) blk[blockAct(k)] = k;
        return blk;
    }

    private boolean has(int b, int act) { return block(b, act) >= 0; }

    private long obsValue(int r) { return a.obsValue(resObs.get(r)); }

    private int mid(int r) { return resMid == null ? -1 : resMid.get(r); }

    /** Records action act's results at belief b: observations, successor beliefs, mid beliefs (null: none). */
    private void put(int b, int act, long[] res, int[] nxt, int[] mid) {
        int k = res.length;
        if ((long) nRes + k > Integer.MAX_VALUE - 8) throw new TooLarge("results of moves", Integer.MAX_VALUE - 8);
        if (k >= 1 << 24 || act >= 1 << 7) throw new TooLarge("results of one move", 1 << 24);
        for (int i = 0; i < k; i++) {
            resObs.add(a.obsCode(res[i]));
            resNext.add(nxt[i]);
            if (resMid != null) resMid.add(mid == null ? -1 : mid[i]);
        }
        if (blocks.size() / 3 >= Integer.MAX_VALUE - 8) throw new TooLarge("moves", Integer.MAX_VALUE - 8);
        int id = (int) (blocks.size() / 3);
        blocks.add(act << 24 | k);
        blocks.add(nRes);
        blocks.add(lastBlock[b]);
        lastBlock[b] = id;
        nRes += k;
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
            for (int j = a.envAt[out[i]], end = a.envAt[out[i] + 1]; j < end; j++) {
                int t = a.envTo[j];
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
        if (i == good.length) {
            int cap = i + (i >> 1);
            good = Arrays.copyOf(good, cap);
            startedOf = Arrays.copyOf(startedOf, cap);
            deadOf = Arrays.copyOf(deadOf, cap);
            lastBlock = Arrays.copyOf(lastBlock, cap);
            Arrays.fill(lastBlock, i, cap, -1);
        }
        good[i] = good(b);
        startedOf[i] = (byte) a.started[b[0]];
        int dead = 0;
        for (int s = 0; s < ns; s++) if (deadIn(b, s)) dead |= 1 << s;
        deadOf[i] = (byte) dead;
        queue.add(i);
        return i;
    }

    /** The services started at belief b (every state of a belief agrees: init knows what it started). */
    int started(int b) { return startedOf[b] & 0xFF; }

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
    boolean dead(int b, int s) { return (deadOf[b] & (1 << s)) != 0; }

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
            if (!guided) {
                int[] b = beliefs.get(bi);
                for (Arena.Action act : a.actions) if (a.next(b[0], act.id()) != -3) expand(bi, b, act, queue);
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

    /** Action a at belief bi (its states b): its results and successor beliefs. */
    private void expand(int bi, int[] b, Arena.Action act, ArrayDeque<Integer> queue) {
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
            put(bi, act.id(), res, nxt, null);
            return;
        }
        for (var e : seeds.entrySet()) {
            int[] c1 = closure(e.getValue(), counts.get(e.getKey()));
            res[k] = e.getKey();
            if (mid != null && e.getKey() > 0) {
                mid[k] = midBeliefs.add(c1);
                if (mid[k] == midGood.length) midGood = Arrays.copyOf(midGood, mid[k] * 2);
                midGood[mid[k]] = good(c1);
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
        put(bi, act.id(), res, nxt, mid);
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
    private int[] nextChoice = new int[1 << 12];
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
        if (nextChoice.length <= bi) nextChoice = Arrays.copyOf(nextChoice, Math.max(bi + 1, nextChoice.length + (nextChoice.length >> 1)));
        int[] b = beliefs.get(bi);
        for (int i = nextChoice[bi]; i < pref.length; i++) {
            Arena.Action act = a.actions.get(pref[i]);
            if (a.next(b[0], act.id()) == -3 || has(bi, act.id())) continue;
            boolean idle = idle(b, act);
            expand(bi, b, act, queue);
            if (!idle) {
                nextChoice[bi] = i + 1;
                return true;
            }
        }
        nextChoice[bi] = pref.length;
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
        boolean[] ok = Arrays.copyOf(good, n);
        // predecessors by move (one entry per result), and per belief its moves still inside ok
        int[] start = new int[n + 1];
        for (int r = 0; r < nRes; r++) start[resNext.get(r) + 1]++;
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        int[] pred = new int[start[n]], fill = Arrays.copyOf(start, n);
        boolean[] alive = new boolean[n * na];
        int[] live = new int[n], blk = new int[na];
        for (int i = 0; i < n; i++) {
            blocksOf(i, blk);
            for (int act = 0; act < na; act++) {
                int k = blk[act];
                if (k < 0) continue;
                for (int r = blockFirst(k), t = r + blockCount(k); r < t; r++) pred[fill[resNext.get(r)]++] = i << 4 | act;
                if (allIn(k, ok)) { alive[i * na + act] = true; live[i]++; }
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

    /** Whether every result of block k leads into ok (and no mid belief of a probe there is bad). */
    private boolean allIn(int k, boolean[] ok) {
        for (int r = blockFirst(k), t = r + blockCount(k); r < t; r++) {
            if (!ok[resNext.get(r)]) return false;
            int m = mid(r);
            if (m >= 0 && !midGood[m]) return false;
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
    /** The owed-thread sets (sorted thread entries), packed as the beliefs are: at 5 PIDs they are most of what positions hold. */
    private final SetStore owedSets = new SetStore();
    private final ArrayIds owedIds = new ArrayIds(owedSets::get);
    private int[] posBelief = new int[1 << 12], posOwed = new int[1 << 12];
    private byte[] posK = new byte[1 << 12];
    private boolean[] posAcc = new boolean[1 << 12];
    private adoptsig.engine.LongIntMap posIds = new adoptsig.engine.LongIntMap();
    private int nPos;
    /**
     * Position moves, flat: position p's start in posSucc (-1: not yet built); there, the number
     * of its moves (actions available and safe), then per move in order of action its action <<
     * 24 | its number of results, and a successor position per result.
     */
    private long[] posAt = new long[1 << 12];
    private final IntPages posSucc = new IntPages();

    private void succ(int x) { posSucc.add(x); }

    /** Position p's first move (its header's index in posSucc); the next move is at {@link #nextMove}. */
    private long firstMove(int p) { return posAt[p] + 1; }
    private int moveCount(int p) { return posSucc.get(posAt[p]); }
    private int moveAct(long i) { return posSucc.get(i) >>> 24; }
    private int moveResults(long i) { return posSucc.get(i) & 0xFFFFFF; }
    private long nextMove(long i) { return i + 1 + moveResults(i); }

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
            posAt = Arrays.copyOf(posAt, nPos * 2);
        }
        posBelief[nPos] = b;
        posOwed[nPos] = owed;
        posK[nPos] = (byte) k;
        posAcc[nPos] = acc;
        posAt[nPos] = -1;
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
        int[] blk = new int[a.actions.size()];
        while (!queue.isEmpty()) {
            int p = queue.poll();
            int b = posBelief[p];
            int[] owed = owedSets.get(posOwed[p]);
            int k = posK[p];
            blocksOf(b, blk);
            long count = posSucc.size();
            posAt[p] = count;
            succ(0);
            for (Arena.Action act : a.actions) {
                int bk = blk[act.id()];
                if (bk < 0 || !allIn(bk, safe)) continue;
                int f = blockFirst(bk), nr = blockCount(bk);
                posSucc.set(count, posSucc.get(count) + 1);
                succ(act.id() << 24 | nr);
                for (int r = 0; r < nr; r++) {
                    int b2 = resNext.get(f + r);
                    int[] o2 = new int[owed.length];
                    int n = 0;
                    for (int e : owed) {
                        int e2 = threadNext(e, act, obsValue(f + r));
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
                    succ(position(b2, owedId(ow), k2, acc, queue));
                }
            }
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
        for (int p = 0; p < nPos; p++) {
            long i = firstMove(p);
            for (int m = 0, nm = moveCount(p); m < nm; m++, i = nextMove(i)) {
                for (long j = i + 1, t = j + moveResults(i); j < t; j++) start[posSucc.get(j) + 1]++;
            }
        }
        for (int p = 0; p < nPos; p++) start[p + 1] += start[p];
        int[] pred = new int[start[nPos]], fill = Arrays.copyOf(start, nPos);
        for (int p = 0; p < nPos; p++) {
            long i = firstMove(p);
            for (int m = 0, nm = moveCount(p); m < nm; m++, i = nextMove(i)) {
                int act = moveAct(i);
                for (long j = i + 1, t = j + moveResults(i); j < t; j++) pred[fill[posSucc.get(j)]++] = p << 4 | act;
            }
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
                boolean into = false;
                Arrays.fill(cnt, p * na, p * na + na, -1);
                long i = firstMove(p);
                for (int m = 0, nm = moveCount(p); m < nm && z[p]; m++, i = nextMove(i)) {
                    int c = moveResults(i);
                    for (long j = i + 1, t = j + c; j < t; j++) if (!z[posSucc.get(j)]) { c = -1; break; }
                    cnt[p * na + moveAct(i)] = c;
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
                if (mutant != Mutant.NO_WIDENING) for (int b = 0; b < n; b++) if (losing[b] && good[b] && widen(b, queue)) widened = true;
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
        long edges = nRes;
        if (!safe[0]) {
            LossStory story = tell ? LossStory.ofSafety(this, safe) : null;
            return new Result(false, a.size(), beliefs.size(), 0, safeCount, edges, (System.nanoTime() - t0) / 1e9,
                    bytes(), rt.totalMemory() - rt.freeMemory(), null, story);
        }
        resetPositions();
        buildPositions(safe, maxPositions);
        int[] rank = new int[nPos];
        boolean[] win = buchi(rank);
        lastWin = win;
        double secs = (System.nanoTime() - t0) / 1e9;
        long mem = rt.totalMemory() - rt.freeMemory();
        if (!win[0]) return new Result(false, a.size(), beliefs.size(), nPos, safeCount, edges, secs, bytes(), mem, null, tell ? LossStory.ofLiveness(this, win) : null);
        return new Result(true, a.size(), beliefs.size(), nPos, safeCount, edges, secs, bytes(), mem, Strategy.of(this, win, rank), null);
    }

    /**
     * Bytes the game's tables hold, about (their arrays' lengths, not counting the arena): the
     * beliefs packed, their table and per-belief facts, the moves and their results, the mid
     * beliefs, and the positions of the last decision with their moves and owed-thread sets.
     */
    public long bytes() {
        long b = beliefs.bytes() + beliefIds.bytes() + good.length * 3L + 4L * lastBlock.length + 4L * nextChoice.length;
        b += blocks.bytes() + resObs.bytes() + resNext.bytes() + (resMid == null ? 0 : resMid.bytes());
        b += midBeliefs.bytes() + midGood.length;
        b += 18L * posBelief.length + posIds.bytes() + posSucc.bytes() + owedIds.bytes() + owedSets.bytes();
        return b;
    }

    private void resetPositions() {
        owedSets.clear();
        owedIds.clear();
        posIds = new adoptsig.engine.LongIntMap();
        posSucc.clear();
        nPos = 0;
    }

    // ------------------------------------------------------------------ access for strategies and stories

    Arena arena() { return a; }
    int beliefCount() { return beliefs.size(); }
    int[] belief(int b) { return beliefs.get(b); }
    /** Belief b's moves, one per action (null: none), copied out of the packed form (for strategies and stories). */
    Move[] movesOf(int b) {
        Move[] out = new Move[a.actions.size()];
        int[] blk = blocksOf(b, new int[out.length]);
        for (Arena.Action act : a.actions) {
            int k = blk[act.id()];
            if (k < 0) continue;
            int f = blockFirst(k), n = blockCount(k);
            long[] res = new long[n];
            int[] nxt = new int[n], mid = act.call() == Call.PROBE ? new int[n] : null;
            for (int r = 0; r < n; r++) {
                res[r] = obsValue(f + r);
                nxt[r] = resNext.get(f + r);
                if (mid != null) mid[r] = mid(f + r);
            }
            out[act.id()] = new Move(res, nxt, mid);
        }
        return out;
    }
    boolean isGood(int b) { return good[b]; }
    boolean midIsGood(int m) { return midGood[m]; }
    int[] midBelief(int m) { return midBeliefs.get(m); }
    int positions() { return nPos; }
    int positionBelief(int p) { return posBelief[p]; }
    /** Position p's moves, one per action (null: unavailable or unsafe), copied out of the flat form. */
    int[][] positionMoves(int p) {
        int[][] out = new int[a.actions.size()][];
        long i = firstMove(p);
        for (int m = 0, nm = moveCount(p); m < nm; m++, i = nextMove(i)) {
            int[] succ = new int[moveResults(i)];
            for (int r = 0; r < succ.length; r++) succ[r] = posSucc.get(i + 1 + r);
            out[moveAct(i)] = succ;
        }
        return out;
    }
    boolean accepting(int p) { return posAcc[p]; }
    int[] owedOf(int p) { return owedSets.get(posOwed[p]); }
    boolean eager() { return eager; }
    boolean owesAt(int b, int entry) { return owes(b, entry); }
    BitSet unused() { return null; }
}
