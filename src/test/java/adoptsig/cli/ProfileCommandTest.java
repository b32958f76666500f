package adoptsig.cli;

import adoptsig.Fixtures;
import adoptsig.catalog.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `profile` times TLC's evaluator item by item over a model's states: every state invariant and
 * action property the model checks is listed, and its one check, the state count against the
 * record, fails when the record is wrong.
 */
class ProfileCommandTest {
    @TempDir Path tmp;

    static final String MODEL = "cgroup-dance";

    /** A copy of the project whose models.tsv records this state count for the model. */
    private Path rootRecording(String count) {
        Model m = Fixtures.PROJECT.models().model(MODEL);
        Path root = Fixtures.copy(tmp.resolve("root"));
        String row = MODEL + "\tcgroup\tdance\t-\tdefault\t";
        Fixtures.replaceOnce(root.resolve("properties/models.tsv"), row + m.distinct() + "\t", row + count + "\t");
        return root;
    }

    @Test
    void listsEveryItemAndFindsTheRecordedStateCount() {
        Model m = Fixtures.PROJECT.models().model(MODEL);
        Fixtures.Run r = Fixtures.cli("profile", MODEL, "--passes", "2", "--top", "100", "--root", Fixtures.root().toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains(String.format("%,d distinct states,", m.distinct()))
                .contains(String.format("the state count is the record's (%,d)", m.distinct()))
                .contains("25 state invariants").contains("2 action properties, on every step")
                .contains("invariant       JoinedTypeInv").contains("invariant       TracksLiveProcessInv")
                .contains("action property ReapOnceProp").contains("action property DancedNeverAcquiresTtyProp")
                .contains("step            Unseen [p->2] (Supervisors line");
        // the first pass's total is the sum of its rows, the fingerprints' included
        double total = 0, parts = 0;
        for (String line : r.out().lines().toList()) {
            var x = java.util.regex.Pattern.compile("\\[([0-9.]+)\\]$").matcher(line.strip());
            if (!x.find()) continue;
            double v = Double.parseDouble(x.group(1));
            if (line.contains(" in all ")) total = v;
            else if (line.contains("disjuncts of Next") || line.contains("state invariants") || line.contains("action properties")
                    || line.contains("fingerprints of the successors")) parts += v;
        }
        assertThat(total).isPositive();
        assertThat(parts).isCloseTo(total, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void aWrongRecordedCountIsADifference() {
        Model m = Fixtures.PROJECT.models().model(MODEL);
        Path root = rootRecording(String.valueOf(m.distinct() + 1));
        Fixtures.Run r = Fixtures.cli("profile", MODEL, "--passes", "2", "--root", root.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.DIFFERS);
        assertThat(r.out()).contains(String.format("the state count DIFFERS from the record: %,d here, %,d recorded", m.distinct(), m.distinct() + 1));
    }

    @Test
    void aModelWithNoRecordedCountIsNotCompared() {
        Path root = rootRecording("-");
        Fixtures.Run r = Fixtures.cli("profile", MODEL, "--passes", "2", "--root", root.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("no recorded state count to compare with");
    }

    /** The profile of a copy of the project whose InitNeverExitsInv is defined as body. */
    private Fixtures.Run profileWithInitNeverExitsInv(String body) {
        Path root = Fixtures.copy(tmp.resolve("root"));
        Fixtures.replaceOnce(root.resolve("spec/Properties.tla"), "InitNeverExitsInv == pstate[InitPid] = \"running\"",
                "InitNeverExitsInv == " + body);
        return Fixtures.cli("profile", MODEL, "--passes", "2", "--root", root.toString());
    }

    @Test
    void anEvaluationErrorIsBadInputNamingTheItem() {
        Fixtures.Run r = profileWithInitNeverExitsInv("pstate[InitPid] = 1");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).startsWith("adoptsig: error: TLC's evaluator failed on InitNeverExitsInv after ").doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void aSpecThatDoesNotLoadIsBadInputWithSanysErrorAlone() {
        Fixtures.Run r = profileWithInitNeverExitsInv("NoSuchOperator");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).startsWith("adoptsig: error: cannot load MCAdoption in TLC's evaluator").contains("NoSuchOperator")
                .doesNotContain("Parsing file").hasLineCount(1);
    }

    @Test
    void aSampleOfTheStatesIsNotCompared() {
        Fixtures.Run r = Fixtures.cli("profile", MODEL, "--passes", "2", "--max-states", "10", "--root", Fixtures.root().toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("10 distinct states (the first found; there are more)")
                .contains("not compared with the record: only the first 10 states were taken");
    }
}
