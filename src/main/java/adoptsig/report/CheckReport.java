package adoptsig.report;

import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Expected;
import adoptsig.catalog.Idiom;
import adoptsig.catalog.Mechanism;
import adoptsig.catalog.Model;
import adoptsig.catalog.Models;
import adoptsig.catalog.Property;
import adoptsig.check.ModelOutcome;
import adoptsig.check.Verdict;
import adoptsig.tlc.TlcOutput;
import adoptsig.tlc.Trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report of a check: a summary first (what agrees with the record, what differs, how long it
 * took), then the grid of the mechanisms and idioms this run checked, coloured by verdict, with a
 * legend that expands each property's abbreviation from the catalogue, each cell linking to its
 * model and each model back to its cell; the bounds of the idioms and of the mechanisms checked
 * (two tables); every model, and per model its verdicts with its counterexamples (picture and
 * story) right after them. Tables that do not apply to the run are left out: no grid unless two
 * grid cells were checked.
 */
public final class CheckReport {
    private CheckReport() {}

    /** What the report is made of: where the spec came from, the catalogues, the outcomes and how they compare. */
    public record Run(String source, Path results, Models models, Catalogue catalogue, List<ModelOutcome> outcomes, boolean grid,
                      adoptsig.compare.Comparison comparison) {
        /** The run is compared with the record (not a hand-written cfg). */
        public boolean compared() { return comparison.uncompared() == null; }
    }

    /** The anchor of a model's section. */
    public static String modelAnchor(String model) { return HtmlReport.anchor("model", model); }

    /** The anchor of a grid cell. */
    public static String cellAnchor(String mechanism, String idiom) { return HtmlReport.anchor("cell", mechanism, idiom); }

    /** Writes picture-PROPERTY.svg beside each story, and report.html; returns the report's path. */
    public static Path write(Run run) {
        Path file = run.results().resolve("report.html");
        write(file, html(run));
        return file;
    }

