package adoptsig.check;

import adoptsig.catalog.Answers;
import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Expected;
import adoptsig.catalog.Idiom;
import adoptsig.catalog.Mechanism;
import adoptsig.catalog.Model;
import adoptsig.catalog.Models;
import adoptsig.catalog.Outcome;

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
                    i.sync() ? " (synchronised)" : "", i.services(), i.maxPid(), i.sigLimit(), i.workers() ? "yes" : "no",
                    i.grid() ? "yes" : "no", i.description()));
        }
        b.append("\n| mechanism | extra PIDs per service | queue limit | what the supervisor does |\n|---|---|---|---|\n");
        for (Mechanism x : models.mechanisms()) {
            b.append(String.format("| %d. %s | %d | %s | %s |%n", x.number(), x.id(), x.extraPidsPerService(),
                    x.sigLimit() > 0 ? Integer.toString(x.sigLimit()) : "the idiom's", x.description()));
        }
        return b.toString();
    }

    /** The models outside the grid (other bounds, free mode, two services, strangers, ablations): one row each. */
    public static String others(Models models, Catalogue catalogue) {
        StringBuilder b = new StringBuilder("| model | bounds | violated (shortest counterexample) | distinct states | suite, time |\n|---|---|---|---|---|\n");
        for (Model m : models.models()) {
            if (m.isGridCell()) continue;
            var x = m.bounds();
            String bounds = String.format("%d PIDs, %d service%s%s, queue %d%s%s%s", x.maxPid(), x.services().size(), x.services().size() == 1 ? "" : "s",
                    x.strangers().isEmpty() ? "" : ", " + x.strangers().size() + " stranger", x.sigLimit(),
                    x.workers() && !x.program().equals("free") ? ", workers" : "", x.outside() ? ", outside activity" : "",
                    x.without().equals("none") ? "" : ", without " + x.without());
            String v = violations(m);
            List<String> debug = new ArrayList<>();
            m.expected().forEach((p, o) -> { if (p.startsWith("Debug") && o.expected() == Expected.VIOLATED) debug.add(label(p)); });
            b.append("| `").append(m.name()).append("` | ").append(m.idiom().id()).append(": ").append(bounds).append(" | ")
                    .append(v.isEmpty() ? "none" : v).append(debug.isEmpty() ? "" : " (reachable: " + String.join(", ", debug) + ")")
                    .append(String.format(" | %,d | ", m.distinct())).append(m.suite()).append(m.seconds() < 0 ? "" : ", " + m.seconds() + " s").append(" |\n");
        }
        return b.toString();
    }

    /** Whether a model holds every property it checks (by the record). */
    static boolean holdsAll(Model m) {
        return m.expected().values().stream().allMatch(o -> o.expected() == Expected.HOLDS);
    }

    /** The violated properties of a model, as the grid shows them ("SA 12, RR 16"), Debug checks left out. */
    static String violations(Model m) {
        List<String> out = new ArrayList<>();
        m.expected().forEach((p, o) -> {
            if (!p.startsWith("Debug") && o.expected() == Expected.VIOLATED) out.add(label(p) + (o.steps() < 0 ? "" : " " + o.steps()));
        });
        return String.join(", ", out);
    }

    /**
     * The answer for one world: idioms against interfaces (each with its queue), from the
     * recorded game verdicts at every bound and the recorded outcomes of the witness supervisors.
     */
    public static String answer(Answers answers, Models models, String world) {
        List<String> columns = new ArrayList<>();
        Map<String, Integer> firstQueue = new LinkedHashMap<>();
        for (Answers.Check c : answers.checks()) {
            if (!c.world().equals(world)) continue;
            firstQueue.putIfAbsent(c.iface().id(), c.sigLimit());
            String col = c.iface().id() + "/" + c.sigLimit();
            if (!columns.contains(col)) columns.add(col);
        }
        StringBuilder b = new StringBuilder("| idiom |");
        for (String col : columns) {
            String[] f = col.split("/");
            b.append(' ').append(f[0]).append(Integer.parseInt(f[1]) != firstQueue.get(f[0]) ? " (queue of " + f[1] + ")" : "").append(" |");
        }
        b.append("\n|---|");
        for (int k = 0; k < columns.size(); k++) b.append("---|");
        b.append('\n');
        List<String> idioms = new ArrayList<>();
        for (Answers.Check c : answers.checks()) if (c.world().equals(world) && !idioms.contains(c.idiom().id())) idioms.add(c.idiom().id());
        for (String idiom : idioms) {
            b.append("| ").append(idiom).append(" |");
            for (String col : columns) {
                List<Answers.Check> rows = answers.checks().stream().filter(c -> c.world().equals(world) && c.idiom().id().equals(idiom)
                        && (c.iface().id() + "/" + c.sigLimit()).equals(col)).sorted(java.util.Comparator.comparingInt(Answers.Check::maxPid)).toList();
                b.append(' ').append(answerCell(rows)).append(" |");
            }
            b.append('\n');
        }
        b.append("\nPIDs of the game:");
        for (String idiom : idioms) {
            Map<Integer, List<String>> byPids = new java.util.TreeMap<>();
            for (Answers.Check c : answers.checks()) {
                if (!c.world().equals(world) || !c.idiom().id().equals(idiom)) continue;
                String col = c.iface().id() + (c.sigLimit() != firstQueue.get(c.iface().id()) ? " (queue of " + c.sigLimit() + ")" : "");
                byPids.computeIfAbsent(c.maxPid(), k -> new ArrayList<>()).add(col);
            }
            List<String> parts = new ArrayList<>();
            byPids.forEach((pids, cols) -> parts.add(pids + (cols.size() == columns.size() ? "" : " (" + String.join(", ", cols) + ")")));
            b.append(idioms.indexOf(idiom) == 0 ? " " : "; ").append(idiom).append(' ').append(String.join(" and ", parts));
        }
        b.append(".\n");
        return b.toString();
    }

    static String answerCell(List<Answers.Check> rows) {
        if (rows.isEmpty()) return "-";
        for (Answers.Check c : rows) if (c.verdict().equals("forced conflict")) return "**impossible** (" + c.maxPid() + " PIDs)";
        Answers.Check base = rows.get(0);
        if (base.witness() != null && holdsAll(base.witness())) {
            // possible at the witness's bounds; what the game says with more PIDs is told beside it
            StringBuilder more = new StringBuilder();
            for (Answers.Check c : rows) if (c.maxPid() > base.maxPid() && !c.verdict().equals("no conflict")) more.append("; ").append(c.maxPid()).append(" PIDs: ").append(c.verdict());
            return "possible (" + base.maxPid() + " PIDs): `" + base.witness().name() + "`" + more;
        }
        boolean escapable = rows.stream().anyMatch(c -> c.verdict().equals("escapable conflict"));
        String what = escapable ? "escapable conflict" : "no conflict";
        if (base.witness() != null) return "undecided: " + what + "; `" + base.witness().name() + "` fails " + violations(base.witness());
        return "undecided: " + what + "; no supervisor built";
    }

    /** The ablation table: for each rule, the models that leave it out (not the witnesses of the answer) and what breaks there. */
    public static String ablations(Models models, List<String[]> rules, Answers answers) {
        java.util.Set<String> witnesses = new java.util.HashSet<>();
        for (Answers.Check c : answers.checks()) if (c.witness() != null) witnesses.add(c.witness().name());
        StringBuilder b = new StringBuilder("| rule | what it does | without it (shortest counterexample) |\n|---|---|---|\n");
        for (String[] r : rules) {
            List<String> cells = new ArrayList<>();
            for (Model m : models.models()) {
                if (!r[0].equals(m.overrides().get("without")) || witnesses.contains(m.name())) continue;
                String v = violations(m);
                cells.add("`" + m.name() + "`: " + (v.isEmpty() ? "nothing breaks" : v));
            }
            b.append("| ").append(r[0]).append(" | ").append(r[2]).append(" | ")
                    .append(cells.isEmpty() ? "no model leaves it out" : String.join("; ", cells)).append(" |\n");
        }
        return b.toString();
    }

    /** The kernel interfaces the game puts to the test. */
    public static String interfaces(Answers answers) {
        StringBuilder b = new StringBuilder("| interface | what init is told of an adoption | how it reaches init | in short |\n|---|---|---|---|\n");
        for (Answers.InterfaceRow i : answers.interfaces()) {
            b.append("| ").append(i.number()).append(". ").append(i.id()).append(" | ").append(i.message()).append(" | ")
                    .append(i.channel()).append(" | ").append(i.name()).append(" |\n");
        }
        return b.toString();
    }

    /** The kernel facts: checked against Linux by `fidelity` (which scenarios), or assumed (why). */
    public static String facts(adoptsig.catalog.Facts facts) {
        StringBuilder b = new StringBuilder("| fact | behaviour | against Linux |\n|---|---|---|\n");
        for (adoptsig.catalog.Facts.Fact f : facts.facts()) {
            b.append("| ").append(f.id()).append(" | ").append(f.behaviour()).append(" | ")
                    .append(f.checked() ? "*checked by `fidelity`*: " + String.join(", ", f.scenarios()) : "*assumed*: " + f.assumedBecause())
                    .append(" |\n");
        }
        return b.toString();
    }

    /** Every README section generated from the data files, in the README's order. */
    public static List<Section> readme(Models models, Catalogue catalogue, Answers answers, List<String[]> rules,
                                       adoptsig.catalog.Facts facts) {
        List<Section> out = new ArrayList<>();
        out.add(section("interfaces", "properties/interfaces.tsv", interfaces(answers)));
        out.add(section("answer-closed", "properties/answers.tsv, models.tsv and expected.tsv", answer(answers, models, "closed")));
        out.add(section("answer-open", "properties/answers.tsv, models.tsv and expected.tsv", answer(answers, models, "open")));
        out.add(section("ablations", "properties/rules.tsv, answers.tsv, models.tsv and expected.tsv", ablations(models, rules, answers)));
        out.add(section("bounds", "properties/idioms.tsv and mechanisms.tsv", bounds(models)));
        out.add(section("grid", "properties/models.tsv and expected.tsv", recordedGrid(models)));
        out.add(section("models", "properties/models.tsv and expected.tsv", others(models, catalogue)));
        out.add(section("facts", "properties/facts.tsv and scenarios.tsv", facts(facts)));
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
