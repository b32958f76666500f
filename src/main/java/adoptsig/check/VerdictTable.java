package adoptsig.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdict table of a `check` run, as aligned text for the terminal and as Markdown for
 * the run's results folder. Columns: model, property, expected, found, distinct states,
 * depth, counterexample length, time.
 */
public final class VerdictTable {
    private VerdictTable() {}

    private static List<String[]> rows(List<ModelOutcome> outcomes) {
        List<String[]> rows = new ArrayList<>();
        for (ModelOutcome o : outcomes) {
            for (Verdict v : o.verdicts()) {
                String found = v.actual() == null ? "undecided" : v.actual().word();
                rows.add(new String[] {
                        v.model(), v.property(), v.expected() == null ? "(none)" : v.expected().expected().word(),
                        found + (v.agrees() ? "" : "  <-- DIFFERS") + (v.note() == null ? "" : " (" + v.note() + ")"),
                        v.distinct() < 0 ? "-" : String.format("%,d", v.distinct()), v.depth() < 0 ? "-" : Integer.toString(v.depth()),
                        v.traceSteps() == 0 ? "-" : v.traceSteps() + " steps",
                        String.format("%.1f s", v.seconds())});
            }
        }
        return rows;
    }

    private static final String[] HEADER = {"model", "property", "expected", "found", "distinct", "depth", "counterexample", "time"};

    public static String text(List<ModelOutcome> outcomes) {
        List<String[]> rows = rows(outcomes);
        int[] w = new int[HEADER.length];
        for (int i = 0; i < w.length; i++) w[i] = HEADER[i].length();
        for (String[] r : rows) for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], r[i].length());
        StringBuilder b = new StringBuilder();
        line(b, HEADER, w);
        for (String[] r : rows) line(b, r, w);
        b.append('\n');
        for (ModelOutcome o : outcomes) {
            if (!o.counted()) {
                b.append(String.format("%s: state count not measured (only temporal properties were asked for, or a run was stopped); %d TLC runs, %.1f s%n",
                        o.job().name(), o.runs(), o.seconds()));
                continue;
            }
            String recorded = o.job().distinct() < 0 ? "no recorded count"
                    : String.format("recorded: %,d, depth %d", o.job().distinct(), o.job().depth());
            b.append(String.format("%s: %,d distinct states, depth %d (%s)%s; %d TLC runs, %.1f s%n",
                    o.job().name(), o.distinct(), o.depth(), recorded,
                    o.countsAgree() ? "" : "  <-- DIFFERS", o.runs(), o.seconds()));
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String[] r, int[] w) {
        for (int i = 0; i < r.length; i++) {
            b.append(String.format("%-" + w[i] + "s", r[i]));
            if (i < r.length - 1) b.append("  ");
        }
        b.append('\n');
    }

    public static String markdown(List<ModelOutcome> outcomes) {
        StringBuilder b = new StringBuilder("| ").append(String.join(" | ", HEADER)).append(" |\n|");
        for (int i = 0; i < HEADER.length; i++) b.append("---|");
        b.append('\n');
        for (String[] r : rows(outcomes)) b.append("| ").append(String.join(" | ", r)).append(" |\n");
        return b.toString();
    }
}
