package adoptsig.report;

import adoptsig.Fixtures;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report of a fresh check, opened in a browser engine (HtmlUnit): every grid cell and
 * property links to something that exists, every counterexample has its picture, a click on a
 * cell leads to the model's section (marked by the page's script), nothing is fetched from the
 * network, and no script fails. The link checker is shown to fail on a broken link.
 */
class HtmlReportTest {
    @TempDir static Path tmp;
    static Path report;

    @BeforeAll
    static void check() throws Exception {
        Fixtures.Run r = Fixtures.cli("check", "rfc-dance", "rfc-noFork", "--root", Fixtures.root().toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        report = tmp.resolve("out/report.html");
        assertThat(report).exists();
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
