package adoptsig.game;

import adoptsig.Fixtures;
import adoptsig.catalog.Answers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guided search (init's calls in order of preference, widened where it loses) decides every
 * check of properties/answers.tsv that the whole belief game decided in up to 8,000 beliefs, and
 * the open world's dance with SIGCHLD alone (impossible), as the whole game did (its verdicts are
 * the record's, which `answer` reproduces), each supervisor it finds
 * holds against every behaviour, and it explores no more beliefs than the whole game in all;
 * stopped before every losing belief has every call (a mutant), it calls a loss where a
 * supervisor exists.
 */
class GuidedSearchTest {
    @Test
    void theGuidedSearchDecidesEverySmallCheckAsTheWholeGameDoes() {
        var project = Fixtures.PROJECT;
        List<String> checked = new ArrayList<>();
        long guidedBeliefs = 0, fullBeliefs = 0;
        for (Answers.Check c : project.answers().checks()) {
            if (c.suite().equals("large") || c.beliefs() < 0 || !c.search().equals("full")
                    || (c.beliefs() > 8_000 && !c.name().startsWith("open-dance-classic-4-"))) continue;
            Arena a = new Arena(project.setting(c)).build(x -> {}, 1_000_000);
            BeliefGame.Result guided = new BeliefGame(a).solveGuided(x -> {}, 1_000_000, 5_000_000);
            assertThat(guided.verdict()).as(c.name()).isEqualTo(c.verdict());
            if (guided.possible()) assertThat(StrategyCheck.run(a, guided.strategy()).violation()).as(c.name()).isNull();
            else assertThat(guided.loss()).as(c.name()).isNotNull();
            guidedBeliefs += guided.beliefs();
            fullBeliefs += c.beliefs();
            checked.add(c.name());
        }
        assertThat(checked).hasSizeGreaterThan(30).anyMatch(n -> n.startsWith("open-dance-classic"))
                .anyMatch(n -> project.answers().checks().stream().anyMatch(c -> c.name().equals(n) && c.verdict().equals("impossible")));
        assertThat(guidedBeliefs).isLessThan(fullBeliefs);
    }

    @Test
    void aGuidedSearchThatDoesNotWidenCallsALossWhereASupervisorExists() {
        String cell = "closed-noFork-classic-3-settled";
        Arena a = Cells.arena(cell);
        assertThat(new BeliefGame(a).solveGuided(x -> {}, 1_000_000, 5_000_000).verdict()).isEqualTo("possible");
        BeliefGame.Result broken = new BeliefGame(a, BeliefGame.Mutant.NO_WIDENING).solveGuided(x -> {}, 1_000_000, 5_000_000);
        assertThat(broken.verdict()).isEqualTo("impossible");
    }
}
