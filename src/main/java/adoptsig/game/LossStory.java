package adoptsig.game;

import adoptsig.system.World;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Why no supervisor is correct, told: a play of the belief game in which init makes, at each
 * point, the call that keeps it out of trouble longest, and the environment answers so as to
 * force it in; it ends at a belief where no answers satisfy the properties in every state init
 * cannot tell apart (two such states are named), or at a cycle in which init can never bring a
 * dead service's thread to its end.
 */
public record LossStory(List<String> steps, String why, List<World> apart) {
    static LossStory ofSafety(BeliefGame g, boolean[] safe) {
        Arena a = g.arena();
        int n = g.beliefCount();
        // the environment's attractor rank to a bad belief: rank 0 bad; rank r: every move has a result of rank < r
        int[] rank = new int[n];
        java.util.Arrays.fill(rank, Integer.MAX_VALUE);
        for (int b = 0; b < n; b++) if (!g.isGood(b)) rank[b] = 0;
        for (int r = 1; ; r++) {
            boolean changed = false;
            for (int b = 0; b < n; b++) {
                if (rank[b] != Integer.MAX_VALUE) continue;
                boolean forced = true;
                for (BeliefGame.Move m : g.movesOf(b)) {
                    if (m == null) continue;
                    boolean some = false;
                    for (int k = 0; k < m.next().length; k++) {
                        if (rank[m.next()[k]] < r || (m.mid() != null && m.mid()[k] >= 0 && !g.midIsGood(m.mid()[k]))) some = true;
                    }
                    if (!some) { forced = false; break; }
                }
                if (forced) { rank[b] = r; changed = true; }
            }
            if (!changed) break;
        }
        List<String> steps = new ArrayList<>();
        int b = 0;
        while (b >= 0 && rank[b] > 0 && rank[b] != Integer.MAX_VALUE) {
            // init's call that delays the loss most; the environment's result that gets closest
            int bestAct = -1, bestNext = -1, bestRank = -1, bestR = -1;
            BeliefGame.Move[] ms = g.movesOf(b);
            for (int act = 0; act < ms.length; act++) {
                BeliefGame.Move m = ms[act];
                if (m == null) continue;
                int worst = Integer.MAX_VALUE, wk = -1, wnext = -1;
                for (int k = 0; k < m.next().length; k++) {
                    int q = m.next()[k];
                    int rq = rank[q];
                    if (m.mid() != null && m.mid()[k] >= 0 && !g.midIsGood(m.mid()[k])) { rq = 0; q = -1 - m.mid()[k]; }
                    if (rq < worst) { worst = rq; wk = k; wnext = q; }
                }
                if (worst > bestRank) { bestRank = worst; bestAct = act; bestR = wk; bestNext = wnext; }
            }
            Arena.Action act = a.actions.get(bestAct);
            steps.add(act.name() + " -> " + a.tell(act, ms[bestAct].results()[bestR]));
            b = bestNext;
            if (b < 0) break;                                   // the loss comes while init waits for its probe child
        }
        // two states of the bad belief that demand contradictory answers
        int[] bb = b < 0 ? g.midBelief(-1 - b) : g.belief(b);
        List<World> apart = new ArrayList<>();
        String why = "no answer satisfies the properties in every state of this belief";
        outer:
        for (int s = 0; s < a.setting.services().size(); s++) {
            long sound = -1L;
            for (int x : bb) sound &= ~a.inUse[x] | a.svcInUse[s][x];
            for (int x : bb) {
                if (!a.drained[x] || a.svcRunning[s][x] == 0 || (sound & a.svcRunning[s][x]) != 0) continue;
                String svc = a.setting.services().get(s);
                long runs = a.svcRunning[s][x];
                for (int y : bb) {
                    if ((a.inUse[y] & runs & ~a.svcInUse[s][y]) != 0) {
                        apart.add(a.state(x));
                        apart.add(a.state(y));
                        why = "init has every notification in the first state, where " + svc + " runs only as " + pids(runs)
                                + "; in the second, which init cannot tell from it, " + pids(a.inUse[y] & runs & ~a.svcInUse[s][y])
                                + " is another service's process: init cannot name a process of " + svc
                                + " without attributing another service's to it (TracksLiveProcessInv against SoundAttributionInv)";
                        break outer;
                    }
                }
            }
        }
        return new LossStory(steps, why, apart);
    }

    static LossStory ofLiveness(BeliefGame g, boolean[] win) {
        List<String> steps = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int p = 0;
        Arena a = g.arena();
        while (seen.add(p)) {
            int[][] pm = g.positionMoves(p);
            int b = g.positionBelief(p);
            int act = -1;
            for (int i = 0; i < pm.length; i++) if (pm[i] != null) { act = i; break; }
            if (act < 0) break;
            int k = 0;
            for (int r = 0; r < pm[act].length; r++) if (!win[pm[act][r]]) { k = r; break; }
            steps.add(a.actions.get(act).name() + " -> " + a.tell(a.actions.get(act), g.movesOf(b)[act].results()[k]));
            p = pm[act][k];
        }
        int[] owed = g.owedOf(p);
        List<World> apart = new ArrayList<>();
        if (owed.length > 0) apart.add(a.state(owed[0] >> 1));
        return new LossStory(steps, "the environment can come to rest in a state init cannot tell, for ever, from one where a dead service still runs, "
                + "or with something left unread: no supervisor meets StoppedDetectedProp and NotificationsReadProp there", apart);
    }

    private static String pids(long bits) {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < 63; p++) if ((bits & (1L << p)) != 0) out.add(p);
        return out.size() == 1 ? "PID " + out.get(0) : "PIDs " + out;
    }
}
