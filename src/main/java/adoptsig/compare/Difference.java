package adoptsig.compare;

import java.nio.file.Path;

/**
 * One way a run differs from the record: what differs (a model or a check, and the property or
 * the quantity: {@code rfc-dance / TracksLiveProcessInv}, {@code rfc-dance / state count}),
 * what the record says (null: nothing is recorded), what the run found, who found it (TLC, the
 * Java engine, distributed TLC, the belief game, ...), and where the evidence is (a trace, a
 * story, a log; null when none was saved).
 */
public record Difference(String subject, String item, String recorded, String found, String by, Path evidence) {
    public Difference {
        if (subject == null || found == null || by == null) throw new IllegalArgumentException("a difference needs a subject, a finding and who found it");
    }

    /** A difference with no saved evidence. */
    public Difference(String subject, String item, String recorded, String found, String by) {
        this(subject, item, recorded, found, by, null);
    }

    /** What differs: the subject, and the property or quantity after a slash. */
    public String what() { return item == null ? subject : subject + " / " + item; }

    /** The difference in one line: {@code what: recorded R; WHO: F; see EVIDENCE}. */
    public String line() {
        return what() + ": recorded " + (recorded == null ? "nothing" : recorded) + "; " + by + ": " + found + (evidence == null ? "" : "; see " + evidence);
    }
}
