package adoptsig.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a run compares with the record (properties/expected.tsv, models.tsv, answers.tsv), the
 * same value whichever engine ran: TLC, distributed TLC, the Java engine or the games. It holds
 * every difference and every item left undecided, how many subjects (models or checks) were
 * compared, and what the run's summary says besides; the command line prints it in one way
 * (agree: exit 0, a difference: exit 1, something undecided: exit 3).
 *
 * @param subjects   what was compared, counted: "model(s)", "check(s)"
 * @param compared   how many of them
 * @param scope      said after "agree with the record" (such as " (verdicts only, at bigger bounds)"); empty for none
 * @param uncompared null when the run is compared with the record; else why it is not (said instead of the agreement)
 * @param advice     what to do about an undecided item (null: nothing to add)
 */
public record Comparison(String subjects, int compared, String scope, String uncompared, List<Difference> differences,
                         List<Unfinished> unfinished, String advice) {
    public Comparison {
        differences = List.copyOf(differences);
        unfinished = List.copyOf(unfinished);
    }

    /** Nothing differs. */
    public boolean agrees() { return differences.isEmpty(); }

    /** Everything was decided. */
    public boolean complete() { return unfinished.isEmpty(); }

    /** The subjects with an undecided item. */
    public Set<String> unfinishedSubjects() {
        Set<String> out = new LinkedHashSet<>();
        for (Unfinished u : unfinished) out.add(u.subject());
        return out;
    }

    /** Every line: the differences, then the undecided items. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Difference d : differences) out.add(d.line());
        for (Unfinished u : unfinished) out.add(u.line());
        return out;
    }

    /** A comparison built as a run goes: differences and undecided items added one by one. */
    public static final class Builder {
        private final String subjects;
        private int compared;
        private String scope = "", uncompared, advice;
        private final List<Difference> differences = new ArrayList<>();
        private final List<Unfinished> unfinished = new ArrayList<>();

        public Builder(String subjects) { this.subjects = subjects; }

        public Builder compared(int n) { compared = n; return this; }
        public Builder scope(String s) { scope = s; return this; }
        public Builder uncompared(String why) { uncompared = why; return this; }
        public Builder advice(String a) { advice = a; return this; }
        public Builder add(Difference d) { if (d != null) differences.add(d); return this; }
        public Builder addAll(List<Difference> ds) { ds.forEach(this::add); return this; }
        public Builder add(Unfinished u) { if (u != null) unfinished.add(u); return this; }
        public Builder addUnfinished(List<Unfinished> us) { us.forEach(this::add); return this; }
        public List<Difference> differences() { return List.copyOf(differences); }
        public List<Unfinished> unfinished() { return List.copyOf(unfinished); }

        public Comparison build() { return new Comparison(subjects, compared, scope, uncompared, differences, unfinished, advice); }
    }
}
