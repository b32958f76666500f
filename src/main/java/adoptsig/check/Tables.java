package adoptsig.check;

import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Expected;
import adoptsig.catalog.Idiom;
import adoptsig.catalog.Mechanism;
import adoptsig.catalog.Model;
import adoptsig.catalog.Models;
import adoptsig.catalog.Outcome;
import adoptsig.catalog.Property;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The tables, as Markdown, from recorded or measured outcomes: the bounds of every idiom and
 * mechanism, the grid (mechanisms x idioms: "safe (N)" with the distinct-state count, or each
 * violated property with the length of its shortest counterexample), and the table of the
 * models outside the grid. The README's sections are rendered from the data files (ReadmeTest
 * compares them); `check` renders the same tables from what TLC found.
 */
public final class Tables {
    /** A README section between two markers. */
    public record Section(String name, String begin, String end, String text) {}

    private Tables() {}

    /** A property's short label: the capitals of its id without the Inv/Prop suffix (SoundAttributionInv: SA). */
    public static String label(String property) {
        String base = property.replaceAll("(Inv|Prop)$", "");
        StringBuilder b = new StringBuilder();
        for (char c : base.toCharArray()) if (Character.isUpperCase(c)) b.append(c);
        return b.toString();
    }

    /** One grid cell: "safe (N)", or every violated property (Debug checks left out) with its counterexample's length. */
    public static String cell(Map<String, Outcome> outcomes, long states) {
        if (outcomes.isEmpty()) return "?";
        StringBuilder bad = new StringBuilder();
        for (var e : outcomes.entrySet()) {
            if (e.getKey().startsWith("Debug") || e.getValue().expected() != Expected.VIOLATED) continue;
            if (bad.length() > 0) bad.append(", ");
            bad.append("**").append(label(e.getKey())).append("**").append(e.getValue().steps() < 0 ? "" : " " + e.getValue().steps());
        }
        if (bad.length() > 0) return bad.toString();
        return states < 0 ? "safe" : String.format("safe (%,d)", states);
    }

    /**
     * The grid of the given cells' outcomes (a cell left out prints as "-"), with its legend.
     * outcomes: a model's outcomes, or null when the model was not checked.
     */
    public static String grid(Models models, Function<Model, Map<String, Outcome>> outcomes, Function<Model, Long> states) {
        List<Idiom> idioms = models.gridIdioms();
        StringBuilder b = new StringBuilder("| mechanism \\ idiom |");
        for (Idiom i : idioms) b.append(' ').append(i.number()).append(". ").append(i.id()).append(" |");
        b.append("\n|---|");
        for (int k = 0; k < idioms.size(); k++) b.append("---|");
        b.append('\n');
        Set<String> shown = new LinkedHashSet<>();
        for (Mechanism mech : models.mechanisms()) {
            b.append("| ").append(mech.number()).append(". ").append(mech.id()).append(" |");
            for (Idiom i : idioms) {
                Model m = models.cell(mech, i);
                Map<String, Outcome> o = outcomes.apply(m);
                if (o != null) o.keySet().stream().filter(p -> !p.startsWith("Debug")).forEach(shown::add);
                b.append(' ').append(o == null ? "-" : cell(o, states.apply(m))).append(" |");
            }
            b.append('\n');
        }
        b.append("\nA cell is **safe (N)** when every property holds; N is the number of distinct states TLC explored. "
                + "Otherwise it lists each violated property with the number of steps of its shortest counterexample "
                + "(a temporal property's counterexample is TLC's lasso, neither shortest nor stable from run to run, "
                + "so it has no number). Properties: ");
        List<String> legend = new ArrayList<>();
        for (String p : shown) legend.add(label(p) + " = " + p);
        b.append(String.join(", ", legend)).append(".\n");
        return b.toString();
    }

    /** The grid of the recorded outcomes. */
    public static String recordedGrid(Models models) {
        return grid(models, Model::expected, Model::distinct);
    }

