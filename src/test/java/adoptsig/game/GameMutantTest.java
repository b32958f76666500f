package adoptsig.game;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The games decide small checks as recorded, and each deliberately broken game (a mutant)
 * decides one of them otherwise, so that a game that had lost what the mutant drops would be
 * caught: the pairwise game without escapes, without waiting or with the old surrogate
 * conflict; the belief game without its liveness condition or blind to what init's calls
 * return. A supervisor the broken belief game synthesizes fails the check against every
 * behaviour.
 */
class GameMutantTest {
    /** closed world, the unsynchronised dance: a conflict init can escape, and a supervisor exists. */
    private static final String ESCAPABLE = "closed-dance-classic-4-eager";
    /** open world, the dance: no supervisor is correct (a dead daemon init cannot tell from a live stranger). */
    private static final String IMPOSSIBLE = "open-dance-classic-4-settled";

    private static final Map<String, PairGame.Result> PAIRS = new ConcurrentHashMap<>();

    private static PairGame.Result pairs(String cell, PairGame.Mutant m) {
        return PAIRS.computeIfAbsent(cell + " " + m, k -> {
            PairGame g = new PairGame(Cells.arena(cell), m);
            PairGame.Result r = g.solve(x -> {}, 5_000_000);
            assertThat(g.forcedByRounds()).as("the two decisions of the attractor agree (%s, %s)", cell, m).isEqualTo(r.forced());
            return r;
        });
    }

    @ParameterizedTest(name = "{0} on {1}: {2} becomes {3}")
    @CsvSource({
            "NO_ESCAPE,     closed-dance-classic-4-eager, escapable conflict, forced conflict",
            "NO_WAITING,    closed-dance-classic-4-eager, escapable conflict, forced conflict",
            "WEAK_CONFLICT, closed-apue-classic-4-eager,  no conflict,        escapable conflict"})
    void eachMutantOfThePairwiseGameFlipsAVerdict(PairGame.Mutant mutant, String cell, String verdict, String broken) {
        PairGame.Result right = pairs(cell, PairGame.Mutant.NONE), wrong = pairs(cell, mutant);
        assertThat(right.verdict()).isEqualTo(verdict);
        assertThat(wrong.verdict()).isEqualTo(broken);
        assertThat(wrong.pairs()).as("the same pairs, judged otherwise").isEqualTo(right.pairs());
    }

    @Test
    void thePairwiseGameForcesAConflictOnlyWhereTheBeliefGameFindsNoSupervisor() {
        assertThat(pairs(IMPOSSIBLE, PairGame.Mutant.NONE).verdict()).isEqualTo("forced conflict");
        assertThat(Cells.belief(IMPOSSIBLE).verdict()).isEqualTo("impossible");
        assertThat(pairs(ESCAPABLE, PairGame.Mutant.NONE).forced()).isFalse();
        assertThat(pairs("closed-noFork-classic-3-eager", PairGame.Mutant.NONE).verdict()).isEqualTo("no conflict");
    }

    @Test
    void anImpossibleVerdictComesWithTheEnvironmentsPlayTold() {
        Arena a = Cells.arena(IMPOSSIBLE);
        BeliefGame.Result r = Cells.belief(IMPOSSIBLE);
        assertThat(r.verdict()).isEqualTo("impossible");
        assertThat(r.strategy()).isNull();
        LossStory loss = r.loss();
        assertThat(loss).isNotNull();
        assertThat(loss.steps()).isNotEmpty();
        assertThat(loss.steps().get(0)).isEqualTo("Spawn(a) -> 2");
        for (String step : loss.steps()) {
            String call = step.substring(0, step.indexOf(" -> "));
            assertThat(a.actions()).as(step).anyMatch(act -> act.name().equals(call));
        }
        assertThat(loss.why()).contains("StoppedDetectedProp");
        assertThat(loss.apart()).isNotEmpty();
        assertThat(Strategies.tellLoss(a, loss)).contains("init Spawn(a) -> 2");
    }

    @Test
    void theBeliefGameWithoutLivenessFindsASupervisorThatTheCheckRefutes() {
        Arena a = Cells.arena(IMPOSSIBLE);
        assertThat(Cells.belief(IMPOSSIBLE).verdict()).isEqualTo("impossible");
        BeliefGame.Result broken = new BeliefGame(a, BeliefGame.Mutant.NO_LIVENESS).solve(x -> {}, 1_000_000, 5_000_000);
        assertThat(broken.verdict()).isEqualTo("possible");
        assertThat(broken.beliefs()).as("the same beliefs").isEqualTo(Cells.belief(IMPOSSIBLE).beliefs());
        StrategyCheck.Result c = StrategyCheck.run(a, broken.strategy());
        assertThat(c.violation()).startsWith("StoppedDetectedProp for a: a fair cycle of ");
    }

    @Test
    void theBeliefGameWithoutLivenessPassesASupervisorThatNeverReportsADeath() {
        // where a supervisor exists, the broken game still synthesizes one, but not a correct one
        String cell = "closed-noFork-classic-3-eager";
        Arena a = Cells.arena(cell);
        assertThat(StrategyCheck.run(a, Cells.belief(cell).strategy()).violation()).isNull();
        BeliefGame.Result broken = new BeliefGame(a, BeliefGame.Mutant.NO_LIVENESS).solve(x -> {}, 1_000_000, 5_000_000);
        assertThat(broken.verdict()).isEqualTo("possible");
        assertThat(StrategyCheck.run(a, broken.strategy()).violation()).startsWith("StoppedDetectedProp for ");
    }

    @Test
    void aBlindBeliefGameFindsNoSupervisorWhereOneExists() {
        String cell = "closed-noFork-classic-3-eager";
        assertThat(Cells.belief(cell).verdict()).isEqualTo("possible");
        BeliefGame.Result blind = new BeliefGame(Cells.arena(cell), BeliefGame.Mutant.BLIND).solve(x -> {}, 1_000_000, 5_000_000);
        assertThat(blind.verdict()).isEqualTo("impossible");
        assertThat(blind.loss().steps()).startsWith("Spawn(a) -> 2", "Spawn(b) -> 3");
        assertThat(blind.loss().why()).contains("StoppedDetectedProp");
    }
}
