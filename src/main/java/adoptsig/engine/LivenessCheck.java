package adoptsig.engine;

import adoptsig.kernel.Kernel;
import adoptsig.kernel.Proc;
import adoptsig.kernel.ProcState;
import adoptsig.supervisor.Fairness;
import adoptsig.supervisor.Supervisor;
import adoptsig.system.World;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongBiFunction;

/**
 * The catalogue's temporal properties decided by the Java engine, as TLC's liveness checker
 * decides them: the whole state graph of the Java system (every state has its stuttering step,
 * as in TLA+), each edge labelled with the fairness groups of the mechanism's spec
 * ({@link Supervisor#fairness}), and for each property a search for a fair cycle
 * ({@link FairCycles}) in the states where the property's promise is still not kept.
 *
 * <p>Each property is a conjunction of instances of {@code [](P => <>Q)} (a leads-to): for
 * StoppedDetectedProp one per service (P: started and no running process, Q: reported stopped),
 * for ZombiesReapedProp one per PID (P: a zombie child of init, Q: free), and
 * NotificationsReadProp is {@code []<>Drained} (P: true, Q: Drained). An instance is violated
 * exactly when some fair behaviour reaches a state of P and not Q and then never again meets Q:
 * a fair cycle among the states not in Q that such a state reaches without meeting Q. The
 * counterexample is a lasso: a shortest path to a P-state, a shortest path on to the cycle
 * without meeting Q, and the cycle, written as TLC writes one ("Back to state k", or
 * "Stuttering").
 */
public final class LivenessCheck {
    private LivenessCheck() {}

    /** The temporal properties this engine decides, by catalogue id. */
    public static final List<String> PROPERTIES = List.of("StoppedDetectedProp", "ZombiesReapedProp", "NotificationsReadProp");

    /** A violation: the property, the instance that fails (a service, a PID, or ""), the lasso's states, and where its loop returns (0-based index into path; -1 for a stuttering end). */
    public record Lasso(String property, String instance, List<World> path, int backTo) {
        /** The lasso as TLC prints a temporal counterexample. */
        public String trace() {
            StringBuilder b = new StringBuilder(adoptsig.tlc.TraceText.of(path));
            int n = path.size() + 1;
            b.append(n).append(backTo < 0 ? ": Stuttering" : ": Back to state " + (backTo + 1)).append('\n');
            return b.toString();
        }
    }

    /** distinct states, depth (breadth-first levels, the initial state's being 1, as TLC counts), edges (without the stuttering steps), the violations by property, wall seconds, bytes of the graph's arrays. */
    public record Result(long distinct, int depth, long edges, Map<String, Lasso> violations, double seconds, long graphBytes) {}

    /** The state graph ran over the limit: how far it got. */
    public static final class TooLarge extends RuntimeException {
        public final long reached;

        TooLarge(long reached, long limit) {
            super("the state graph has more than " + limit + " states (the liveness check stopped at " + reached + ")");
            this.reached = reached;
        }
    }

    record Instance(String property, String name, Predicate<World> p, Predicate<World> q) {}

    /** The instances of the given properties under the system's bounds (unknown ids are ignored: they are not temporal). */
    static List<Instance> instances(JavaSystem sys, List<String> ids) {
        List<Instance> out = new ArrayList<>();
        for (String id : ids) {
            switch (id) {
                case "StoppedDetectedProp" -> {
                    // \A s \in Services : [](status[s] # "never" /\ ~Lives(s) => <>(status[s] = "stopped"))
                    for (String s : sys.bounds().services()) out.add(new Instance(id, s,
                            w -> !w.status().get(s).equals("never") && !w.lives(s), w -> w.status().get(s).equals("stopped")));
                }
                case "ZombiesReapedProp" -> {
                    // \A p \in Pids : (pstate[p] = "zombie" /\ parent[p] = InitPid) ~> (pstate[p] = "free")
                    for (int p = 1; p <= sys.bounds().maxPid(); p++) {
                        int pid = p;
                        out.add(new Instance(id, "PID " + p, w -> {
                            Proc x = w.kernel().proc(pid);
                            return x.state() == ProcState.ZOMBIE && x.parent() == Kernel.INIT;
                        }, w -> w.kernel().proc(pid).state() == ProcState.FREE));
                    }
                }
                // []<>Drained
                case "NotificationsReadProp" -> out.add(new Instance(id, "", w -> true, JavaInvariants::drained));
                default -> { }
            }
        }
        return out;
    }

