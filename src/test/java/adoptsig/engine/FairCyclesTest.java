package adoptsig.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fair cycles on small graphs built by hand, each case one the checker must get right: a cycle
 * among the bad states is found and its lasso is a real path and cycle; weak fairness excludes a
 * cycle that an action stays enabled on without being taken, strong fairness one that enables it
 * infinitely often, and each admits the cycle once the action is taken or (weak) disabled on
 * it. An implementation that ignored either mask, took a whole component as fair, or returned a
 * loop that skips the state or edge that makes it fair fails one of them. Random graphs are
 * compared with a brute-force search over every set of states.
 */
class FairCyclesTest {
    private static final long A = 1L << 1, B = 1L << 2;

    /** A graph under construction: states 0..n-1, labelled edges, enabled actions, bad states. */
    private static final class G {
        final int n;
        final List<Map<Integer, Long>> edges = new ArrayList<>();
        final long[] enabled;
        final boolean[] bad;

        G(int n) {
            this.n = n;
            for (int i = 0; i < n; i++) edges.add(new LinkedHashMap<>());
            enabled = new long[n];
            bad = new boolean[n];
        }

        G edge(int from, int to) { return edge(from, to, 0); }

        G edge(int from, int to, long label) { edges.get(from).merge(to, label, (x, y) -> x | y); return this; }

        G enable(long action, int... states) { for (int s : states) enabled[s] |= action; return this; }

        G bad(int... states) { for (int s : states) bad[s] = true; return this; }

        int[][] succ() {
            int[][] out = new int[n][];
            for (int i = 0; i < n; i++) out[i] = edges.get(i).keySet().stream().mapToInt(Integer::intValue).toArray();
            return out;
        }

        long[][] labels() {
            long[][] out = new long[n][];
            for (int i = 0; i < n; i++) out[i] = edges.get(i).values().stream().mapToLong(Long::longValue).toArray();
            return out;
        }

        FairCycles.Cycle find(long wf, long sf) { return FairCycles.find(n, succ(), labels(), enabled, bad, wf, sf); }

        boolean hasEdge(int from, int to) { return edges.get(from).containsKey(to); }

        long label(int from, int to) { return edges.get(from).get(to); }
    }

    /** What makes a lasso one: a path from state 0, a closed walk of bad states, fair for wf and sf. */
    private static void assertFairLasso(G g, FairCycles.Cycle c, long wf, long sf) {
        int[] stem = c.stem(), loop = c.loop();
        assertThat(stem[0]).as("the stem starts at the initial state").isZero();
        assertThat(stem[stem.length - 1]).as("the stem ends where the loop starts").isEqualTo(loop[0]);
        for (int k = 0; k + 1 < stem.length; k++) assertThat(g.hasEdge(stem[k], stem[k + 1])).as("stem step %d->%d", stem[k], stem[k + 1]).isTrue();
        assertThat(loop.length).as("a loop has a step").isGreaterThanOrEqualTo(2);
        assertThat(loop[loop.length - 1]).as("the loop closes").isEqualTo(loop[0]);
        long taken = 0, enabledSome = 0, disabledSome = 0;
        for (int k = 0; k + 1 < loop.length; k++) {
            assertThat(g.hasEdge(loop[k], loop[k + 1])).as("loop step %d->%d", loop[k], loop[k + 1]).isTrue();
            taken |= g.label(loop[k], loop[k + 1]);
        }
        for (int v : loop) {
            assertThat(g.bad[v]).as("loop state %d is bad", v).isTrue();
            assertThat(c.component()).as("the component holds the loop").contains(v);
            enabledSome |= g.enabled[v];
            disabledSome |= ~g.enabled[v];
        }
        assertThat(wf & ~(taken | disabledSome)).as("every weakly fair action taken or disabled on the loop").isZero();
        assertThat(sf & enabledSome & ~taken).as("every strongly fair action taken or never enabled on the loop").isZero();
    }