    /** The bounds of every idiom and mechanism. */
    public static String bounds(Models models) {
        StringBuilder b = new StringBuilder("| idiom | program | services | PIDs | realtime queue | workers | in the grid | what the daemon does |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Idiom i : models.idioms()) {
            b.append(String.format("| %d. %s | %s%s | %d | %d | %d | %s | %s | %s |%n", i.number(), i.id(), i.program(),
                    i.sync() ? " (synchronised)" : "", i.services(), i.maxPid(), i.rtLimit(), i.workers() ? "yes" : "no",
                    i.grid() ? "yes" : "no", i.description()));
        }
        b.append("\n| mechanism | extra PIDs per service | queue limit | what the supervisor does |\n|---|---|---|---|\n");
        for (Mechanism x : models.mechanisms()) {
            b.append(String.format("| %d. %s | %d | %s | %s |%n", x.number(), x.id(), x.extraPidsPerService(),
                    x.rtLimit() > 0 ? Integer.toString(x.rtLimit()) : "the idiom's", x.description()));
        }
        return b.toString();
    }

    /** The models outside the grid (other bounds, free mode): property rows, model columns, then counts, suite and time. */
    public static String others(Models models, Catalogue catalogue) {
        List<Model> ms = models.models().stream().filter(m -> !m.isGridCell()).toList();
        StringBuilder b = new StringBuilder("| property |");
        for (Model m : ms) b.append(' ').append(m.name()).append(" |");
        b.append("\n|---|");
        for (int i = 0; i < ms.size(); i++) b.append("---|");
        b.append('\n');
        for (Property p : catalogue.properties()) {
            if (ms.stream().noneMatch(m -> m.expected().containsKey(p.id()))) continue;
            b.append("| ").append(p.id()).append(" |");
            for (Model m : ms) {
                Outcome o = m.expected().get(p.id());
                b.append(' ').append(o == null ? "-" : o.expected() == Expected.VIOLATED
                        ? "**violated**" + (o.steps() < 0 ? "" : " (" + o.steps() + ")") : "holds").append(" |");
            }
            b.append('\n');
        }
        b.append("| *bounds* |");
        for (Model m : ms) {
            var x = m.bounds();
            b.append(String.format(" %d PIDs, %d service%s, queue %d%s |", x.maxPid(), x.services().size(), x.services().size() == 1 ? "" : "s",
                    x.rtLimit(), x.workers() && !x.program().equals("free") ? ", workers" : ""));
        }
        b.append("\n| *distinct states* |");
        for (Model m : ms) b.append(String.format(" %,d |", m.distinct()));
        b.append("\n| *depth* |");
        for (Model m : ms) b.append(' ').append(m.depth()).append(" |");
        b.append("\n| *suite, time* |");
        for (Model m : ms) b.append(' ').append(m.suite()).append(m.seconds() < 0 ? "" : ", " + m.seconds() + " s").append(" |");
        b.append('\n');
        return b.toString();
    }

    /** Every README section generated from the data files, in the README's order. */
    public static List<Section> readme(Models models, Catalogue catalogue) {
        List<Section> out = new ArrayList<>();
        out.add(section("bounds", "properties/idioms.tsv and mechanisms.tsv", bounds(models)));
        out.add(section("grid", "properties/models.tsv and expected.tsv", recordedGrid(models)));
        out.add(section("models", "properties/models.tsv and expected.tsv", others(models, catalogue)));
        return out;
    }

    private static Section section(String name, String from, String text) {
        return new Section(name, "<!-- " + name + ":begin (generated from " + from + "; ReadmeTest checks it) -->",
                "<!-- " + name + ":end -->", text);
    }

    /** The measured outcomes of these model checks, in the format of properties/expected.tsv (for updating the record). */
    public static String measuredExpected(List<ModelOutcome> outcomes, Catalogue catalogue) {
        StringBuilder b = new StringBuilder("# measured by `adoptsig check`; properties/expected.tsv is a reviewed copy of such rows\n"
                + "model\tproperty\texpected\tsteps\n");
        for (ModelOutcome o : outcomes) {
            for (Verdict v : o.verdicts()) {
                if (!v.decided()) continue;
                Outcome m = v.measured(catalogue.property(v.property()).kind().isSafety());
                b.append(o.job().name()).append('\t').append(v.property()).append('\t').append(m.expected().word()).append('\t')
                        .append(m.steps() < 0 ? "-" : Integer.toString(m.steps())).append('\n');
            }
        }
        return b.toString();
    }

    /** The measured outcomes of one model check (property -> outcome), for the grid. */
    public static Map<String, Outcome> measured(ModelOutcome o, Catalogue catalogue) {
        Map<String, Outcome> out = new LinkedHashMap<>();
        for (Verdict v : o.verdicts()) {
            if (v.decided()) out.put(v.property(), v.measured(catalogue.property(v.property()).kind().isSafety()));
        }
        return out;
    }
}