    /**
     * Decides the temporal properties among {@code ids} on the whole state graph (at most
     * maxStates states, else {@link TooLarge}). Weak and strong fairness are the mechanism's
     * ({@link Fairness#WEAK}, {@link Fairness#STRONG}); {@code weak} and {@code strong} replace
     * them (a mutant's fairness, for tests).
     */
    public static Result run(JavaSystem sys, List<String> ids, long maxStates) {
        Supervisor sup = sys.supervisor();
        return run(sys, ids, maxStates, sup::fairness, Fairness.WEAK, Fairness.STRONG);
    }

    /** With another fairness: the groups of each step, and which groups are weakly and strongly fair (a mutant's, for tests). */
    public static Result run(JavaSystem sys, List<String> ids, long maxStates, ToLongBiFunction<World, World> fairness, long weak, long strong) {
        long t0 = System.nanoTime();
        List<Instance> inst = instances(sys, ids);
        LongIntMap index = new LongIntMap();
        long[] fpOf = new long[1024];
        int[] level = new int[1024];
        level[0] = 1;
        int depth = 1;
        int[][] succ = new int[1024][];
        long[][] label = new long[1024][];
        long[] enabled = new long[1024];
        BitSet[] inP = new BitSet[inst.size()], inQ = new BitSet[inst.size()];
        for (int k = 0; k < inst.size(); k++) { inP[k] = new BitSet(); inQ[k] = new BitSet(); }
        ArrayDeque<World> queue = new ArrayDeque<>();
        World w0 = sys.init();
        fpOf[0] = Fingerprint.of(w0);
        index.putIfAbsent(fpOf[0], 0);
        queue.add(w0);
        int n = 1;
        long edges = 0;
        for (int i = 0; !queue.isEmpty(); i++) {
            World x = queue.poll();
            for (int k = 0; k < inst.size(); k++) {
                if (inst.get(k).p().test(x)) inP[k].set(i);
                if (inst.get(k).q().test(x)) inQ[k].set(i);
            }
            Map<Integer, Long> out = new LinkedHashMap<>();
            out.put(i, 0L);                                          // the stuttering step: no action's step
            for (World y : sys.successors(x)) {
                long fy = Fingerprint.of(y);
                int j = index.putIfAbsent(fy, n);
                if (j == n) {
                    if (n >= maxStates) throw new TooLarge(n, maxStates);
                    queue.add(y);
                    if (n == succ.length) {
                        int cap = succ.length * 2;
                        succ = Arrays.copyOf(succ, cap);
                        label = Arrays.copyOf(label, cap);
                        enabled = Arrays.copyOf(enabled, cap);
                        level = Arrays.copyOf(level, cap);
                        fpOf = Arrays.copyOf(fpOf, cap);
                    }
                    fpOf[n] = fy;
                    level[n] = level[i] + 1;
                    depth = Math.max(depth, level[n]);
                    n++;
                }
                if (j == i) continue;                                // a step to the same state is a stuttering step
                long g = fairness.applyAsLong(x, y);
                out.merge(j, g, (a, b) -> a | b);
                enabled[i] |= g;
            }
            succ[i] = new int[out.size()];
            label[i] = new long[out.size()];
            int e = 0;
            for (var en : out.entrySet()) { succ[i][e] = en.getKey(); label[i][e] = en.getValue(); e++; }
            edges += out.size() - 1;
        }
        succ = Arrays.copyOf(succ, n);
        label = Arrays.copyOf(label, n);
        enabled = Arrays.copyOf(enabled, n);
        long bytes = 0;
        for (int i = 0; i < n; i++) bytes += 32L + 12L * succ[i].length;
        Map<String, Lasso> violations = new LinkedHashMap<>();
        for (int k = 0; k < inst.size(); k++) {
            Instance in = inst.get(k);
            if (violations.containsKey(in.property())) continue;
            boolean[] region = region(n, succ, inP[k], inQ[k]);
            FairCycles.Cycle c = FairCycles.find(n, succ, label, enabled, region, weak, strong);
            if (c == null) continue;
            violations.put(in.property(), lasso(sys, in, n, succ, fpOf, inP[k], region, c));
        }
        return new Result(n, depth, edges, violations, (System.nanoTime() - t0) / 1e9, bytes);
    }

