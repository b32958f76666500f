package adoptsig.cli;

import adoptsig.InputError;
import adoptsig.RunFailure;
import adoptsig.catalog.Expected;
import adoptsig.catalog.Outcome;
import adoptsig.check.Verdict;
import adoptsig.compare.Comparison;
import adoptsig.compare.Difference;
import adoptsig.compare.Unfinished;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one printer of a comparison with the record, which every comparing command uses: the
 * agreement line and exit 0, the difference lines and exit 1, undecided items as a failure to
 * complete (exit 3) or, when bad input caused them, as bad input (exit 2); and the differences a
 * verdict makes, whoever found it.
 */
class ComparisonPrinterTest {
    private final StringWriter out = new StringWriter();
    private final PrintWriter w = new PrintWriter(out);

    @Test
    void agreementIsOneLineAndExitZero() {
        assertThat(ComparisonPrinter.print(w, new Comparison.Builder("model(s)").compared(2).build())).isEqualTo(Main.OK);
        assertThat(out.toString()).isEqualTo(String.format("All 2 model(s) agree with the record.%n"));
    }

    @Test
    void eachDifferenceIsALineSayingWhatWhoAndWhereTheEvidenceIs() {
        Comparison c = new Comparison.Builder("check(s)").compared(3)
                .add(new Difference("closed-noFork-classic-3-eager", "beliefs", "80", "81", "belief game", Path.of("runs/story.txt")))
                .add(new Difference("rfc-dance", "state count", null, "1,234 distinct states, depth 9", "TLC")).build();
        assertThat(ComparisonPrinter.print(w, c)).isEqualTo(Main.DIFFERS);
        assertThat(out.toString()).isEqualTo(String.format("2 difference(s) from the record:%n"
                + "  closed-noFork-classic-3-eager / beliefs: recorded 80; belief game: 81; see runs/story.txt%n"
                + "  rfc-dance / state count: recorded nothing; TLC: 1,234 distinct states, depth 9%n"));
    }

    @Test
    void somethingUndecidedIsARunNotCompletedWithTheFirstItemNamed() {
        Comparison c = new Comparison.Builder("model(s)").compared(2).advice("try again")
                .add(new Unfinished("rfc-workers-q2", "TypeInv", "TLC stopped at the time limit of 1 s")).build();
        assertThatThrownBy(() -> ComparisonPrinter.print(w, c)).isInstanceOf(RunFailure.class)
                .hasMessage("1 undecided (the first, rfc-workers-q2 / TypeInv: TLC stopped at the time limit of 1 s); try again");
        assertThat(out.toString()).isEqualTo(String.format("All 1 model(s) that were completed agree with the record.%n"
                + "1 undecided:%n  rfc-workers-q2 / TypeInv: undecided (TLC stopped at the time limit of 1 s)%n"));
        assertThat(Failures.describe(new RunFailure("x")).code()).isEqualTo(Main.INCOMPLETE);
    }

    @Test
    void anItemLeftUndecidedByBadInputIsBadInput() {
        Comparison c = new Comparison.Builder("model(s)").compared(1)
                .add(new Unfinished("m", "P", "no such operator", new InputError("spec/X.tla:3: no such operator"))).build();
        assertThatThrownBy(() -> ComparisonPrinter.print(w, c)).isInstanceOf(InputError.class).hasMessage("spec/X.tla:3: no such operator");
    }

    @Test
    void aRunNotComparedSaysWhyAndExitsZero() {
        Comparison c = new Comparison.Builder("model(s)").compared(1).uncompared("Nothing compared.").build();
        assertThat(ComparisonPrinter.print(w, c)).isEqualTo(Main.OK);
        assertThat(out.toString()).isEqualTo(String.format("Nothing compared.%n"));
    }

    @Test
    void aVerdictDiffersInItsVerdictOrItsLengthAndAnUndecidedOneIsUnfinished() {
        Path trace = Path.of("trace-X.txt");
        Verdict longer = new Verdict("m", "X", new Outcome(Expected.VIOLATED, 13), Expected.VIOLATED, 10, 3, 12, 0, trace, null, null, true);
        assertThat(longer.difference().line()).isEqualTo("m / X: recorded violated in 13 steps; TLC: violated in 12 steps; see trace-X.txt");
        Verdict other = new Verdict("m", "X", new Outcome(Expected.HOLDS, -1), Expected.VIOLATED, 10, 3, 12, 0, trace, null, "Java engine: lasso", false);
        assertThat(other.difference()).isEqualTo(new Difference("m", "X", "holds", "violated", "Java engine", trace));
        Verdict undecided = new Verdict("m", "X", new Outcome(Expected.HOLDS, -1), null, -1, -1, 0, 0, null, null, "stopped", true);
        assertThat(undecided.difference()).isNull();
        assertThat(undecided.unfinished().line()).isEqualTo("m / X: undecided (stopped)");
        Verdict same = new Verdict("m", "X", new Outcome(Expected.VIOLATED, 12), Expected.VIOLATED, 10, 3, 12, 0, trace, null, null, true);
        assertThat(same.difference()).isNull();
        assertThat(same.unfinished()).isNull();
    }
}
