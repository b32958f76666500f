package adoptsig.engine;

import adoptsig.system.World;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The Java explorer as a safety checker: a breadth-first search of the Java system that
 * evaluates the catalogue's invariants on every new state and its action properties on every
 * transition, and keeps, for each property, the first violation at the smallest depth (so each
 * counterexample is a shortest one, as TLC's breadth-first runs give). Each level's successors
 * are computed by several threads and merged in a fixed order, so the result does not depend on
 * the number of threads. It keeps a fingerprint and its parent's fingerprint per state (16 bytes
 * a slot, 21 to 64 bytes a state: see LongLongMap), the states still to expand as packed
 * encodings, and rebuilds a counterexample by replaying from the initial state.
 */
public final class SafetyCheck {
    /** A violation: the property and the path of worlds from the initial state to the bad one. */
    public record Violation(String property, List<World> path) {}

    /**
     * distinct states, depth (levels), violations by property, wall seconds, threads, bytes of the
     * fingerprint table (at the end), and the most bytes the states still to expand took at once
     * (two levels' packed encodings and fingerprints, at their widest).
     */
    public record Result(long distinct, int depth, Map<String, Violation> violations, double seconds, int threads, long tableBytes,
                         long frontierBytes) {}

    private SafetyCheck() {}

    /**
     * Bytes of heap a state costs the search, about: its entry in the fingerprint table (21 to 64)
     * and a share of the packed encodings of the levels still to expand, with the JVM's room.
     * Measured: rfcWitness-two at 5 PIDs with outside activity (7,752,783 states, one thread)
     * completed in a 1,200 MB heap (155 bytes a state) and ran out of an 800 MB heap at 4,126,932
     * states, while its table doubled. The default state limit is the heap divided by this.
     */
    public static final long BYTES_PER_STATE = 160;

    /** The state limit that the heap of this JVM holds (see {@link #BYTES_PER_STATE}). */
    public static long heapLimit() { return Runtime.getRuntime().maxMemory() / BYTES_PER_STATE; }

    /** The search reached its state limit, or filled the heap, before it was over: what it reached. */
    public static final class Stopped extends adoptsig.RunFailure {
        public Stopped(String why) { super(why); }
    }

    /** The properties the Java engine decides for a model: its invariants and action properties (temporal ones stay TLC's), by catalogue id. */
    public record Properties(Map<String, Predicate<World>> invariants, Map<String, BiPredicate<World, World>> actions, List<String> temporal) {
        public static Properties of(adoptsig.supervisor.Supervisor sup, List<String> ids) {
            Map<String, Predicate<World>> inv = new LinkedHashMap<>();
            Map<String, BiPredicate<World, World>> act = new LinkedHashMap<>();
            List<String> temporal = new ArrayList<>();
            Map<String, Predicate<World>> all = JavaInvariants.of(sup);
            for (String id : ids) {
                if (all.containsKey(id)) inv.put(id, all.get(id));
                else if (JavaProperties.ACTIONS.containsKey(id)) act.put(id, JavaProperties.ACTIONS.get(id));
                else temporal.add(id);
            }
            return new Properties(inv, act, temporal);
        }
    }

    public static Result run(JavaSystem sys, Map<String, Predicate<World>> invariants, Map<String, BiPredicate<World, World>> actions,
                             int threads, Consumer<String> progress) {
        return run(sys, invariants, actions, threads, false, progress);
    }

    /**
     * With symmetry: the two services run the same program and no stranger is present, so
     * exchanging their names maps behaviours to behaviours and the catalogue's properties (which
     * quantify over every service) to themselves; one world per pair is stored (the smaller
     * fingerprint of the two). Counts are then of classes, not of states.
     */
    public static Result run(JavaSystem sys, Map<String, Predicate<World>> invariants, Map<String, BiPredicate<World, World>> actions,
                             int threads, boolean symmetry, Consumer<String> progress) {
        return run(sys, invariants, actions, threads, symmetry, Long.MAX_VALUE, progress);
    }

