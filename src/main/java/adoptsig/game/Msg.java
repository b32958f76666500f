package adoptsig.game;

import java.util.List;

/**
 * What init is told of one adoption (spec: Msg(c, p, par)): the adopted PID, and by interface
 * the previous parent (0 when the interface hides it) or the previous parent's line of
 * ancestors up to init (empty when not told). Equal messages are equal observations.
 */
public record Msg(int pid, int prev, List<Integer> line) implements Comparable<Msg> {
    public Msg { line = List.copyOf(line); }

    @Override public int compareTo(Msg o) {
        int c = Integer.compare(pid, o.pid);
        if (c != 0) return c;
        c = Integer.compare(prev, o.prev);
        if (c != 0) return c;
        return line.toString().compareTo(o.line.toString());
    }

    @Override public String toString() {
        return "(" + pid + (prev > 0 ? ", prev " + prev : "") + (line.isEmpty() ? "" : ", line " + line) + ")";
    }
}