    /** The report's page (and, as a side effect, each counterexample's picture beside its story). */
    public static String html(Run run) {
        List<ModelOutcome> outcomes = run.outcomes();
        HtmlReport r = new HtmlReport("adoptsig check: " + outcomes.size() + " model(s)");
        Map<String, ModelOutcome> byName = new LinkedHashMap<>();
        for (ModelOutcome o : outcomes) byName.put(o.job().name(), o);
        // the grid cells of this run
        List<Mechanism> mechs = new ArrayList<>();
        List<Idiom> idioms = new ArrayList<>();
        Map<String, String> cellOf = new LinkedHashMap<>();        // model -> cell anchor
        if (run.grid()) {
            for (Mechanism m : run.models().mechanisms()) {
                for (Idiom i : run.models().gridIdioms()) {
                    Model cell = run.models().cell(m, i);
                    if (cell == null || !byName.containsKey(cell.name())) continue;
                    if (!mechs.contains(m)) mechs.add(m);
                    if (!idioms.contains(i)) idioms.add(i);
                    cellOf.put(cell.name(), cellAnchor(m.id(), i.id()));
                }
            }
            idioms.sort(java.util.Comparator.comparingInt(Idiom::number));
        }
        boolean showGrid = cellOf.size() >= 2;
        summary(r, run, byName, showGrid);
        if (showGrid) grid(r, run, byName, mechs, idioms);
        r.heading("Every model", "models");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("model", "what it checks", "verdicts", "distinct states", "depth", "time", "agrees with the record"));
        for (ModelOutcome o : outcomes) {
            rows.add(List.of(HtmlReport.link(o.job().name(), modelAnchor(o.job().name())), HtmlReport.esc(o.job().description()), counts(o),
                    o.counted() ? String.format(Locale.ROOT, "%,d", o.distinct()) : "-", o.counted() ? Integer.toString(o.depth()) : "-",
                    seconds(o.seconds()), !run.compared() ? "-" : o.agrees() ? "yes" : "<span class=\"bad\">no</span>"));
        }
        r.table("models", rows);
        for (ModelOutcome o : outcomes) model(r, run, o, showGrid ? cellOf.get(o.job().name()) : null);
        return r.html();
    }

    private static void summary(HtmlReport r, Run run, Map<String, ModelOutcome> byName, boolean showGrid) {
        List<ModelOutcome> outcomes = run.outcomes();
        long holds = 0, violated = 0, undecided = 0;
        for (ModelOutcome o : outcomes) {
            for (Verdict v : o.verdicts()) {
                if (v.actual() == null) undecided++;
                else if (v.actual() == Expected.VIOLATED) violated++;
                else holds++;
            }
        }
        long agree = outcomes.stream().filter(ModelOutcome::agrees).count();
        double total = outcomes.stream().mapToDouble(ModelOutcome::seconds).sum();
        double longest = outcomes.stream().mapToDouble(ModelOutcome::seconds).max().orElse(0);
        String slowest = outcomes.stream().filter(o -> o.seconds() == longest).map(o -> o.job().name()).findFirst().orElse("-");
        StringBuilder b = new StringBuilder("<section id=\"summary\">\n<h2>Summary</h2>\n<ul>\n");
        b.append("<li class=\"what\">").append(outcomes.size()).append(" model(s), ").append(holds + violated + undecided).append(" verdict(s): ")
                .append(holds).append(" hold, ").append(violated).append(" violated").append(undecided > 0 ? ", " + undecided + " undecided" : "")
                .append(".</li>\n");
        if (!run.compared()) b.append("<li class=\"agrees\">A hand-written cfg: nothing recorded to compare with.</li>\n");
        else if (run.comparison().agrees() && run.comparison().complete())
            b.append("<li class=\"agrees\">Everything agrees with the record: every verdict, counterexample length and state count of the ")
                    .append(outcomes.size()).append(" model(s) (properties/expected.tsv, models.tsv).</li>\n");
        else {
            int differ = run.comparison().differences().size(), open = run.comparison().unfinished().size();
            b.append("<li class=\"agrees\">").append(agree).append(" of ").append(outcomes.size()).append(" model(s) agree with the record; ")
                    .append("<span class=\"bad\">").append(differ).append(" difference(s)").append(open > 0 ? ", " + open + " undecided" : "")
                    .append("</span>, listed below.</li>\n");
        }
        b.append("<li class=\"time\">Time: ").append(seconds(total)).append(" of checking in all");
        if (outcomes.size() > 1) b.append(" (the longest: ").append(HtmlReport.link(slowest, modelAnchor(slowest))).append(", ").append(seconds(longest)).append(")");
        b.append(".</li>\n");
        b.append("<li>Spec and data: ").append(HtmlReport.esc(run.source())).append(". Results folder: ").append(HtmlReport.esc(run.results().toString())).append(".</li>\n");
        b.append("<li>Contents: ").append(showGrid ? HtmlReport.link("the grid", "grid") + " · " : "").append(HtmlReport.link("every model", "models"));
        for (ModelOutcome o : outcomes) b.append(" · ").append(HtmlReport.link(o.job().name(), modelAnchor(o.job().name())));
        b.append("</li>\n</ul>\n");
        if (run.compared() && !(run.comparison().agrees() && run.comparison().complete())) {
            b.append("<table class=\"differences\">\n<tr><th>difference from the record</th></tr>\n");
            List<String[]> rows = new java.util.ArrayList<>();
            for (var d : run.comparison().differences()) rows.add(new String[] {d.subject(), d.line()});
            for (var u : run.comparison().unfinished()) rows.add(new String[] {u.subject(), u.line()});
            for (String[] row : rows) {
                String text = "<span class=\"bad\">" + HtmlReport.esc(row[1]) + "</span>";
                b.append("<tr><td>").append(byName.containsKey(row[0]) ? "<a href=\"#" + modelAnchor(row[0]) + "\">" + text + "</a>" : text).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        r.raw(b.append("</section>").toString());
    }

    /** A grid cell's verdict class: safe, violated, undecided, differs is added when it disagrees with the record. */
    static String verdictClass(ModelOutcome o) {
        if (o.verdicts().stream().anyMatch(v -> v.actual() == null)) return "v-undecided";
        boolean bad = o.verdicts().stream().anyMatch(v -> !v.property().startsWith("Debug") && v.actual() == Expected.VIOLATED);
        return bad ? "v-violated" : "v-safe";
    }

    private static void grid(HtmlReport r, Run run, Map<String, ModelOutcome> byName, List<Mechanism> mechs, List<Idiom> idioms) {
        r.heading("The grid", "grid");
        r.paragraph("Each cell is a model of this run: a mechanism (row) against a daemon idiom (column). Click a cell for its verdicts and counterexamples.");
        StringBuilder b = new StringBuilder("<table class=\"grid\">\n<tr><th>mechanism \\ idiom</th>");
        for (Idiom i : idioms) b.append("<th>").append(i.number()).append(". ").append(HtmlReport.esc(i.id())).append("</th>");
        b.append("</tr>\n");
        Set<String> shown = new LinkedHashSet<>(), classes = new java.util.HashSet<>();
        for (Mechanism m : mechs) {
            b.append("<tr><th>").append(m.number()).append(". ").append(HtmlReport.esc(m.id())).append("</th>");
            for (Idiom i : idioms) {
                Model cell = run.models().cell(m, i);
                ModelOutcome o = cell == null ? null : byName.get(cell.name());
                if (o == null) { b.append("<td class=\"v-notrun\">not run</td>"); classes.add("v-notrun"); continue; }
                Map<String, adoptsig.catalog.Outcome> measured = Tables.measured(o, run.catalogue());
                measured.keySet().stream().filter(p -> !p.startsWith("Debug")).forEach(shown::add);
                String text = Tables.cell(measured, o.distinct());
                String cls = verdictClass(o) + (run.compared() && !o.agrees() ? " v-differs" : "");
                classes.addAll(List.of(cls.split(" ")));
                b.append("<td class=\"").append(cls).append("\" id=\"").append(cellAnchor(m.id(), i.id())).append("\">")
                        .append("<a class=\"cell\" href=\"#").append(modelAnchor(o.job().name())).append("\">").append(abbreviated(text, run.catalogue()))
                        .append("</a>").append(run.compared() && !o.agrees() ? " <span class=\"bad\">differs</span>" : "").append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
        // the legend: the colours and marks the grid uses, then the abbreviations
        b.append("<div class=\"legend\" id=\"grid-legend\">\n<p><b>Legend.</b> ");
        String[][] swatches = {
                {"v-safe", "safe (N)", "every property holds; N: the distinct states TLC explored."},
                {"v-violated", "SA 12", "a property is violated, with its counterexample's length in steps (a temporal property's counterexample, a loop, has no length)."},
                {"v-undecided", "?", "undecided: TLC was stopped at its time limit."},
                {"v-notrun", "not run", "not checked in this run."},
                {"v-differs", "differs", "the outcome differs from the record."}};
        for (String[] w : swatches) {
            if (classes.contains(w[0])) b.append("<span class=\"swatch ").append(w[0]).append("\">").append(w[1]).append("</span> ").append(HtmlReport.esc(w[2])).append(' ');
        }
        b.append("</p>\n<table class=\"properties\">\n<tr><th>abbreviation</th><th>property</th><th>kind</th><th>what it says</th></tr>\n");
        for (String p : shown) {
            Property prop = run.catalogue().property(p);
            b.append("<tr><td><abbr title=\"").append(HtmlReport.esc(p)).append("\">").append(Tables.label(p)).append("</abbr></td><td><code>")
                    .append(HtmlReport.esc(p)).append("</code></td><td>").append(prop.kind().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                    .append(HtmlReport.esc(prop.meaning())).append("</td></tr>\n");
        }
        r.raw(b.append("</table>\n</div>").toString());
        // the bounds of the idioms and mechanisms of this run, a table each
        Set<String> idiomIds = new TreeSet<>(), mechIds = new TreeSet<>();
        idioms.forEach(i -> idiomIds.add(i.id()));
        mechs.forEach(m -> mechIds.add(m.id()));
        String[] blocks = Tables.bounds(run.models()).split("\n\\s*\n");
        r.heading("The idioms checked", "idioms");
        r.markdownTable("idioms", rowsOf(blocks[0], idiomIds), null);
        if (blocks.length > 1) {
            r.heading("The mechanisms checked", "mechanisms");
            r.markdownTable("mechanisms", rowsOf(blocks[1], mechIds), null);
        }
    }

    /** A Markdown table with only its header and the rows whose first cell ("3. dance") names one of ids. */
    static String rowsOf(String table, Set<String> ids) {
        StringBuilder b = new StringBuilder();
        String[] lines = table.strip().split("\n");
        for (int k = 0; k < lines.length; k++) {
            String first = lines[k].replaceAll("^\\|\\s*([^|]*?)\\s*\\|.*", "$1").replaceAll("^\\d+\\. ", "");
            if (k < 2 || ids.contains(first)) b.append(lines[k]).append('\n');
        }
        return b.toString();
    }

    /** A grid cell's Markdown ("**SA** 12, **RR**") as HTML, each abbreviation expanded in a tooltip. */
    static String abbreviated(String md, Catalogue catalogue) {
        Map<String, String> full = new LinkedHashMap<>();
        for (Property p : catalogue.properties()) full.putIfAbsent(Tables.label(p.id()), p.id());
        StringBuilder b = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\*\\*([^*]+)\\*\\*").matcher(md);
        int at = 0;
        while (m.find()) {
            b.append(HtmlReport.esc(md.substring(at, m.start())));
            String id = full.get(m.group(1));
            b.append("<b class=\"bad\">").append(id == null ? HtmlReport.esc(m.group(1)) : "<abbr title=\"" + HtmlReport.esc(id) + "\">" + HtmlReport.esc(m.group(1)) + "</abbr>").append("</b>");
            at = m.end();
        }
        return b.append(HtmlReport.esc(md.substring(at))).toString();
    }

    /** The verdict counts of a model, in a few words. */
    private static String counts(ModelOutcome o) {
        long bad = o.verdicts().stream().filter(v -> v.actual() == Expected.VIOLATED).count();
        long und = o.verdicts().stream().filter(v -> v.actual() == null).count();
        String s = (o.verdicts().size() - bad - und) + " hold" + (bad > 0 ? ", " : "");
        return HtmlReport.esc(s) + (bad > 0 ? "<b class=\"bad\">" + bad + " violated</b>" : "") + (und > 0 ? ", " + und + " undecided" : "");
    }

    /** A model's section: its verdicts, then each counterexample with its picture and story. */
    private static void model(HtmlReport r, Run run, ModelOutcome o, String cell) {
        String name = o.job().name();
        StringBuilder nav = new StringBuilder("<p class=\"back\">");
        if (cell != null) nav.append(HtmlReport.link("back to its cell in the grid", cell)).append(" · ");
        nav.append(HtmlReport.link("back to the summary", "summary")).append("</p>");
        r.raw("<section class=\"model\" id=\"" + modelAnchor(name) + "\">\n<h2>" + HtmlReport.esc(name) + "</h2>\n<p>" + HtmlReport.esc(o.job().description()) + "</p>\n" + nav);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("property", "what it says", "expected", "TLC", "distinct states", "counterexample", "agrees"));
        List<HtmlReport.Counterexample> examples = new ArrayList<>();
        for (Verdict v : o.verdicts()) {
            String cx = "-";
            if (v.story() != null && v.trace() != null) {
                String a = HtmlReport.anchor("cx", v.model(), v.property());
                Trace t = TlcOutput.parseSavedTrace(read(v.trace()));
                String svg = Pictures.counterexample(v.model(), v.property(), t);
                write(v.story().resolveSibling("picture-" + v.property() + ".svg"), svg);
                examples.add(new HtmlReport.Counterexample(a, v.model() + " / " + v.property(), read(v.story()), svg, modelAnchor(name)));
                cx = HtmlReport.link(t.steps() + " steps: picture and story", a);
            }
            Property p = catalogued(run.catalogue(), v.property());
            rows.add(List.of("<code>" + HtmlReport.esc(v.property()) + "</code>" + (p == null ? "" : " (" + Tables.label(v.property()) + ")"),
                    p == null ? "" : HtmlReport.esc(p.meaning()),
                    v.expected() == null ? "-" : HtmlReport.esc(v.expected().expected().word()),
                    v.actual() == null ? "undecided" : (v.actual() == Expected.VIOLATED ? "<b class=\"bad\">violated</b>" : "holds"),
                    String.format(Locale.ROOT, "%,d", v.distinct()), cx, !run.compared() ? "-" : v.agrees() ? "yes" : "<span class=\"bad\">no</span>"));
        }
        r.table("verdicts", rows);
        for (HtmlReport.Counterexample c : examples) r.section(c);
        r.raw("</section>");
    }

    private static Property catalogued(Catalogue c, String id) {
        for (Property p : c.properties()) if (p.id().equals(id)) return p;
        return null;
    }

    private static String seconds(double s) {
        if (s < 60) return String.format(Locale.ROOT, "%.1f s", s);
        long t = Math.round(s);
        return String.format(Locale.ROOT, "%d min %d s", t / 60, t % 60);
    }

    static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path f, String text) {
        try {
            Files.createDirectories(f.toAbsolutePath().getParent());
            Files.writeString(f, text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }
}
