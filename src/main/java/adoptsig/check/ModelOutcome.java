package adoptsig.check;

import adoptsig.compare.Difference;
import adoptsig.compare.Unfinished;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a model's check produced: one verdict per property, the distinct-state count and
 * depth of the final complete safety run (compared with the record), and its runs: their
 * wall time, and their time of search (from TLC's initial states to its exit). failure: what
 * stopped the model's check before it decided its properties (null: nothing did); its
 * properties are then undecided.
 */
public record ModelOutcome(Job job, List<Verdict> verdicts, long distinct, int depth, double seconds, double searchSeconds, int runs,
                           Throwable failure) {
    public ModelOutcome(Job job, List<Verdict> verdicts, long distinct, int depth, double seconds, double searchSeconds, int runs) {
        this(job, verdicts, distinct, depth, seconds, searchSeconds, runs, null);
    }

    /** Every property was decided. */
    public boolean complete() { return failure == null && verdicts.stream().allMatch(Verdict::decided); }

    /** The state count was measured (not when only temporal properties were asked for). */
    public boolean counted() { return distinct >= 0; }

    public boolean countsAgree() {
        return !counted() || (job.distinct() < 0 && job.distinct() != Job.UNRECORDED) || (distinct == job.distinct() && depth == job.depth());
    }

    public boolean agrees() { return countsAgree() && verdicts.stream().allMatch(Verdict::agrees); }

    /** Every difference from the record: the state count and depth, then each property's verdict. */
    public List<Difference> differences() {
        List<Difference> out = new ArrayList<>();
        String found = String.format("%,d distinct states, depth %d", distinct, depth);
        if (!countsAgree() && job.distinct() == Job.UNRECORDED) out.add(new Difference(job.name(), "state count", null, found, "TLC"));
        else if (!countsAgree()) out.add(new Difference(job.name(), "state count", String.format("%,d distinct states, depth %d", job.distinct(), job.depth()), found, "TLC"));
        for (Verdict v : verdicts) if (v.difference() != null) out.add(v.difference());
        return out;
    }

    /** Every property left undecided, with the cause. */
    public List<Unfinished> unfinished() {
        List<Unfinished> out = new ArrayList<>();
        for (Verdict v : verdicts) {
            Unfinished u = v.unfinished();
            if (u != null) out.add(failure == null ? u : new Unfinished(u.subject(), u.item(), u.cause(), failure));
        }
        return out;
    }
}
