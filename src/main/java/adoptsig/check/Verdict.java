package adoptsig.check;

import adoptsig.catalog.Expected;
import adoptsig.catalog.Outcome;
import adoptsig.compare.Difference;
import adoptsig.compare.Unfinished;

import java.nio.file.Path;

/**
 * The decision for one property of one model: what was expected (null: nothing recorded), what
 * TLC found (null: undecided, the run was stopped at its time limit), the state count and
 * depth of the run that decided it, the counterexample's length (0 when it holds), the run's
 * wall time, where the raw trace and the story were saved, and a note (which conjunct broke).
 */
public record Verdict(String model, String property, Outcome expected, Expected actual, long distinct, int depth,
                      int traceSteps, double seconds, Path trace, Path story, String note, boolean compareSteps) {
    public boolean decided() { return actual != null; }

    /** Agrees with the record: same verdict, and (for a recorded violation) the same counterexample length. */
    public boolean agrees() {
        if (expected == null || actual == null || expected.expected() != actual) return false;
        return !compareSteps || expected.steps() < 0 || expected.steps() == traceSteps;
    }

    /** Who decided it: the Java engine (its liveness check, for a temporal property under `check --temporal java`) or TLC. */
    public String engine() { return note != null && note.startsWith("Java engine") ? "Java engine" : "TLC"; }

    /** How it differs from the record; null when it agrees or was not decided (see {@link #unfinished()}). */
    public Difference difference() {
        if (actual == null || agrees()) return null;
        String found = actual.word() + (actual == Expected.VIOLATED && traceSteps > 0 && compareSteps ? " in " + traceSteps + " steps" : "");
        return new Difference(model, property, expected == null ? null : expected.text(), found, engine(), actual == Expected.VIOLATED ? trace : null);
    }

    /** Why it was not decided; null when it was. */
    public Unfinished unfinished() {
        return actual != null ? null : new Unfinished(model, property, note != null ? note : "TLC was stopped at the time limit");
    }

    /** The outcome as measured, in the form of properties/expected.tsv. */
    public Outcome measured(boolean safety) {
        return new Outcome(actual, actual == Expected.VIOLATED && safety ? traceSteps : -1);
    }
}