    @Test
    void aCycleOfBadStatesIsFoundAndItsLassoIsARealPathAndCycle() {
        G g = new G(5).edge(0, 1).edge(1, 2).edge(2, 3).edge(3, 1).edge(3, 4).edge(4, 4).bad(1, 2, 3);
        FairCycles.Cycle c = g.find(0, 0);
        assertThat(c).isNotNull();
        assertThat(c.component()).containsExactly(1, 2, 3);
        assertThat(c.loop()).contains(1, 2, 3);
        assertFairLasso(g, c, 0, 0);
    }

    @Test
    void aCycleThatLeavesTheBadStatesIsNotOneAndASelfLoopIs() {
        G g = new G(3).edge(0, 1).edge(1, 2).edge(2, 1).bad(1);
        assertThat(g.find(0, 0)).as("1 -> 2 -> 1 passes through a good state").isNull();
        G h = new G(3).edge(0, 1).edge(1, 2).edge(2, 2).bad(1, 2);
        FairCycles.Cycle c = h.find(0, 0);
        assertThat(c).isNotNull();
        assertThat(c.loop()).containsExactly(2, 2);
        assertFairLasso(h, c, 0, 0);
    }

    @Test
    void weakFairnessExcludesACycleOnWhichAnActionStaysEnabledAndIsNeverTaken() {
        // state 1 stutters for ever while A, enabled there, would leave for the good state 2
        G g = new G(3).edge(0, 1).edge(1, 1).edge(1, 2, A).edge(2, 2).enable(A, 1).bad(1);
        assertThat(g.find(A, 0)).as("A weakly fair").isNull();
        assertThat(g.find(0, A)).as("A strongly fair").isNull();
        assertThat(g.find(B, 0)).as("another action weakly fair").isNotNull();
        FairCycles.Cycle unfair = g.find(0, 0);
        assertThat(unfair).as("the mask ignored, the stutter is a cycle").isNotNull();
        assertThat(unfair.loop()).containsExactly(1, 1);
    }

    @Test
    void weakFairnessAdmitsACycleThatDisablesTheActionAndStrongFairnessDoesNot() {
        // 1 <-> 2, A enabled at 1 only and never taken: enabled infinitely often, not continuously
        G g = new G(4).edge(0, 1).edge(1, 2).edge(2, 1).edge(1, 3, A).edge(3, 3).enable(A, 1).bad(1, 2);
        FairCycles.Cycle weak = g.find(A, 0);
        assertThat(weak).as("weakly fair: A is disabled at 2").isNotNull();
        assertThat(weak.loop()).contains(2);
        assertFairLasso(g, weak, A, 0);
        assertThat(g.find(0, A)).as("strongly fair: A enabled at 1 infinitely often, never taken").isNull();
    }

    @Test
    void strongFairnessLeavesTheStatesEnablingTheActionAndTriesWhatIsLeft() {
        // as before, and 2 can also stay for ever: the fair cycle is 2's self-loop, which never enables A
        G g = new G(4).edge(0, 1).edge(1, 2).edge(2, 1).edge(2, 2).edge(1, 3, A).edge(3, 3).enable(A, 1).bad(1, 2);
        FairCycles.Cycle c = g.find(0, A);
        assertThat(c).isNotNull();
        assertThat(c.component()).containsExactly(2);
        assertThat(c.loop()).containsExactly(2, 2);
        assertFairLasso(g, c, 0, A);
    }

    @Test
    void bothKindsAdmitACycleThatTakesTheAction() {
        G g = new G(4).edge(0, 1).edge(1, 2).edge(2, 1).edge(2, 3, A).edge(3, 1).enable(A, 1, 2, 3).bad(1, 2, 3);
        for (long[] masks : new long[][] {{A, 0}, {0, A}, {A, A}}) {
            FairCycles.Cycle c = g.find(masks[0], masks[1]);
            assertThat(c).as("wf %d sf %d", masks[0], masks[1]).isNotNull();
            assertFairLasso(g, c, masks[0], masks[1]);
            assertThat(adjacent(c.loop(), 2, 3)).as("the loop takes A's edge 2 -> 3, not only 1 <-> 2").isTrue();
        }
    }

