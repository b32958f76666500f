package adoptsig.game;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check of a synthesized supervisor against every behaviour: the belief game's supervisor
 * passes it wherever the game says "possible", and the same supervisor changed on purpose fails
 * it, each change with the property it breaks named (its safety invariants at the first state
 * that breaks one, its liveness properties at a fair cycle).
 */
class StrategyCheckTest {
    private static final String CELL = "closed-noFork-classic-3-eager";

    /** The synthesized supervisor with every state changed by f. */
    private static Strategy mutate(Arena a, Strategy st, UnaryOperator<Strategy.Node> f) {
        List<Strategy.Node> out = new ArrayList<>();
        for (Strategy.Node n : st.nodes()) out.add(f.apply(n));
        return Strategy.ofNodes(a, out);
    }

    private static String violation(UnaryOperator<Strategy.Node> f) {
        Arena a = Cells.arena(CELL);
        StrategyCheck.Result r = StrategyCheck.run(a, mutate(a, Cells.belief(CELL).strategy(), f));
        assertThat(r.violation()).as("the broken supervisor is caught").isNotNull();
        return r.violation();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"closed-noFork-classic-3-eager", "closed-noFork-classic-3-settled", "open-noFork-classic-3-eager",
            "open-noFork-classic-3-settled", "closed-noFork-rfc-3-eager", "open-dance-classic-3-eager", "closed-apue-classic-4-eager"})
    void wheneverTheBeliefGameFindsASupervisorItHoldsAgainstEveryBehaviour(String cell) {
        BeliefGame.Result r = Cells.belief(cell);
        assertThat(r.verdict()).isEqualTo("possible");
        assertThat(r.loss()).isNull();
        assertThat(r.strategy()).isNotNull();
        assertThat(r.strategy().size()).isPositive();
        StrategyCheck.Result c = StrategyCheck.run(Cells.arena(cell), r.strategy());
        assertThat(c.violation()).isNull();
        assertThat(c.states()).isGreaterThanOrEqualTo(r.strategy().size());
    }

    @Test
    void aSupervisorThatAttributesNoPidLosesTrackOfALiveProcess() {
        assertThat(violation(n -> new Strategy.Node(n.id(), n.call(), new long[n.believed().length], n.stopped(), n.started(), n.next(), n.told())))
                .startsWith("TracksLiveProcessInv at machine state ");
    }

    @Test
    void aSupervisorThatAttributesEveryPidAttributesAnotherServicesProcess() {
        assertThat(violation(n -> {
            long[] all = new long[n.believed().length];
            Arrays.fill(all, ~0L);
            return new Strategy.Node(n.id(), n.call(), all, n.stopped(), n.started(), n.next(), n.told());
        })).startsWith("SoundAttributionInv at machine state ");
    }

    @Test
    void aSupervisorThatReportsEveryServiceStoppedReportsARunningOneStopped() {
        assertThat(violation(n -> {
            boolean[] stopped = new boolean[n.stopped().length];
            Arrays.fill(stopped, true);
            return new Strategy.Node(n.id(), n.call(), n.believed(), stopped, n.started(), n.next(), n.told());
        })).startsWith("RunningReportedInv at machine state ");
    }

    @Test
    void aSupervisorThatNeverReportsAServiceStoppedMissesItsDeath() {
        assertThat(violation(n -> new Strategy.Node(n.id(), n.call(), n.believed(), new boolean[n.stopped().length], n.started(), n.next(), n.told())))
                .startsWith("StoppedDetectedProp for a: a fair cycle of ");
    }

    @Test
    void aSupervisorThatStopsReapingOnceEveryServiceIsStoppedLeavesAZombieUnread() {
        Arena a = Cells.arena(CELL);
        int[] changed = {0};
        String v = violation(n -> {
            boolean allStopped = true;
            for (boolean s : n.stopped()) allStopped &= s;
            if (!n.call().equals("WaitAny") || !allStopped) return n;
            changed[0]++;
            Map<Long, Integer> self = new LinkedHashMap<>();            // reads SIGCHLD for ever, whatever it returns
            self.put(Arena.EAGAIN, n.id());
            for (long p = 0; p <= a.setting().maxPid(); p++) self.put(p, n.id());
            return new Strategy.Node(n.id(), "ReadSigchld", n.believed(), n.stopped(), n.started(), self, n.told());
        });
        assertThat(changed[0]).as("states that reap with every service stopped").isPositive();
        assertThat(v).startsWith("NotificationsReadProp: a fair cycle of ");
    }

    @Test
    void aSupervisorWithoutATransitionForAResultIsRejected() {
        assertThat(violation(n -> {
            if (n.next().size() < 2) return n;
            Map<Long, Integer> fewer = new LinkedHashMap<>(n.next());
            fewer.remove(fewer.keySet().iterator().next());
            return new Strategy.Node(n.id(), n.call(), n.believed(), n.stopped(), n.started(), fewer, n.told());
        })).startsWith("no transition for result ");
    }

    /** A machine of one state that reaps for ever and never starts a service, answering nothing. */
    private static Strategy neverStarts(Arena a) {
        Map<Long, Integer> self = new LinkedHashMap<>();
        self.put(Arena.ECHILD, 0);
        for (long p = 0; p <= a.setting().maxPid(); p++) self.put(p, 0);
        int ns = a.setting().services().size();
        return Strategy.ofNodes(a, List.of(new Strategy.Node(0, "WaitAny", new long[ns], new boolean[ns], 0, self, "never starts")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"closed-noFork-classic-3-eager", "closed-noFork-classic-3-settled", "open-dance-classic-4-eager", "open-dance-classic-4-settled"})
    void aSupervisorThatNeverStartsAServiceFailsTheStartRegime(String cell) {
        Arena a = Cells.arena(cell);
        String regime = cell.substring(cell.lastIndexOf('-') + 1);
        assertThat(StrategyCheck.run(a, neverStarts(a)).violation()).startsWith("the " + regime + " start regime for a: a cycle of ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"open-dance-classic-4-eager", "open-dance-classic-4-settled"})
    void theGameWithoutItsStartRegimeFindsASupervisorThatTheCheckRefutes(String cell) {
        Arena a = Cells.arena(cell);
        assertThat(Cells.belief(cell).verdict()).isEqualTo("impossible");
        BeliefGame.Result broken = new BeliefGame(a, BeliefGame.Mutant.NO_START).solve(x -> {}, 1_000_000, 5_000_000);
        assertThat(broken.verdict()).isEqualTo("possible");
        assertThat(StrategyCheck.run(a, broken.strategy()).violation()).contains(" start regime for a: a cycle of ");
    }
}
