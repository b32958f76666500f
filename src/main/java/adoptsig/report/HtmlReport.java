package adoptsig.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A results folder's report.html: one self-contained page (inline CSS, SVG and a little
 * script; nothing fetched from the network) made of the parts the commands give it, in order:
 * paragraphs, headings, tables, counterexamples (a picture and a story, with a link back to
 * what they illustrate) placed where they are given or gathered at the end. It knows nothing of
 * TLC; {@link CheckReport} makes the report of a check.
 */
public final class HtmlReport {
    /** A counterexample: its anchor, title, story text and picture, and the anchor of what it illustrates (null: none). */
    public record Counterexample(String anchor, String title, String story, String svg, String back) {
        public Counterexample(String anchor, String title, String story, String svg) { this(anchor, title, story, svg, null); }
    }

    private final String title;
    private final List<String> parts = new ArrayList<>();
    private final List<Counterexample> examples = new ArrayList<>();

    public HtmlReport(String title) { this.title = title; }

    public static String esc(String s) { return Timeline.esc(s); }

    /** The anchor of a model's section, or of a counterexample. */
    public static String anchor(String... parts) {
        return String.join("--", parts).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    public HtmlReport paragraph(String text) {
        parts.add("<p>" + esc(text) + "</p>");
        return this;
    }

    public HtmlReport heading(String text, String id) {
        parts.add("<h2" + (id == null ? "" : " id=\"" + id + "\"") + ">" + esc(text) + "</h2>");
        return this;
    }

    /** A table; cells are HTML already (use esc and link). first row: the header. */
    public HtmlReport table(String cssClass, List<List<String>> rows) {
        StringBuilder b = new StringBuilder("<table class=\"" + cssClass + "\">\n");
        for (int i = 0; i < rows.size(); i++) {
            b.append("<tr>");
            for (String c : rows.get(i)) b.append(i == 0 ? "<th>" : "<td>").append(c).append(i == 0 ? "</th>" : "</td>");
            b.append("</tr>\n");
        }
        parts.add(b.append("</table>").toString());
        return this;
    }

    /** A Markdown pipe table (as the generated tables of README.md and docs/) as HTML, with **bold** and `code`; cells may be links by anchor function. */
    public HtmlReport markdownTable(String cssClass, String markdown, java.util.function.Function<String, String> anchorOfFirstCell) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("|") || line.startsWith("|---")) continue;
            String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|", -1);
            List<String> row = new ArrayList<>();
            for (int k = 0; k < cells.length; k++) {
                String c = inline(cells[k].trim());
                String a = k == 0 && !rows.isEmpty() && anchorOfFirstCell != null ? anchorOfFirstCell.apply(cells[k].trim()) : null;
                row.add(a == null ? c : "<a href=\"#" + a + "\">" + c + "</a>");
            }
            rows.add(row);
        }
        return table(cssClass, rows);
    }

    static String inline(String md) {
        return esc(md).replaceAll("\\*\\*([^*]+)\\*\\*", "<b class=\"bad\">$1</b>").replaceAll("`([^`]+)`", "<code>$1</code>");
    }

    public static String link(String text, String anchor) { return "<a href=\"#" + anchor + "\">" + esc(text) + "</a>"; }

    /** HTML as it is (the caller escapes what it takes from elsewhere). */
    public HtmlReport raw(String html) {
        parts.add(html);
        return this;
    }

    /** A counterexample, gathered with the others at the end of the page. */
    public HtmlReport counterexample(Counterexample c) {
        examples.add(c);
        return this;
    }

    /** A counterexample, here. */
    public HtmlReport section(Counterexample c) {
        parts.add(cx(c));
        return this;
    }

    private static String cx(Counterexample c) {
        return "<section class=\"cx\" id=\"" + c.anchor() + "\">\n<h3>" + esc(c.title()) + "</h3>\n"
                + (c.back() == null ? "" : "<p class=\"back\">" + link("back to the verdicts", c.back()) + "</p>\n")
                + "<div class=\"picture\">\n" + c.svg() + "</div>\n"
                + "<details><summary>the story</summary><pre>" + esc(c.story()) + "</pre></details>\n</section>";
    }

    public String html() {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:1.5em;max-width:1400px}table{border-collapse:collapse;margin:.5em 0}")
                .append("td,th{border:1px solid #ccc;padding:3px 6px;font-size:13px;vertical-align:top}th{background:#eee}")
                .append(".bad{color:#b00;font-weight:bold}.differs{background:#fdd}.target{outline:3px solid #f90}")
                .append("pre{font-size:12px;background:#f7f7f7;padding:6px;overflow-x:auto}section.cx{border-top:1px solid #ccc;margin-top:1em}")
                .append(".picture{overflow-x:auto}section.model{border-top:2px solid #999;margin-top:1.5em}.back{font-size:13px}")
                .append(".v-safe{background:#d4e8f5}.v-violated{background:#fbdcc8}.v-undecided{background:#fbf3c0}.v-notrun{background:#eeeeee;color:#666}")
                .append(".v-differs{box-shadow:inset 0 0 0 3px #D55E00}.swatch{display:inline-block;padding:1px 6px;border:1px solid #ccc}")
                .append("table.grid td{min-width:7em}abbr{text-decoration:underline dotted}\n</style></head><body>\n<h1>").append(esc(title)).append("</h1>\n");
        for (String p : parts) b.append(p).append('\n');
        if (!examples.isEmpty()) b.append("<h2 id=\"counterexamples\">Counterexamples</h2>\n");
        for (Counterexample c : examples) b.append(cx(c)).append('\n');
        b.append("<p id=\"footer\"></p>\n<script>\n")
                .append("function mark(){document.querySelectorAll('.target').forEach(function(e){e.classList.remove('target');});")
                .append("var id=decodeURIComponent(location.hash.substring(1));var t=id&&document.getElementById(id);if(t){t.classList.add('target');}}\n")
                .append("window.addEventListener('hashchange',mark);mark();\n")
                .append("document.getElementById('footer').textContent=document.querySelectorAll('section.cx').length+' counterexample(s), '")
                .append("+document.querySelectorAll('svg.timeline').length+' picture(s).';\n")
                .append("</script>\n</body></html>\n");
        return b.toString();
    }
}
