package adoptsig.game;

import adoptsig.engine.FairCycles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A strategy played against every behaviour of the environment, checked state by state: the
 * product of the strategy's machine and one copy of the system, in which the environment moves
 * freely and init makes the machine's call and follows its result. At every state the machine's
 * answers must satisfy SoundAttributionInv, RunningReportedInv and TracksLiveProcessInv, and no
 * fair cycle (the daemons' program steps strongly fair, init's calls weakly fair) may keep a dead service
 * reported running (StoppedDetectedProp) or a notification unread (NotificationsReadProp), and
 * the start regime must hold: no cycle on which a service stays unstarted and init never calls
 * its Spawn (eager: on any behaviour in which init keeps making calls, fair to the daemons or not;
 * settled: on fair behaviours). This does not use beliefs: it checks what the game claims of the
 * strategy.
 */
public final class StrategyCheck {
    /** What the check found: the states of the product, and the first violation (null if none). */
    public record Result(long states, String violation) {}

    public static Result run(Arena a, Strategy st) {
        Map<Long, Integer> ids = new HashMap<>();
        List<long[]> nodes = new ArrayList<>();
        List<int[]> succ = new ArrayList<>();
        List<long[]> labels = new ArrayList<>();
        List<Long> enabled = new ArrayList<>();
        id(ids, nodes, 0, 0);
        int ns = a.setting.services().size();
        for (int i = 0; i < nodes.size(); i++) {
            long[] cur = nodes.get(i);
            int node = (int) cur[0], x = (int) cur[1], wait = a.waitingFor[x];
            Strategy.Node nd = st.nodes().get(node);
            for (int s = 0; s < ns; s++) {
                long bel = nd.believed()[s];
                if ((bel & a.inUse[x] & ~a.svcInUse[s][x]) != 0) return new Result(nodes.size(), "SoundAttributionInv at machine state " + node + " in " + a.state(x));
                boolean lives = a.svcRunning[s][x] != 0;
                if (lives && nd.stopped()[s]) return new Result(nodes.size(), "RunningReportedInv at machine state " + node + " in " + a.state(x));
                if (a.drained[x] && lives && (bel & a.svcRunning[s][x]) == 0) return new Result(nodes.size(), "TracksLiveProcessInv at machine state " + node + " in " + a.state(x));
            }
            List<Integer> out = new ArrayList<>();
            List<Long> lab = new ArrayList<>();
            for (int k = a.envAt[x]; k < a.envAt[x + 1]; k++) {
                out.add(id(ids, nodes, node, a.envTo[k]));
                lab.add(a.envBy[k] == 0 ? 0L : 1L << a.envBy[k]);
            }
            boolean initEnabled = true;
            if (wait != 0) {                                          // a machine state of waiting: its call is the waitpid
                if (!nd.call().equals(Strategy.waitProbe(wait)) || !nd.next().containsKey((long) wait)) {
                    return new Result(nodes.size(), "the machine's call at machine state " + node + " is " + nd.call() + " while init waits for its probe child "
                            + wait + " in " + a.state(x));
                }
                int y = a.reapProbe(x, wait);
                if (y >= 0) { out.add(id(ids, nodes, nd.next().get((long) wait), y)); lab.add(2L); }
                else initEnabled = false;
            } else {
                Arena.Action act = null;
                for (Arena.Action c : a.actions) if (c.name().equals(nd.call())) act = c;
                if (act == null) return new Result(nodes.size(), "the machine's call at machine state " + node + " is " + nd.call()
                        + ", not one of init's calls here (init waits for no probe child) in " + a.state(x));
                if (a.next(x, act.id()) == -3) return new Result(nodes.size(), "the machine calls " + nd.call() + " where it does not apply");
                long o = a.obs(x, act.id());
                Integer to = nd.next().get(o);
                if (to == null) return new Result(nodes.size(), "no transition for result " + a.tell(act, o) + " at machine state " + node + " in " + a.state(x));
                out.add(id(ids, nodes, to, a.next(x, act.id())));
                lab.add(2L);
            }
            succ.add(out.stream().mapToInt(Integer::intValue).toArray());
            labels.add(lab.stream().mapToLong(Long::longValue).toArray());
            enabled.add(a.fairEnabled[x] | (initEnabled ? 2L : 0L));
        }
        int n = nodes.size();
        int[][] sc = succ.toArray(int[][]::new);
        long[][] lb = labels.toArray(long[][]::new);
        long[] en = enabled.stream().mapToLong(Long::longValue).toArray();
        long sf = 0;                                   // the daemons' program steps: strongly fair; init's calls: weakly fair
        for (long e : en) sf |= e & ~2L;
        for (int s = 0; s <= ns; s++) {
            boolean[] bad = new boolean[n];
            for (int i = 0; i < n; i++) {
                int x = (int) nodes.get(i)[1];
                Strategy.Node nd = st.nodes().get((int) nodes.get(i)[0]);
                bad[i] = s < ns ? (a.started[x] & (1 << s)) != 0 && a.svcRunning[s][x] == 0 && !nd.stopped()[s] : !a.drained[x];
            }
            FairCycles.Cycle c = FairCycles.find(n, sc, lb, en, bad, 2L, sf);
            if (c != null) {
                int x = (int) nodes.get(c.loop()[0])[1];
                String what = s < ns ? "StoppedDetectedProp for " + a.setting.services().get(s) : "NotificationsReadProp";
                return new Result(n, what + ": a fair cycle of " + c.loop().length + " steps through " + a.state(x));
            }
        }
        // the start regime: for each service, no cycle on which it stays unstarted and init never calls its Spawn; eager: on any
        // behaviour in which init keeps making calls (the daemons need not be fair: init may not wait for them); settled: on fair ones
        boolean eager = a.setting.regime().equals("eager");
        for (int s = 0; s < ns; s++) {
            String spawn = "Spawn(" + a.setting.services().get(s) + ")";
            boolean[] bad = new boolean[n];
            for (int i = 0; i < n; i++) {
                int x = (int) nodes.get(i)[1];
                Strategy.Node nd = st.nodes().get((int) nodes.get(i)[0]);
                bad[i] = (a.started[x] & (1 << s)) == 0 && !(a.waitingFor[x] == 0 && nd.call().equals(spawn));
            }
            FairCycles.Cycle c = FairCycles.find(n, sc, lb, en, bad, 2L, eager ? 0L : sf);
            if (c != null) {
                int x = (int) nodes.get(c.loop()[0])[1];
                return new Result(n, "the " + a.setting.regime() + " start regime for " + a.setting.services().get(s) + ": a cycle of " + c.loop().length
                        + " steps on which it is never started and init never calls " + spawn + ", through " + a.state(x));
            }
        }
        return new Result(n, null);
    }

    private static int id(Map<Long, Integer> ids, List<long[]> nodes, int node, int x) {
        long key = ((long) node << 32) | x;
        Integer i = ids.get(key);
        if (i != null) return i;
        ids.put(key, nodes.size());
        nodes.add(new long[] {node, x});
        return nodes.size() - 1;
    }
}
