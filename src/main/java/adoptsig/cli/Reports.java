package adoptsig.cli;

import adoptsig.catalog.Model;
import adoptsig.check.ModelOutcome;
import adoptsig.check.Tables;
import adoptsig.check.Verdict;
import adoptsig.report.HtmlReport;
import adoptsig.report.Pictures;
import adoptsig.tlc.TlcOutput;
import adoptsig.tlc.Trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The HTML reports and pictures that check and matrix write into their results folder. */
final class Reports {
    private Reports() {}

    /** Writes picture-PROPERTY.svg beside each story, and report.html; returns the report's path. */
    static Path check(Project project, Path results, List<ModelOutcome> outcomes, String gridMarkdown, boolean compared, List<String> differences) {
        HtmlReport r = new HtmlReport("adoptsig check: " + outcomes.size() + " model(s)");
        r.paragraph("Spec and data: " + project.source() + ". Results folder: " + results + ".");
        if (!compared) r.paragraph("A hand-written cfg: nothing recorded to compare with.");
        else if (differences.isEmpty()) r.paragraph("Every verdict, counterexample length and state count agrees with the record (properties/expected.tsv, models.tsv).");
        else {
            r.paragraph(differences.size() + " difference(s) from the record:");
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("difference"));
            for (String d : differences) rows.add(List.of("<span class=\"bad\">" + HtmlReport.esc(d) + "</span>"));
            r.table("differences", rows);
        }
        Map<String, String> modelAnchor = new LinkedHashMap<>();
        for (ModelOutcome o : outcomes) modelAnchor.put(o.job().name(), HtmlReport.anchor("model", o.job().name()));
        if (gridMarkdown != null) {
            r.heading("The grid", "grid");
            r.paragraph("Each cell is a model; \"safe (N)\": every property holds over N distinct states; otherwise the violated properties and their counterexamples' lengths. Click a cell for its verdicts and pictures.");
            Map<String, String> cellAnchor = new LinkedHashMap<>();
            for (Model m : project.models().models()) if (m.isGridCell()) cellAnchor.put(m.mechanism().id() + "/" + m.idiom().id(), modelAnchor.get(m.name()));
            r.table("grid", gridRows(project, gridMarkdown, cellAnchor));
            r.markdownTable("bounds", Tables.bounds(project.models()), null);
        }
        r.heading("Every model", "models");
        List<List<String>> summary = new ArrayList<>();
        summary.add(List.of("model", "what it checks", "distinct states", "depth", "agrees with the record"));
        for (ModelOutcome o : outcomes) {
            summary.add(List.of(HtmlReport.link(o.job().name(), modelAnchor.get(o.job().name())), HtmlReport.esc(o.job().description()),
                    o.counted() ? String.format("%,d", o.distinct()) : "-", o.counted() ? Integer.toString(o.depth()) : "-",
                    !compared ? "-" : o.agrees() ? "yes" : "<span class=\"bad\">no</span>"));
        }
        r.table("models", summary);
        for (ModelOutcome o : outcomes) {
            r.heading(o.job().name(), modelAnchor.get(o.job().name()));
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("property", "expected", "TLC", "distinct states", "counterexample", "agrees"));
            for (Verdict v : o.verdicts()) {
                String cx = "-";
                if (v.story() != null && v.trace() != null) {
                    String a = HtmlReport.anchor("cx", v.model(), v.property());
                    Trace t = TlcOutput.parseSavedTrace(read(v.trace()));
                    String svg = Pictures.counterexample(v.model(), v.property(), t);
                    write(v.story().resolveSibling("picture-" + v.property() + ".svg"), svg);
                    r.counterexample(new HtmlReport.Counterexample(a, v.model() + " / " + v.property(), read(v.story()), svg));
                    cx = HtmlReport.link(t.steps() + " steps: story and picture", a);
                }
                rows.add(List.of(HtmlReport.esc(v.property()), v.expected() == null ? "-" : HtmlReport.esc(v.expected().expected().word()),
                        v.actual() == null ? "undecided" : (v.actual().word().equals("violated") ? "<b class=\"bad\">violated</b>" : "holds"),
                        String.format("%,d", v.distinct()), cx, !compared ? "-" : v.agrees() ? "yes" : "<span class=\"bad\">no</span>"));
            }
            r.table("verdicts", rows);
        }
        Path file = results.resolve("report.html");
        write(file, r.html());
        return file;
    }

    /** The grid's Markdown table with each cell linking to its model's section. */
    private static List<List<String>> gridRows(Project project, String markdown, Map<String, String> cellAnchor) {
        List<List<String>> rows = new ArrayList<>();
        List<String> idioms = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("|") || line.startsWith("|---")) continue;
            String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
            List<String> row = new ArrayList<>();
            if (rows.isEmpty()) {
                for (String c : cells) { row.add(HtmlReport.esc(c.trim())); idioms.add(c.trim().replaceAll("^\\d+\\. ", "")); }
            } else {
                String mech = cells[0].trim().replaceAll("^\\d+\\. ", "");
                row.add(HtmlReport.esc(cells[0].trim()));
                for (int k = 1; k < cells.length; k++) {
                    String a = cellAnchor.get(mech + "/" + idioms.get(k));
                    String text = cells[k].trim();
                    String html = text.replace("**", "").isEmpty() ? "" : HtmlReport.esc(text).replaceAll("\\*\\*([^*]+)\\*\\*", "<b class=\"bad\">$1</b>");
                    row.add(a == null || text.equals("-") ? html : "<a class=\"cell\" href=\"#" + a + "\">" + html + "</a>");
                }
            }
            rows.add(row);
        }
        return rows;
    }

    static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path f, String text) { RunOutput.write(f, text); }
}