    /** The states not in Q reached from a state in P and not in Q without meeting Q. */
    private static boolean[] region(int n, int[][] succ, BitSet p, BitSet q) {
        boolean[] in = new boolean[n];
        ArrayDeque<Integer> work = new ArrayDeque<>();
        for (int i = 0; i < n; i++) if (p.get(i) && !q.get(i)) { in[i] = true; work.add(i); }
        while (!work.isEmpty()) {
            int v = work.poll();
            for (int w : succ[v]) if (!in[w] && !q.get(w)) { in[w] = true; work.add(w); }
        }
        return in;
    }

    /** The lasso: init -> a P-state (shortest), -> the loop's first state inside the region (shortest), then the loop. */
    private static Lasso lasso(JavaSystem sys, Instance in, int n, int[][] succ, long[] fpOf, BitSet p, boolean[] region, FairCycles.Cycle c) {
        int start = c.loop()[0];
        // the region state in P nearest (backwards within the region) to the loop's start
        int[] next = new int[n];
        Arrays.fill(next, -2);
        List<Integer>[] pred = predecessors(n, succ, region);
        ArrayDeque<Integer> q = new ArrayDeque<>();
        q.add(start);
        next[start] = -1;
        int seed = -1;
        while (!q.isEmpty()) {
            int v = q.poll();
            if (p.get(v)) { seed = v; break; }
            for (int u : pred[v]) if (next[u] == -2) { next[u] = v; q.add(u); }
        }
        if (seed < 0) throw new IllegalStateException("the fair cycle of " + in.property() + " is reached from no state where its promise is made");
        List<Integer> states = new ArrayList<>(shortestPath(n, succ, 0, seed));
        for (int v = next[seed]; v >= 0; v = next[v]) states.add(v);
        int backTo = states.size() - 1;
        int[] loop = c.loop();
        boolean stutter = loop.length == 2 && loop[0] == loop[1];
        for (int k = 1; k < loop.length - 1; k++) states.add(loop[k]);
        List<World> path = rebuild(sys, states, fpOf);
        return new Lasso(in.property(), in.name(), path, stutter ? -1 : backTo);
    }

    @SuppressWarnings("unchecked")
    private static List<Integer>[] predecessors(int n, int[][] succ, boolean[] region) {
        List<Integer>[] pred = new List[n];
        for (int i = 0; i < n; i++) pred[i] = new ArrayList<>();
        for (int v = 0; v < n; v++) if (region[v]) for (int w : succ[v]) if (region[w] && w != v) pred[w].add(v);
        return pred;
    }

    private static List<Integer> shortestPath(int n, int[][] succ, int from, int to) {
        int[] prev = new int[n];
        Arrays.fill(prev, -2);
        ArrayDeque<Integer> q = new ArrayDeque<>();
        q.add(from);
        prev[from] = -1;
        while (!q.isEmpty()) {
            int v = q.poll();
            if (v == to) break;
            for (int w : succ[v]) if (prev[w] == -2) { prev[w] = v; q.add(w); }
        }
        List<Integer> path = new ArrayList<>();
        for (int v = to; v >= 0; v = prev[v]) path.add(0, v);
        return path;
    }

    /** The worlds of a path of state numbers (each a successor of the one before), replayed from the initial state by their fingerprints. */
    private static List<World> rebuild(JavaSystem sys, List<Integer> states, long[] fpOf) {
        List<World> out = new ArrayList<>();
        World w = sys.init();
        out.add(w);
        for (int k = 1; k < states.size(); k++) {
            long want = fpOf[states.get(k)];
            World next = null;
            for (World y : sys.successors(w)) if (Fingerprint.of(y) == want) { next = y; break; }
            if (next == null) throw new IllegalStateException("cannot rebuild the lasso at step " + k);
            out.add(next);
            w = next;
        }
        return out;
    }
}