    /** As above, stopped ({@link Stopped}) once more than maxStates distinct states are stored, or when the heap is full. */
    public static Result run(JavaSystem sys, Map<String, Predicate<World>> invariants, Map<String, BiPredicate<World, World>> actions,
                             int threads, boolean symmetry, long maxStates, Consumer<String> progress) {
        java.util.function.ToLongFunction<World> fp = Fingerprint::of;
        if (symmetry) {
            var svcs = sys.bounds().services();
            if (svcs.size() != 2 || !sys.bounds().strangers().isEmpty()) {
                throw new adoptsig.InputError("symmetry reduction exchanges two services of the same program: this model has services "
                        + svcs + (sys.bounds().strangers().isEmpty() ? "" : " and strangers " + sys.bounds().strangers()));
            }
            String a = svcs.get(0), b = svcs.get(1);
            fp = w -> Fingerprint.symmetric(w, a, b);
        }
        long[] reached = new long[2];   // distinct states and depth so far, for the message of a search stopped halfway
        try {
            return search(sys, invariants, actions, threads, fp, maxStates, reached, progress);
        } catch (TableFull e) {
            throw new Stopped(String.format("%s: stopped at %,d distinct states at depth %d, a limit of this engine that more heap does not lift",
                    e.getMessage(), reached[0], reached[1]));
        } catch (OutOfMemoryError e) {
            throw new Stopped(String.format("out of memory after %,d distinct states at depth %d (the heap holds at most %,d MB): "
                    + "give Java more with -Xmx, or a lower --max-states", reached[0], reached[1], Runtime.getRuntime().maxMemory() >> 20));
        }
    }

    /**
     * One worker's share of a level: for every successor, its parent's and its own fingerprint,
     * the action properties the step breaks and, for a successor not yet stored when the level
     * began, the invariants it breaks and its packed encoding (length 0: none, already stored).
     */
    private static final class Part {
        int n;
        long[] fx = new long[256], fy = new long[256];
        int[] off = new int[256], len = new int[256];
        String[] broken = new String[256], bad = new String[256];
        final WorldCodec.Bytes bytes = new WorldCodec.Bytes();

        void add(long x, long y, String brokenActions, String badInvariants, int offset, int length) {
            if (n == fx.length) {
                int m = n * 2;
                fx = java.util.Arrays.copyOf(fx, m); fy = java.util.Arrays.copyOf(fy, m);
                off = java.util.Arrays.copyOf(off, m); len = java.util.Arrays.copyOf(len, m);
                broken = java.util.Arrays.copyOf(broken, m); bad = java.util.Arrays.copyOf(bad, m);
            }
            fx[n] = x; fy[n] = y; broken[n] = brokenActions; bad[n] = badInvariants; off[n] = offset; len[n] = length;
            n++;
        }
    }

    /** The most states of a level that one task expands. */
    private static final int CHUNK = 1 << 20;

