package adoptsig.check;

import adoptsig.catalog.Model;

import java.util.List;

/**
 * Everything a model's check produced: one verdict per property, the distinct-state count
 * and depth of the final complete safety run (compared with the manifest), and its runs.
 */
public record ModelOutcome(Model model, List<Verdict> verdicts, long distinct, int depth, double seconds, int runs) {
    /** The state count was measured (not when --property left no safety property to check). */
    public boolean counted() { return distinct >= 0; }

    /** A model with no recorded count (a matrix cell at --extra-pids bounds) agrees with any count. */
    public boolean countsAgree() {
        return !counted() || model.distinct() < 0 || (distinct == model.distinct() && depth == model.depth());
    }

    public boolean agrees() { return countsAgree() && verdicts.stream().allMatch(Verdict::agrees); }
}