    @Test
    void theLoopVisitsTheStateThatDisablesAWeaklyFairAction() {
        // component {1, 2, 3}: A enabled at 1 and 2, never taken inside; only the detour through 3 makes it fair
        G g = new G(5).edge(0, 1).edge(1, 2).edge(2, 1).edge(1, 3).edge(3, 1).edge(1, 4, A).edge(4, 4).enable(A, 1, 2).bad(1, 2, 3);
        FairCycles.Cycle c = g.find(A, 0);
        assertThat(c).isNotNull();
        assertThat(c.loop()).contains(3);
        assertFairLasso(g, c, A, 0);
        assertThat(g.find(0, A)).as("strongly fair: 3 alone has no cycle").isNull();
    }

    @Test
    void randomGraphsAgreeWithASearchOfEverySetOfStates() {
        Random rnd = new Random(20240607);
        int found = 0, none = 0;
        for (int round = 0; round < 3000; round++) {
            int n = 2 + rnd.nextInt(6);
            G g = new G(n);
            for (int v = 1; v < n; v++) g.edge(0, v);
            for (int v = 0; v < n; v++) {
                for (int w = 0; w < n; w++) if (rnd.nextInt(3) == 0) g.edge(v, w, rnd.nextInt(2) == 0 ? 0 : 1L << (1 + rnd.nextInt(3)));
                g.enabled[v] = (rnd.nextInt(8) << 1) | g.edges.get(v).values().stream().reduce(0L, (x, y) -> x | y);
                g.bad[v] = rnd.nextInt(4) != 0;
            }
            long wf = (long) rnd.nextInt(8) << 1, sf = (long) rnd.nextInt(8) << 1 & ~wf;
            FairCycles.Cycle c = g.find(wf, sf);
            boolean exists = bruteForce(g, wf, sf);
            assertThat(c != null).as("round %d: n %d wf %d sf %d", round, n, wf, sf).isEqualTo(exists);
            if (c != null) { assertFairLasso(g, c, wf, sf); found++; } else none++;
        }
        assertThat(found).as("graphs with a fair cycle").isGreaterThan(300);
        assertThat(none).as("graphs without").isGreaterThan(300);
    }

    /** A fair cycle exists exactly when some set of bad states is strongly connected, has a step, and is fair with all its steps. */
    private static boolean bruteForce(G g, long wf, long sf) {
        for (int set = 1; set < 1 << g.n; set++) {
            boolean ok = true;
            for (int v = 0; v < g.n && ok; v++) if ((set & 1 << v) != 0 && !g.bad[v]) ok = false;
            if (!ok || !stronglyConnected(g, set)) continue;
            long taken = 0, enabledSome = 0, disabledSome = 0;
            boolean step = false;
            for (int v = 0; v < g.n; v++) {
                if ((set & 1 << v) == 0) continue;
                enabledSome |= g.enabled[v];
                disabledSome |= ~g.enabled[v];
                for (var e : g.edges.get(v).entrySet()) if ((set & 1 << e.getKey()) != 0) { taken |= e.getValue(); step = true; }
            }
            if (step && (wf & ~(taken | disabledSome)) == 0 && (sf & enabledSome & ~taken) == 0) return true;
        }
        return false;
    }

    private static boolean stronglyConnected(G g, int set) {
        int first = Integer.numberOfTrailingZeros(set);
        return reach(g, set, first, false) == set && reach(g, set, first, true) == set;
    }

    private static int reach(G g, int set, int from, boolean backwards) {
        int seen = 1 << from;
        for (boolean grew = true; grew; ) {
            grew = false;
            for (int v = 0; v < g.n; v++) {
                for (int w = 0; w < g.n; w++) {
                    int x = backwards ? w : v, y = backwards ? v : w;
                    if ((seen & 1 << x) != 0 && (set & 1 << y) != 0 && (seen & 1 << y) == 0 && g.hasEdge(v, w)) { seen |= 1 << y; grew = true; }
                }
            }
        }
        return seen;
    }

    private static boolean adjacent(int[] loop, int a, int b) {
        for (int k = 0; k + 1 < loop.length; k++) if (loop[k] == a && loop[k + 1] == b) return true;
        return false;
    }
}
