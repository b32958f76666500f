package adoptsig.kernel;

import java.util.List;

/**
 * One queued adoption signal: si_pid = the adopted process, si_status = its previous parent,
 * and (adoption mode "line") the previous parent's line of ancestors up to init. Spec:
 * [pid |-> .., prev |-> ..] or [pid |-> .., prev |-> .., line |-> <<..>>].
 */
public record Adoption(int pid, int prev, List<Integer> line) {
    public Adoption { line = line == null ? null : List.copyOf(line); }

    /** The RFC's message: si_pid and si_status. */
    public Adoption(int pid, int prev) { this(pid, prev, null); }
}
