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

    @Test
    void listsEveryItemAndFindsTheRecordedStateCount() {
        Model m = Fixtures.PROJECT.models().model(MODEL);
        Fixtures.Run r = Fixtures.cli("profile", MODEL, "--passes", "2", "--top", "100", "--root", Fixtures.root().toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains(String.format("%,d distinct states,", m.distinct()))
                .contains(String.format("the state count is the record's (%,d)", m.distinct()))
                .contains("state invariants (25)").contains("action properties, on every step (2)")
                .contains("invariant       JoinedTypeInv").contains("invariant       TracksLiveProcessInv")
                .contains("action property ReapOnceProp").contains("action property DancedNeverAcquiresTtyProp")
                .contains("step            Unseen [p->2] (Supervisors line");
    }

    @Test
    void aWrongRecordedCountIsADifference() {
        Model m = Fixtures.PROJECT.models().model(MODEL);
        Path root = Fixtures.copy(tmp.resolve("root"));
        Fixtures.replaceOnce(root.resolve("properties/models.tsv"), MODEL + "\tcgroup\tdance\t-\tdefault\t" + m.distinct() + "\t",
                MODEL + "\tcgroup\tdance\t-\tdefault\t" + (m.distinct() + 1) + "\t");
        Fixtures.Run r = Fixtures.cli("profile", MODEL, "--passes", "2", "--root", root.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.DIFFERS);
        assertThat(r.out()).contains(String.format("the state count DIFFERS from the record: %,d here, %,d recorded", m.distinct(), m.distinct() + 1));
    }

    @Test
    void aSampleOfTheStatesIsNotCompared() {
        Fixtures.Run r = Fixtures.cli("profile", MODEL, "--passes", "2", "--max-states", "10", "--root", Fixtures.root().toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("10 distinct states (the first found; there are more)")
                .contains("not compared with the record: only the first 10 states were taken");
    }
}
