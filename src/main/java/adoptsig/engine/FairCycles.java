package adoptsig.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fair cycles on an explicit state graph, as TLC's liveness checker finds them: a behaviour
 * that stays for ever in a set of "bad" states (where a temporal property's promise is not
 * kept) violates the property if it can do so fairly. Actions are given as bits: bit f of an
 * edge's label says the edge is a step of action f, bit f of enabled[i] that action f is
 * enabled in state i. A strongly connected component of the bad states holds a cycle that is
 * fair for weakly fair actions wf and strongly fair actions sf exactly when (Emerson and Lei's
 * decomposition): every wf action is taken by an edge inside it or disabled in one of its
 * states; and every sf action is taken inside it or enabled in none of its states; when only
 * the second fails, the states enabling the offending sf actions are removed and the
 * components of what is left are tried in turn. Components are found with Tarjan's algorithm,
 * without recursion.
 */
public final class FairCycles {
    private FairCycles() {}

    /** A fair cycle: the states of its component, and a lasso (a path from state 0, then a cycle back to its first state). */
    public record Cycle(int[] component, int[] stem, int[] loop) {}

    /** The first fair cycle within the bad states, or null (every action in wf weakly fair, in sf strongly fair). */
    public static Cycle find(int n, int[][] succ, long[][] label, long[] enabled, boolean[] bad, long wf, long sf) {
        boolean[] allowed = bad.clone();
        ArrayDeque<int[]> work = new ArrayDeque<>();
        for (int[] c : components(n, succ, allowed)) work.add(c);
        int[] inComp = new int[n];
        Arrays.fill(inComp, -1);
        int stamp = 0;
        while (!work.isEmpty()) {
            int[] c = work.poll();
            stamp++;
            for (int v : c) inComp[v] = stamp;
            long taken = 0, enabledAny = 0, disabledSome = 0;
            boolean cyclic = c.length > 1;
            for (int v : c) {
                enabledAny |= enabled[v];
                disabledSome |= ~enabled[v];
                for (int k = 0; k < succ[v].length; k++) {
                    int w = succ[v][k];
                    if (inComp[w] != stamp) continue;
                    if (w == v) cyclic = true;
                    taken |= label[v][k];
                }
            }
            if (!cyclic) continue;
            long wfBad = wf & ~(taken | disabledSome);
            long sfBad = sf & enabledAny & ~taken;
            if (wfBad == 0 && sfBad == 0) return withStem(loopIn(c, stamp, inComp, succ, label, enabled, wf | sf, taken), c, n, succ);
            if (wfBad != 0) continue;
            boolean[] sub = new boolean[n];
            int left = 0;
            for (int v : c) if ((enabled[v] & sfBad) == 0) { sub[v] = true; left++; }
            if (left == 0) continue;
            for (int[] d : components(n, succ, sub)) work.add(d);
        }
        return null;
    }

    /** The strongly connected components of the subgraph of allowed states (Tarjan, iterative). */
    static List<int[]> components(int n, int[][] succ, boolean[] allowed) {
        List<int[]> out = new ArrayList<>();
        int[] index = new int[n], low = new int[n];
        Arrays.fill(index, -1);
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n], callNode = new int[n], callEdge = new int[n];
        int sp = 0, counter = 0;
        for (int root = 0; root < n; root++) {
            if (!allowed[root] || index[root] >= 0) continue;
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            index[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                if (callEdge[depth] < succ[v].length) {
                    int w = succ[v][callEdge[depth]++];
                    if (!allowed[w]) continue;
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    if (low[v] == index[v]) {
                        List<Integer> members = new ArrayList<>();
                        int w;
                        do { w = stack[--sp]; onStack[w] = false; members.add(w); } while (w != v);
                        out.add(members.stream().mapToInt(Integer::intValue).sorted().toArray());
                    }
                    depth--;
                    if (depth >= 0) low[callNode[depth]] = Math.min(low[callNode[depth]], low[v]);
                }
            }
        }
        return out;
    }

    /** A cycle inside the component through a source of an edge of each needed action taken, and a state disabling each other. */
    private static int[] loopIn(int[] members, int stamp, int[] inComp, int[][] succ, long[][] label, long[] enabled, long fair, long taken) {
        List<Integer> loop = new ArrayList<>();
        int start = members[0], cur = start;
        loop.add(start);
        for (int f = 0; f < 64; f++) {
            if ((fair & (1L << f)) == 0) continue;
            if ((taken & (1L << f)) != 0) {
                int from = -1, to = -1;
                for (int v : members) for (int k = 0; k < succ[v].length && from < 0; k++) {
                    if (inComp[succ[v][k]] == stamp && (label[v][k] & (1L << f)) != 0) { from = v; to = succ[v][k]; }
                }
                cur = walk(cur, from, stamp, inComp, succ, loop);
                loop.add(to);
                cur = to;
            } else {
                int target = -1;
                for (int v : members) if ((enabled[v] & (1L << f)) == 0) { target = v; break; }
                if (target >= 0) cur = walk(cur, target, stamp, inComp, succ, loop);
            }
        }
        walk(cur, start, stamp, inComp, succ, loop);
        if (loop.size() == 1) {                                     // nothing led away from start: any cycle through it
            int next = -1;
            for (int w : succ[start]) if (inComp[w] == stamp && (next < 0 || w == start)) next = w;
            loop.add(next);
            walk(next, start, stamp, inComp, succ, loop);
        }
        return loop.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A shortest path inside the component from a to b, appended to out (a excluded); returns b. */
    private static int walk(int a, int b, int stamp, int[] inComp, int[][] succ, List<Integer> out) {
        if (a == b) return b;
        java.util.Map<Integer, Integer> prev = new java.util.HashMap<>();
        ArrayDeque<Integer> q = new ArrayDeque<>();
        q.add(a);
        prev.put(a, -1);
        while (!q.isEmpty()) {
            int v = q.poll();
            if (v == b) break;
            for (int w : succ[v]) if (inComp[w] == stamp && !prev.containsKey(w)) { prev.put(w, v); q.add(w); }
        }
        List<Integer> path = new ArrayList<>();
        for (int v = b; v != a; v = prev.get(v)) path.add(v);
        java.util.Collections.reverse(path);
        out.addAll(path);
        return b;
    }

    /** The lasso's stem: a shortest path from state 0 to the cycle's first state. */
    private static Cycle withStem(int[] loop, int[] component, int n, int[][] succ) {
        int target = loop[0];
        int[] prev = new int[n];
        Arrays.fill(prev, -2);
        ArrayDeque<Integer> q = new ArrayDeque<>();
        q.add(0);
        prev[0] = -1;
        while (!q.isEmpty()) {
            int v = q.poll();
            if (v == target) break;
            for (int w : succ[v]) if (prev[w] == -2) { prev[w] = v; q.add(w); }
        }
        List<Integer> path = new ArrayList<>();
        for (int v = target; v >= 0; v = prev[v]) path.add(v);
        java.util.Collections.reverse(path);
        return new Cycle(component, path.stream().mapToInt(Integer::intValue).toArray(), loop);
    }
}
