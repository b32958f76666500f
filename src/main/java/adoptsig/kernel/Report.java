package adoptsig.kernel;

import java.util.List;

/**
 * An adoption report the kernel keeps with a process reparented to init, when init asked for
 * kept reports: the adopted PID and the line of ancestors of its previous parent up to init
 * (previous parent first). Spec: [pid |-> .., line |-> <<..>>].
 */
public record Report(int pid, List<Integer> line) implements Comparable<Report> {
    public Report { line = List.copyOf(line); }

    @Override public int compareTo(Report o) {
        int c = Integer.compare(pid, o.pid);
        return c != 0 ? c : line.toString().compareTo(o.line.toString());
    }
}
