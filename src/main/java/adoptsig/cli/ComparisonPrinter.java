package adoptsig.cli;

import adoptsig.InputError;
import adoptsig.RunFailure;
import adoptsig.compare.Comparison;
import adoptsig.compare.Difference;
import adoptsig.compare.Unfinished;

import java.io.PrintWriter;

/**
 * The one printer of a {@link Comparison}, for every command that compares a run with the
 * record (check, check --distributed, matrix, answer, explore --check): "All N model(s) agree
 * with the record." or "K difference(s) from the record:" with one line each, then the items
 * left undecided; and the exit code: 0 agrees, 1 differs, 2 when an undecided item was caused by
 * bad input, 3 when something was left undecided (thrown as a {@link RunFailure}, whose message
 * names the first item, so that the results folder's PARTIAL says it too).
 */
public final class ComparisonPrinter {
    private ComparisonPrinter() {}

    /** Prints the comparison and returns the exit code (0 or 1), or throws for 2 and 3. */
    public static int print(PrintWriter w, Comparison c) {
        if (c.uncompared() != null) {
            if (c.complete()) w.println(c.uncompared());
        } else if (c.agrees()) {
            int completed = c.compared() - c.unfinishedSubjects().size();
            if (c.complete()) w.printf("All %d %s agree with the record%s.%n", c.compared(), c.subjects(), c.scope());
            else if (completed > 0) w.printf("All %d %s that were completed agree with the record%s.%n", completed, c.subjects(), c.scope());
        } else {
            w.printf("%d difference(s) from the record:%n", c.differences().size());
            for (Difference d : c.differences()) w.printf("  %s%n", d.line());
        }
        if (!c.complete()) {
            w.printf("%d undecided:%n", c.unfinished().size());
            for (Unfinished u : c.unfinished()) w.printf("  %s%n", u.line());
        }
        w.flush();
        for (Unfinished u : c.unfinished()) {
            if (u.failure() != null && Failures.describe(u.failure()).code() == Main.BAD_INPUT) {
                throw new InputError(Failures.describe(u.failure()).line().replaceFirst("^error: ", ""));
            }
        }
        if (!c.complete()) {
            Unfinished first = c.unfinished().get(0);
            throw new RunFailure(c.unfinished().size() + " undecided (the first, " + first.what() + ": " + first.cause().replaceAll("\\s*\\R\\s*", " ") + ")"
                    + (c.advice() == null ? "" : "; " + c.advice()));
        }
        return c.agrees() ? Main.OK : Main.DIFFERS;
    }
}
