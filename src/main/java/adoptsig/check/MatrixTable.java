package adoptsig.check;

import adoptsig.catalog.Catalogue.Expected;
import adoptsig.catalog.Matrix;
import adoptsig.catalog.Matrix.Outcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The race-condition matrix as Markdown: a grid (mechanisms x idioms) whose cell says either
 * that every property holds, with the distinct-state count, or which properties are violated,
 * each with the length of its shortest counterexample; then a legend. The README's copy is
 * rendered from properties/matrix.tsv (ReadmeTest compares them); `matrix` renders the same
 * grid from what TLC found, so the two can be compared line by line.
 */
public final class MatrixTable {
    public static final String BEGIN = "<!-- matrix:begin (generated from properties/mechanisms.tsv, idioms.tsv and matrix.tsv; ReadmeTest checks it) -->";
    public static final String END = "<!-- matrix:end -->";

    private MatrixTable() {}

    /** A property's short label: the capitals of its id without the Inv/Prop suffix (SoundAttributionInv: SA). */
    public static String label(String property) {
        String base = property.replaceAll("(Inv|Prop)$", "");
        StringBuilder b = new StringBuilder();
        for (char c : base.toCharArray()) if (Character.isUpperCase(c)) b.append(c);
        return b.toString();
    }

    /** One cell's text from its outcomes (property -> outcome); "?" when nothing is known. */
    public static String cell(List<String> properties, Map<String, Outcome> outcomes) {
        if (outcomes.isEmpty()) return "?";
        StringBuilder bad = new StringBuilder();
        long states = -1;
        for (String p : properties) {
            Outcome o = outcomes.get(p);
            if (o == null) return "?";
            if (o.expected() == Expected.VIOLATED) {
                if (bad.length() > 0) bad.append(", ");
                bad.append("**").append(label(p)).append("**").append(o.steps() < 0 ? "" : " " + o.steps());
            } else if (states < 0) {
                states = o.states();
            }
        }
        if (bad.length() == 0) return String.format("safe (%,d)", states);
        return bad.toString();
    }

    /** The grid for the given outcomes (cell name -> property -> outcome). */
    public static String grid(Matrix m, int extraPids, Map<String, Map<String, Outcome>> outcomes) {
        List<Matrix.Idiom> idioms = List.copyOf(m.idioms());
        StringBuilder b = new StringBuilder("| mechanism \\ idiom |");
        for (Matrix.Idiom i : idioms) b.append(' ').append(i.issue()).append(". ").append(i.id()).append(" |");
        b.append("\n|---|");
        for (int k = 0; k < idioms.size(); k++) b.append("---|");
        b.append('\n');
        for (Matrix.Mechanism mech : m.mechanisms()) {
            b.append("| ").append(mech.issue()).append(". ").append(mech.id()).append(" |");
            for (Matrix.Idiom i : idioms) {
                String name = new Matrix.Cell(mech, i, extraPids).name();
                b.append(' ').append(cell(m.properties(), outcomes.getOrDefault(name, Map.of()))).append(" |");
            }
            b.append('\n');
        }
        b.append("\nA cell is **safe (N)** when every property holds; N is the number of distinct states TLC explored. "
                + "Otherwise it lists each violated property with the number of steps of its shortest counterexample "
                + "(a temporal property's counterexample is TLC's lasso, neither shortest nor stable from run to run, "
                + "so it has no number). Properties: ");
        StringBuilder legend = new StringBuilder();
        for (String p : m.properties()) {
            if (legend.length() > 0) legend.append(", ");
            legend.append(label(p)).append(" = ").append(p);
        }
        b.append(legend).append(".\n");
        return b.toString();
    }

    /** The grid of the recorded expectations (what the README shows). */
    public static String expectedGrid(Matrix m) {
        Map<String, Map<String, Outcome>> all = new LinkedHashMap<>();
        for (Matrix.Cell c : m.cells(0)) all.put(c.name(), m.expected(c.name()));
        return grid(m, 0, all);
    }

    /** The bounds of every idiom and mechanism as a Markdown table (for the README and matrix.md). */
    public static String bounds(Matrix m) {
        StringBuilder b = new StringBuilder("| idiom | program | services | PIDs | realtime queue | workers | what the daemon does |\n|---|---|---|---|---|---|---|\n");
        for (Matrix.Idiom i : m.idioms()) {
            b.append(String.format("| %d. %s | %s | %d | %d | %d | %s | %s |%n", i.issue(), i.id(), i.program(), i.services(), i.maxPid(),
                    i.rtLimit(), i.workers() ? "yes" : "no", i.description()));
        }
        b.append("\n| mechanism | extra PIDs per service | queue limit | what the supervisor does |\n|---|---|---|---|\n");
        for (Matrix.Mechanism x : m.mechanisms()) {
            b.append(String.format("| %d. %s | %d | %s | %s |%n", x.issue(), x.id(), x.extraPidsPerService(),
                    x.rtLimit() > 0 ? Integer.toString(x.rtLimit()) : "the idiom's", x.description()));
        }
        return b.toString();
    }

    /** The README's matrix section: the bounds, then the grid of the recorded expectations. */
    public static String readme(Matrix m) { return bounds(m) + "\n" + expectedGrid(m); }
}
