package adoptsig.report;

import adoptsig.InputError;
import adoptsig.catalog.Answers;
import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Expected;
import adoptsig.catalog.Idiom;
import adoptsig.catalog.Mechanism;
import adoptsig.catalog.Model;
import adoptsig.catalog.Models;
import adoptsig.catalog.Outcome;
import adoptsig.check.ModelOutcome;
import adoptsig.check.Verdict;

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
 * models outside the grid, the answer tables and the kernel facts. The documentation's generated
 * sections (README.md and docs/) are rendered from the data files: `tables --write` puts them in
 * place, ReadmeTest compares them; `check` renders the grid from what TLC found.
 */
public final class Tables {
    /** A generated section of the documentation: the file it lives in (README.md or a page of docs/), its name, its markers and its text. */
    public record Section(String file, String name, String begin, String end, String text) {}

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

    /** The violated properties of a model, as the grid shows them ("SA 12, RR 16"), Debug checks left out. */
    static String violations(Model m) {
        List<String> out = new ArrayList<>();
        m.expected().forEach((p, o) -> {
            if (!p.startsWith("Debug") && o.expected() == Expected.VIOLATED) out.add(label(p) + (o.steps() < 0 ? "" : " " + o.steps()));
        });
        return String.join(", ", out);
    }

    /** The code of a belief-game verdict in the compact answer tables. */
    static String code(String verdict) {
        return switch (verdict) {
            case "possible" -> "P";
            case "impossible" -> "I";
            case "not run" -> "·";
            default -> "?";
        };
    }

    /**
     * The code of a check: the game's verdict, or W where the game decided nothing but a
     * hand-written supervisor on the interface at the same bounds (the check's witness model)
     * holds every property in the record: possible, by that supervisor.
     */
    static String code(Answers.Check c) {
        if (!c.verdict().equals("possible") && !c.verdict().equals("impossible") && witnessHolds(c)) return "W";
        return code(c.verdict());
    }

    /** The check's witness holds every property it checks, as recorded. */
    static boolean witnessHolds(Answers.Check c) {
        // the Debug reachability checks are meant to fail; every other property must hold
        return c.witness() != null && !c.witness().expected().isEmpty()
                && c.witness().expected().entrySet().stream().allMatch(e -> e.getKey().startsWith("Debug") || e.getValue().expected() == Expected.HOLDS);
    }

    /** A column of the answer tables: an interface with a signal limit. */
    private record Column(Answers.InterfaceRow iface, int sigLimit) {}

    /** What sets a check apart within its cell: the PIDs, outside activity, probes. */
    private record Variant(int maxPid, boolean outside, boolean probes) {}

    private static Variant variant(Answers.Check c) { return new Variant(c.maxPid(), c.outside(), c.probes()); }

    /** The checks of one world, in the record's order. */
    private static List<Answers.Check> ofWorld(Answers answers, String world) {
        return answers.checks().stream().filter(c -> c.world().equals(world)).toList();
    }

    /** The signal limit most checks of these use. */
    private static int usualLimit(List<Answers.Check> checks) {
        Map<Integer, Integer> n = new LinkedHashMap<>();
        for (Answers.Check c : checks) n.merge(c.sigLimit(), 1, Integer::sum);
        return n.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
    }

    /**
     * The answer, compact: for each world a table of idioms against interfaces (an interface
     * checked with several signal limits is a column per limit), each cell the belief game's
     * verdict in the eager and the settled regime ("P/I"), from the record only, with the PIDs
     * and the signal limit; one legend, with what is assumed of outside activity and probes.
     */
    public static String answer(Answers answers) {
        StringBuilder b = new StringBuilder();
        for (String world : List.of("closed", "open")) {
            List<Answers.Check> checks = ofWorld(answers, world);
            if (!checks.isEmpty()) b.append(answer(checks, answers, world)).append('\n');
        }
        List<Answers.Check> all = new ArrayList<>(answers.checks());
        b.append("Each cell: the verdict in the eager regime (init starts every service without waiting for any daemon) / in the settled "
                + "regime (it may wait until the daemons have come to rest). **P** possible: a synthesized supervisor checked against "
                + "every behaviour; **I** impossible: the environment wins against every supervisor; **W** possible: the game has not decided "
                + "it, but a hand-written supervisor on the interface at the same bounds holds every property, both regimes included (the record; "
                + "[hand-written supervisors](docs/answer.md#hand-written-supervisors)); **?** out of reach at these bounds (the game needed more beliefs than the run allowed); **·** not run "
                + "yet at these bounds; - no such check. ");
        boolean outside = all.stream().anyMatch(Answers.Check::outside), probes = all.stream().anyMatch(Answers.Check::probes);
        b.append(outside ? "Where a cell says \"outside\", processes outside the model move the PID cursor; elsewhere none does. "
                : "No process outside the model moves the PID cursor. ");
        b.append(probes ? "Where a cell says \"probes\", init may fork a child that exits at once to see the cursor; elsewhere it may not.\n"
                : "Init does not probe the cursor.\n");
        return b.toString();
    }

