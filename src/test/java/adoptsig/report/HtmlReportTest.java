package adoptsig.report;

import adoptsig.Fixtures;
import adoptsig.catalog.Catalogue;
import org.htmlunit.BrowserVersion;
import org.htmlunit.ScriptException;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.javascript.JavaScriptErrorListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report of a fresh check, opened in a browser engine (HtmlUnit): every grid cell and
 * property links to something that exists, every counterexample has its picture, a click on a
 * cell leads to the model's section (marked by the page's script) and a link there leads back
 * to the cell, nothing is fetched from the network, and no script fails. The page reads as a
 * report: a summary first, the grid coloured by verdict with a legend that has every colour and
 * expands every abbreviation from the catalogue, the idioms and the mechanisms in two tables,
 * each model's counterexamples in its own section after its verdicts, and no grid for a run of
 * one model. Each check is shown to fail on a page broken on purpose.
 */
class HtmlReportTest {
    @TempDir static Path tmp;
    static Path report, single;

    @BeforeAll
    static void check() throws Exception {
        Fixtures.Run r = Fixtures.cli("check", "rfc-dance", "rfc-noFork", "--root", Fixtures.root().toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        report = tmp.resolve("out/report.html");
        assertThat(report).exists();
        Fixtures.Run one = Fixtures.cli("check", "rfc-noFork", "--root", Fixtures.root().toString(), "--out", tmp.resolve("one").toString());
        assertThat(one.exit()).as(one.out() + one.err()).isZero();
        single = tmp.resolve("one/report.html");
    }

    static WebClient browser(List<String> errors) {
        WebClient c = new WebClient(BrowserVersion.FIREFOX);
        c.getOptions().setJavaScriptEnabled(true);
        c.getOptions().setCssEnabled(false);
        c.getOptions().setThrowExceptionOnScriptError(true);
        c.setJavaScriptErrorListener(new JavaScriptErrorListener() {
            @Override public void scriptException(HtmlPage page, ScriptException e) { errors.add(e.getMessage()); }
            @Override public void timeoutError(HtmlPage page, long allowed, long executed) { errors.add("timeout"); }
            @Override public void malformedScriptURL(HtmlPage page, String url, MalformedURLException e) { errors.add(url); }
            @Override public void loadScriptError(HtmlPage page, URL url, Exception e) { errors.add(url.toString()); }
            @Override public void warn(String message, String sourceName, int line, String lineSource, int lineOffset) {}
        });
        // nothing may come from the network: any request other than the file itself fails the test
        c.getOptions().setTimeout(2000);
        return c;
    }

    /** Every problem with the page's links and pictures; empty when each link leads somewhere and each counterexample has a picture. */
    static List<String> problems(HtmlPage page) {
        List<String> out = new ArrayList<>();
        for (HtmlAnchor a : page.getAnchors()) {
            String href = a.getHrefAttribute();
            if (!href.startsWith("#")) { out.add("a link out of the page: " + href); continue; }
            if (page.getElementById(href.substring(1)) == null) out.add("a link to nothing: " + href);
        }
        for (DomElement s : page.getElementsByTagName("section")) {
            if (s.getAttribute("class").equals("cx") && s.getElementsByTagName("svg").isEmpty()) out.add("no picture in " + s.getId());
        }
        for (DomElement e : page.getElementsByTagName("*")) {
            for (String attr : new String[] {"src", "href"}) {
                String v = e.getAttribute(attr);
                if (v != DomElement.ATTRIBUTE_NOT_DEFINED && (v.startsWith("http") || v.startsWith("//"))) out.add("fetched from the network: " + v);
            }
        }
        return out;
    }

    @Test
    void everyCellAndPropertyLeadsToItsStoryAndPictureAndTheScriptRuns() throws Exception {
        List<String> errors = new ArrayList<>();
        try (WebClient c = browser(errors)) {
            HtmlPage page = c.getPage(report.toUri().toURL());
            assertThat(problems(page)).isEmpty();
            List<HtmlAnchor> cells = page.getByXPath("//table[@class='grid']//a[@class='cell']");
            assertThat(cells).hasSize(2);
            // rfc-dance's two counterexamples (an invariant and a temporal property), each with a picture with one lifeline per process
            assertThat(page.getByXPath("//section[@class='cx']")).hasSize(2);
            assertThat(page.getElementById("cx--rfc-dance--TracksLiveProcessInv").getByXPath(".//*[local-name()='g'][@class='lifeline']")).hasSize(4);
            assertThat(page.getElementById("footer").getTextContent()).isEqualTo("2 counterexample(s), 2 picture(s).");
            HtmlAnchor dance = cells.stream().filter(a -> a.getHrefAttribute().equals("#model--rfc-dance")).findFirst().orElseThrow();
            HtmlPage after = dance.click();
            assertThat(after.getElementById("model--rfc-dance").getAttribute("class")).contains("target");
            HtmlAnchor story = after.getFirstByXPath("//a[@href='#cx--rfc-dance--TracksLiveProcessInv']");
            HtmlPage at = story.click();
            assertThat(at.getElementById("cx--rfc-dance--TracksLiveProcessInv").getAttribute("class")).contains("target");
            assertThat(at.getElementById("cx--rfc-dance--TracksLiveProcessInv").getTextContent()).contains("TracksLiveProcessInv is violated (12 steps)");
        }
        assertThat(errors).isEmpty();
    }

    /**
     * Every way the page fails to read as a report: the summary not first; a grid of fewer than
     * two cells, or with a cell of "-"; a cell without a verdict colour, or with a colour the
     * legend lacks; an abbreviation the legend does not expand; a model's section without a link
     * back to its cell; a counterexample outside its model's section, or before its verdicts;
     * the idioms' and mechanisms' rows in one table.
     */
    static List<String> reportProblems(HtmlPage page) {
        List<String> out = new ArrayList<>();
        DomElement first = page.getFirstByXPath("//h1/following-sibling::*[1]");
        if (first == null || !"summary".equals(first.getId())) out.add("the summary is not at the top");
        List<DomElement> cells = page.getByXPath("//table[@class='grid']//td");
        List<DomElement> grids = page.getByXPath("//table[@class='grid']");
        if (!grids.isEmpty() && page.getByXPath("//table[@class='grid']//a[@class='cell']").size() < 2) out.add("a grid of fewer than two cells");
        Set<String> swatches = new HashSet<>();
        for (Object o : page.getByXPath("//*[@id='grid-legend']//span[contains(@class,'swatch')]")) swatches.addAll(List.of(((DomElement) o).getAttribute("class").split(" ")));
        Set<String> expanded = new HashSet<>();
        for (Object o : page.getByXPath("//*[@id='grid-legend']//table[@class='properties']//tr/td[1]")) expanded.add(((DomElement) o).getTextContent().trim());
        for (DomElement td : cells) {
            if (td.getTextContent().trim().equals("-")) out.add("a grid cell of '-'");
            List<String> marks = List.of(td.getAttribute("class").split(" ")).stream().filter(c -> c.startsWith("v-")).toList();
            if (marks.isEmpty()) { out.add("cell " + td.getId() + " has no verdict colour"); continue; }
            for (String m : marks) if (!swatches.contains(m)) out.add("the legend has no swatch for " + m);
            for (DomElement abbr : td.getElementsByTagName("abbr")) if (!expanded.contains(abbr.getTextContent().trim())) out.add("abbreviation " + abbr.getTextContent().trim() + " not expanded");
            for (DomElement a : td.getElementsByTagName("a")) {
                DomElement model = page.getElementById(a.getAttribute("href").substring(1));
                if (model == null) continue;
                if (model.getFirstByXPath(".//a[@href='#" + td.getId() + "']") == null) out.add(model.getId() + " has no link back to " + td.getId());
            }
        }
        for (Object o : page.getByXPath("//section[@class='cx']")) {
            DomElement cx = (DomElement) o;
            DomElement model = cx.getFirstByXPath("ancestor::section[@class='model']");
            if (model == null) { out.add(cx.getId() + " is not in its model's section"); continue; }
            if (cx.getFirstByXPath("preceding-sibling::table[@class='verdicts']") == null) out.add(cx.getId() + " comes before its model's verdicts");
        }
        for (Object o : page.getByXPath("//table[@class='idioms']//tr/td[1]")) {
            String id = ((DomElement) o).getTextContent().trim().replaceAll("^\\d+\\. ", "");
            if (page.getByXPath("//table[@class='grid']//th[contains(., '. " + id + "')]").isEmpty()) out.add("an idiom not in the grid: " + id);
        }
        return out;
    }

    @Test
    void theReportHasASummaryAGridColouredByVerdictWithItsLegendAndEachModelBesideItsCounterexamples() throws Exception {
        List<String> errors = new ArrayList<>();
        Catalogue catalogue = Catalogue.load(Fixtures.root());
        try (WebClient c = browser(errors)) {
            HtmlPage page = c.getPage(report.toUri().toURL());
            assertThat(reportProblems(page)).isEmpty();
            String summary = page.getElementById("summary").getTextContent();
            assertThat(summary).contains("2 model(s), 22 verdict(s): 20 hold, 2 violated", "Everything agrees with the record", "Time: ");
            assertThat(page.getElementById("cell--rfc--dance").getAttribute("class")).isEqualTo("v-violated");
            assertThat(page.getElementById("cell--rfc--noFork").getAttribute("class")).isEqualTo("v-safe");
            // the abbreviations, expanded from the catalogue
            String legend = page.getElementById("grid-legend").getTextContent();
            assertThat(legend).contains("TracksLiveProcessInv", catalogue.property("TracksLiveProcessInv").meaning(), "StoppedDetectedProp");
            // the idioms and the mechanisms of the run, a table each
            assertThat(page.getByXPath("//table[@class='idioms']//tr")).hasSize(3);
            assertThat(page.getByXPath("//table[@class='mechanisms']//tr")).hasSize(2);
            // from the cell to the model, from the model back to the cell; from a counterexample back to its verdicts
            HtmlPage at = ((HtmlAnchor) page.getFirstByXPath("//td[@id='cell--rfc--dance']/a")).click();
            assertThat(at.getElementById("model--rfc-dance").getAttribute("class")).contains("target");
            at = ((HtmlAnchor) at.getFirstByXPath("//section[@id='model--rfc-dance']//a[@href='#cell--rfc--dance']")).click();
            assertThat(at.getElementById("cell--rfc--dance").getAttribute("class")).contains("target");
            assertThat(at.getByXPath("//section[@id='model--rfc-dance']//section[@class='cx']")).hasSize(2);
            at = ((HtmlAnchor) at.getFirstByXPath("//section[@id='cx--rfc-dance--StoppedDetectedProp']//a[@href='#model--rfc-dance']")).click();
            assertThat(at.getElementById("model--rfc-dance").getAttribute("class")).contains("target");
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void aDifferenceFromTheRecordIsInTheSummaryLinkedToItsModelAndMarkedInTheGrid() throws Exception {
        // a copy of the project whose record expects rfc-noFork to break SoundAttributionInv in 5 steps
        Path proj = tmp.resolve("proj");
        for (String dir : List.of("spec", "properties")) {
            try (var files = Files.walk(Fixtures.root().resolve(dir))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path to = proj.resolve(Fixtures.root().relativize(f));
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to);
                }
            }
        }
        Path expected = proj.resolve("properties/expected.tsv");
        String record = Files.readString(expected);
        assertThat(record).contains("rfc-noFork\tSoundAttributionInv\tholds\t-");
        Files.writeString(expected, record.replace("rfc-noFork\tSoundAttributionInv\tholds\t-", "rfc-noFork\tSoundAttributionInv\tviolated\t5"));
        Fixtures.Run r = Fixtures.cli("check", "rfc-dance", "rfc-noFork", "--root", proj.toString(), "--out", tmp.resolve("differs").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        List<String> errors = new ArrayList<>();
        try (WebClient c = browser(errors)) {
            HtmlPage page = c.getPage(tmp.resolve("differs/report.html").toUri().toURL());
            assertThat(problems(page)).isEmpty();
            assertThat(reportProblems(page)).isEmpty();
            String summary = page.getElementById("summary").getTextContent();
            assertThat(summary).contains("1 of 2 model(s) agree with the record", "1 difference(s)",
                    "rfc-noFork / SoundAttributionInv: recorded violated in 5 steps; TLC: holds");
            HtmlAnchor d = page.getFirstByXPath("//section[@id='summary']//table[@class='differences']//a");
            assertThat(d.getHrefAttribute()).isEqualTo("#model--rfc-noFork");
            assertThat(page.getElementById("cell--rfc--noFork").getAttribute("class")).isEqualTo("v-safe v-differs");
            assertThat(page.getElementById("cell--rfc--dance").getAttribute("class")).isEqualTo("v-violated");
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void aRunOfOneModelHasNoGridAndNoBounds() throws Exception {
        List<String> errors = new ArrayList<>();
        try (WebClient c = browser(errors)) {
            HtmlPage page = c.getPage(single.toUri().toURL());
            assertThat(problems(page)).isEmpty();
            assertThat(reportProblems(page)).isEmpty();
            assertThat(page.getByXPath("//table[@class='grid']")).isEmpty();
            assertThat(page.getByXPath("//table[@class='idioms'] | //table[@class='mechanisms'] | //*[@id='grid-legend']")).isEmpty();
            assertThat(page.getElementById("summary").getTextContent()).contains("1 model(s), 11 verdict(s): 11 hold, 0 violated", "Everything agrees");
            assertThat(page.getElementById("model--rfc-noFork")).isNotNull();
            assertThat(page.getElementById("model--rfc-noFork").getTextContent()).doesNotContain("back to its cell");
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void theReportCheckFailsOnAPageThatDoesNotReadAsAReport() throws Exception {
        String html = Files.readString(report);
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("the summary is not at the top", html.replaceFirst("(?s)(<section id=\"summary\">.*?</section>)\n(<h2 id=\"grid\">The grid</h2>)", "$2\n$1"));
        broken.put("the legend has no swatch for v-violated", html.replace("<span class=\"swatch v-violated\">", "<span>"));
        broken.put("abbreviation TLP not expanded", html.replaceFirst("(?s)<tr><td><abbr title=\"TracksLiveProcessInv\">.*?</tr>", ""));
        broken.put("model--rfc-dance has no link back to cell--rfc--dance", html.replace("href=\"#cell--rfc--dance\"", "href=\"#grid\""));
        broken.put("the legend has no swatch for v-differs", html.replace("class=\"v-safe\" id=\"cell--rfc--noFork\"", "class=\"v-safe v-differs\" id=\"cell--rfc--noFork\""));
        broken.put("cell cell--rfc--noFork has no verdict colour", html.replace("class=\"v-safe\" id=\"cell--rfc--noFork\"", "id=\"cell--rfc--noFork\""));
        broken.put("cx--rfc-dance--StoppedDetectedProp is not in its model's section",
                html.replaceFirst("(?s)(<section class=\"cx\" id=\"cx--rfc-dance--StoppedDetectedProp\">.*?</section>)\n</section>", "</section>\n$1"));
        broken.put("an idiom not in the grid: apue", html.replaceFirst("(<table class=\"idioms\">\n<tr>.*?</tr>\n)", "$1<tr><td>3. apue</td></tr>\n"));
        int k = 0;
        for (var e : broken.entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).isNotEqualTo(html);
            Path f = tmp.resolve("broken-" + k++ + ".html");
            Files.writeString(f, e.getValue());
            try (WebClient c = browser(new ArrayList<>())) {
                assertThat(reportProblems(c.getPage(f.toUri().toURL()))).as(e.getKey()).contains(e.getKey());
            }
        }
    }

    @Test
    void theLinkCheckerFailsOnABrokenLinkAndAMissingPicture() throws Exception {
        String html = Files.readString(report);
        Path broken = tmp.resolve("broken.html");
        Files.writeString(broken, html.replace("id=\"cx--rfc-dance--TracksLiveProcessInv\"", "id=\"renamed\"")
                .replaceFirst("(?s)(<section class=\"cx\" id=\"cx--rfc-dance--StoppedDetectedProp\">.*?)<svg.*?</svg>", "$1"));
        List<String> errors = new ArrayList<>();
        try (WebClient c = browser(errors)) {
            HtmlPage page = c.getPage(broken.toUri().toURL());
            assertThat(problems(page)).contains("a link to nothing: #cx--rfc-dance--TracksLiveProcessInv", "no picture in cx--rfc-dance--StoppedDetectedProp");
        }
    }
}