    /**
     * The search. What it keeps: every stored state's fingerprint and its parent's (the table),
     * and the states still to expand as packed encodings ({@link PackedWorlds}), never whole
     * worlds. A level's successors are computed by the workers while the table is only read; a
     * successor the table already holds is dropped (passed on without its encoding when it broke
     * an action property). The merge then takes
     * them in a fixed order (the order of the level, then of each state's successors), so the
     * first violation of each property, and every count, is what one thread finds. (A successor
     * a worker meets a second time in the level comes later in that order than the first, so it
     * can only be a duplicate there: it is dropped, or passed on without its encoding when it
     * broke an action property.)
     */
    private static Result search(JavaSystem sys, Map<String, Predicate<World>> invariants, Map<String, BiPredicate<World, World>> actions,
                                 int threads, java.util.function.ToLongFunction<World> fingerprint, long maxStates, long[] reached,
                                 Consumer<String> progress) {
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> { Thread t = new Thread(r, "safety-check"); t.setDaemon(true); return t; });
        try {
            LongLongMap parent = new LongLongMap();
            WorldCodec codec = new WorldCodec();
            World w0 = sys.init();
            long f0 = fingerprint.applyAsLong(w0);
            parent.putIfAbsent(f0, f0);
            Map<String, long[]> found = new LinkedHashMap<>();   // property -> {bad fp, or before fp and after fp}
            for (var e : invariants.entrySet()) if (!e.getValue().test(w0)) found.put(e.getKey(), new long[] {f0});
            PackedWorlds frontier = new PackedWorlds(codec);
            frontier.add(w0);
            long[] frontierFps = {f0};                          // each frontier world's fingerprint, computed once
            long frontierPeak = frontier.heldBytes();
            int depth = 1;
            Progress p = new Progress(progress);
            while (!frontier.isEmpty()) {
                PackedWorlds level = frontier;
                long[] levelFps = frontierFps;
                // a share per task: a quarter of a thread's, at most CHUNK states (so that no task's buffers grow huge)
                int n = Math.max(1, Math.min(CHUNK, (level.size() + threads * 4 - 1) / (threads * 4)));
                java.util.Set<String> openActions = new java.util.LinkedHashSet<>(actions.keySet());
                openActions.removeAll(found.keySet());
                List<String> openInv = new ArrayList<>(invariants.keySet());
                openInv.removeAll(found.keySet());
                List<java.util.concurrent.Callable<Part>> tasks = new ArrayList<>();
                for (int from = 0; from < level.size(); from += n) {
                    int a = from, b = Math.min(level.size(), from + n);
                    tasks.add(() -> {
                        Part out = new Part();
                        LongSet mine = new LongSet();   // what this worker has encoded in this level: a second one is passed on bare
                        for (int i = a; i < b; i++) {
                            World x = level.get(i);
                            long fx = levelFps[i];
                            for (World y : sys.successors(x)) {
                                String broken = null;
                                for (String name : openActions) if (!actions.get(name).test(x, y)) { broken = broken == null ? name : broken + "," + name; }
                                long fy = fingerprint.applyAsLong(y);
                                if (parent.contains(fy) || !mine.add(fy)) {
                                    if (broken != null) out.add(fx, fy, broken, null, -1, 0);   // else: nothing for the merge to do
                                    continue;
                                }
                                String bad = null;
                                for (String name : openInv) if (!invariants.get(name).test(y)) { bad = bad == null ? name : bad + "," + name; }
                                int at = out.bytes.size();
                                codec.encode(y, out.bytes);
                                out.add(fx, fy, broken, bad, at, out.bytes.size() - at);
                            }
                        }
                        return out;
                    });
                }
                // every worker has finished before the table is written
                List<Part> parts = new ArrayList<>();
                for (Future<Part> f : pool.invokeAll(tasks)) parts.add(f.get());
                tasks.clear();
                PackedWorlds next = new PackedWorlds(codec);
                long[] nextFps = new long[16];
                for (int k = 0; k < parts.size(); k++) {
                    Part s = parts.get(k);
                    parts.set(k, null);
                    for (int i = 0; i < s.n; i++) {
                        long fx = s.fx[i], fy = s.fy[i];
                        if (s.broken[i] != null) for (String name : s.broken[i].split(",")) found.putIfAbsent(name, new long[] {fx, fy});
                        if (s.len[i] > 0 && parent.putIfAbsent(fy, fx)) {
                            if (next.size() == nextFps.length) nextFps = java.util.Arrays.copyOf(nextFps, nextFps.length * 2);
                            nextFps[next.size()] = fy;
                            next.add(s.bytes.array(), s.off[i], s.len[i]);
                            if (s.bad[i] != null) for (String name : s.bad[i].split(",")) found.putIfAbsent(name, new long[] {fy});
                            if (parent.size() > maxStates) {
                                throw new Stopped(String.format("more than %,d distinct states (the limit, --max-states), reached at depth %d, "
                                        + "exploring the successors of the %,d states at depth %d", maxStates, depth + 1, frontier.size(), depth));
                            }
                        }
                    }
                }
                if (!next.isEmpty()) depth++;
                reached[0] = parent.size();
                reached[1] = depth;
                frontierPeak = Math.max(frontierPeak, level.heldBytes() + next.heldBytes() + 8L * (levelFps.length + nextFps.length));
                frontier = next;
                frontierFps = java.util.Arrays.copyOf(nextFps, next.size());
                p.tick(parent.size(), frontier.size());
            }
            Map<String, Violation> violations = new LinkedHashMap<>();
            for (var e : found.entrySet()) violations.put(e.getKey(), new Violation(e.getKey(), path(sys, parent, e.getValue(), fingerprint, actions.get(e.getKey()))));
            return new Result(parent.size(), depth, violations, (System.nanoTime() - t0) / 1e9, threads, parent.bytes(), frontierPeak);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OutOfMemoryError oom) throw oom;
            throw new IllegalStateException("a worker of the safety check failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The worlds from the initial state to the fingerprint chain's end (and the extra last step of
     * an action violation: with symmetry, of the successors in the last class, one that breaks the
     * action property, not its exchanged twin, which need not).
     */
    private static List<World> path(JavaSystem sys, LongLongMap parent, long[] end, java.util.function.ToLongFunction<World> fingerprint,
                                    BiPredicate<World, World> action) {
        List<Long> chain = new ArrayList<>();
        long f = end[0];
        while (true) {
            chain.add(0, f);
            long up = parent.get(f);
            if (up == f) break;
            f = up;
        }
        if (end.length == 2) chain.add(end[1]);
        List<World> out = new ArrayList<>();
        World w = sys.init();
        out.add(w);
        for (int i = 1; i < chain.size(); i++) {
            World next = null;
            boolean last = i == chain.size() - 1 && end.length == 2;
            for (World y : sys.successors(w)) {
                if (fingerprint.applyAsLong(y) == chain.get(i) && (!last || !action.test(w, y))) { next = y; break; }
            }
            if (next == null) throw new IllegalStateException("cannot rebuild the counterexample at step " + i);
            out.add(next);
            w = next;
        }
        return out;
    }
}