    private static String answer(List<Answers.Check> checks, Answers answers, String world) {
        int usual = usualLimit(checks);
        List<Column> columns = new ArrayList<>();
        for (Answers.InterfaceRow i : answers.interfaces()) {
            for (Answers.Check c : checks) {
                Column col = new Column(i, c.sigLimit());
                if (c.iface().id().equals(i.id()) && !columns.contains(col)) columns.add(col);
            }
        }
        columns.sort(java.util.Comparator.comparingInt((Column c) -> c.iface().number()).thenComparing(c -> c.sigLimit() != usual)
                .thenComparing(c -> -c.sigLimit()));
        List<Idiom> idioms = new ArrayList<>();
        for (Answers.Check c : checks) if (!idioms.contains(c.idiom())) idioms.add(c.idiom());

        StringBuilder b = new StringBuilder(world.equals("closed")
                ? "**Closed world**: two services, a and b, started by init; every process but init is theirs.\n\n"
                : "**Open world**: one service, a, started by init, and a stranger, x: a daemon init did not start, whose orphans init adopts too.\n\n");
        b.append("| idiom \\ interface |");
        for (Column col : columns) b.append(' ').append(col.iface().id()).append(col.sigLimit() == usual ? "" : " (limit " + col.sigLimit() + ")").append(" |");
        b.append("\n|---|");
        for (int k = 0; k < columns.size(); k++) b.append("---|");
        b.append('\n');
        Map<Idiom, Variant> base = new LinkedHashMap<>();
        for (Idiom i : idioms) {
            List<Answers.Check> mine = checks.stream().filter(c -> c.idiom().equals(i)).toList();
            Variant v = mine.stream().filter(c -> !c.outside() && !c.probes()).map(Tables::variant).min(java.util.Comparator.comparingInt(Variant::maxPid))
                    .orElse(variant(mine.get(0)));
            base.put(i, v);
            b.append("| ").append(i.id()).append(" |");
            for (Column col : columns) {
                List<Answers.Check> cell = mine.stream().filter(c -> c.iface().id().equals(col.iface().id()) && c.sigLimit() == col.sigLimit()).toList();
                b.append(' ').append(answerCell(cell, v)).append(" |");
            }
            b.append('\n');
        }
        List<String> pids = new ArrayList<>();
        for (Idiom i : idioms) pids.add(i.id() + " " + base.get(i).maxPid());
        long decided = checks.stream().filter(c -> c.verdict().equals("possible") || c.verdict().equals("impossible") || witnessHolds(c)).count();
        b.append("\nPIDs, init's included: ").append(String.join(", ", pids)).append("; signal limit (RLIMIT_SIGPENDING of init's user) ")
                .append(usual).append(" unless the column says otherwise; ").append(String.format("decided (by the game, or W): %d of %d checks.%n", decided, checks.size()));
        return b.toString();
    }

    /** One cell of the compact answer: eager/settled per variant, the idiom's usual variant bare, the others named. */
    static String answerCell(List<Answers.Check> rows, Variant usual) {
        if (rows.isEmpty()) return "-";
        Map<Variant, String[]> byVariant = new LinkedHashMap<>();
        List<Answers.Check> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing((Answers.Check c) -> !variant(c).equals(usual)).thenComparingInt(Answers.Check::maxPid)
                .thenComparing(Answers.Check::outside).thenComparing(Answers.Check::probes));
        for (Answers.Check c : sorted) {
            String[] codes = byVariant.computeIfAbsent(variant(c), k -> new String[] {"-", "-"});
            codes[Answers.REGIMES.indexOf(c.regime())] = code(c);
        }
        List<String> parts = new ArrayList<>();
        byVariant.forEach((v, codes) -> {
            List<String> what = new ArrayList<>();
            if (v.maxPid() != usual.maxPid()) what.add(v.maxPid() + " PIDs");
            if (v.outside()) what.add("outside");
            if (v.probes()) what.add("probes");
            parts.add(codes[0] + "/" + codes[1] + (what.isEmpty() ? "" : " (" + String.join(", ", what) + ")"));
        });
        return String.join("; ", parts);
    }

    /** Every check of the record, one row each: what both games found and the hand-written supervisor at its bounds. */
    public static String answerChecks(Answers answers) {
        StringBuilder b = new StringBuilder("| check | suite | arena | pairwise game (pairs; shortest conflict) | beliefs (guided: those the guided search explored) | verdict | "
                + "supervisor synthesized (states) | hand-written supervisor at these bounds |\n|---|---|---|---|---|---|---|---|\n");
        for (Answers.Check c : answers.checks()) {
            String pairwise = c.pairwise() + (c.pairs() < 0 ? "" : String.format(" (%,d pairs", c.pairs()) + (c.steps() < 0 ? ")" : "; " + c.steps() + " steps)"));
            String witness = "-";
            if (c.witness() != null) {
                String v = violations(c.witness());
                witness = "`" + c.witness().name() + "`: " + (v.isEmpty() ? "holds" : v);
            }
            b.append("| `").append(c.name()).append("` | ").append(c.suite()).append(" | ").append(count(c.arena())).append(" | ").append(pairwise)
                    .append(" | ").append(count(c.beliefs())).append(c.search().equals("guided") ? " (guided)" : "").append(" | ").append(c.verdict().equals("impossible") ? "**impossible**" : c.verdict())
                    .append(" | ").append(c.machine() < 0 ? "-" : String.format("%,d", c.machine())).append(" | ").append(witness).append(" |\n");
        }
        return b.toString();
    }

    private static String count(long n) { return n < 0 ? "-" : String.format("%,d", n); }

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

    /**
     * Every generated section of the documentation, each in the file it lives in (README.md or
     * a page of docs/), in the order of the files.
     */
    public static List<Section> sections(Models models, Catalogue catalogue, Answers answers, List<String[]> rules,
                                         adoptsig.catalog.Facts facts) {
        List<Section> out = new ArrayList<>();
        String answerData = "properties/answers.tsv and interfaces.tsv";
        out.add(section(README, "answer", answerData, answer(answers)));
        out.add(section("docs/answer.md", "interfaces", "properties/interfaces.tsv", interfaces(answers)));
        out.add(section("docs/answer.md", "answer-checks", "properties/answers.tsv, models.tsv and expected.tsv", answerChecks(answers)));
        out.add(section("docs/grid.md", "bounds", "properties/idioms.tsv and mechanisms.tsv", bounds(models)));
        out.add(section("docs/grid.md", "grid", "properties/models.tsv and expected.tsv", recordedGrid(models)));
        out.add(section("docs/grid.md", "ablations", "properties/rules.tsv, answers.tsv, models.tsv and expected.tsv", ablations(models, rules, answers)));
        out.add(section("docs/models.md", "models", "properties/models.tsv and expected.tsv", others(models, catalogue)));
        out.add(section("docs/linux.md", "facts", "properties/facts.tsv and scenarios.tsv", facts(facts)));
        return out;
    }

    /** The file that holds the answer tables. */
    public static final String README = "README.md";

    private static Section section(String file, String name, String from, String text) {
        return new Section(file, name, "<!-- " + name + ":begin (generated from " + from + " by `java -jar target/adoptsig.jar tables --write`; ReadmeTest checks it) -->",
                "<!-- " + name + ":end -->", text);
    }

    /** The text of a section's block in a file's text (between its markers, stripped), or null if a marker is missing or out of order. */
    public static String block(String doc, Section s) {
        int b = doc.indexOf(s.begin()), e = doc.indexOf(s.end());
        if (b < 0 || e < b) return null;
        return doc.substring(b + s.begin().length(), e).strip();
    }

    /** Why a file's text does not hold a section as the data give it; null when it does. */
    public static String stale(String doc, Section s) {
        if (!doc.contains(s.end())) return s.file() + ": no marker " + s.end();
        if (!doc.contains("<!-- " + s.name() + ":begin")) return s.file() + ": no marker <!-- " + s.name() + ":begin";
        String text = block(doc, s);
        if (text == null) return s.file() + ": the begin marker of " + s.name() + " is not " + s.begin();
        return text.equals(s.text().strip()) ? null : s.file() + ": section " + s.name() + " differs from what the data files give";
    }

    /** A file's text with a section's block, markers included, replaced by the generated one (bad input if its markers are missing). */
    public static String rewrite(String doc, Section s) {
        int b = doc.indexOf("<!-- " + s.name() + ":begin");
        int e = doc.indexOf(s.end(), Math.max(b, 0));
        if (b < 0 || e < 0) throw new InputError(s.file() + ": no block " + s.name() + " (the markers <!-- " + s.name() + ":begin ... --> and " + s.end() + " are needed)");
        return doc.substring(0, b) + s.begin() + "\n" + s.text() + doc.substring(e);
    }

    /** The measured outcomes of these model checks, in the format of properties/expected.tsv (for updating the record). */
    public static String measuredExpected(List<ModelOutcome> outcomes, Catalogue catalogue) {
        boolean byJava = outcomes.stream().flatMap(o -> o.verdicts().stream()).anyMatch(v -> v.decided() && v.engine().equals("Java engine"));
        StringBuilder b = new StringBuilder("# measured by `adoptsig check`; properties/expected.tsv is a reviewed copy of such rows\n"
                + (byJava ? "# temporal verdicts by the Java engine: the record's are TLC's (`check --temporal tlc`), which the Java engine is tested against\n" : "")
                + "model\tproperty\texpected\tsteps\n");
        for (ModelOutcome o : outcomes) {
            for (Verdict v : o.verdicts()) {
                if (!v.decided()) {
                    // kept, as a comment the table's reader skips: an undecided property is not silently absent
                    b.append("# ").append(o.job().name()).append('\t').append(v.property()).append("\tundecided\t")
                            .append(v.note() == null ? "-" : v.note().replaceAll("\\s+", " ")).append('\n');
                    continue;
                }
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
