package adoptsig.report;

import adoptsig.Fixtures;
import adoptsig.catalog.Answers;
import adoptsig.tlc.TlcOutput;
import adoptsig.tlc.Trace;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pictures, checked for structure: one lifeline per process of the trace (a reused PID is a
 * new lifeline), forks and reparentings drawn, the breaking step marked with the property; the
 * checker fails on a picture with a lifeline or the mark missing. The pictures of docs/pictures
 * (shown by README.md and docs/grid.md) are what the code draws today.
 */
class PicturesTest {
    static final Path TRACES = Fixtures.root().resolve("src/test/resources/traces");
    static final Path DOCS = Fixtures.root().resolve("docs/pictures");

    static Trace trace(String model, String property) throws Exception {
        return TlcOutput.parseSavedTrace(Files.readString(TRACES.resolve(model).resolve("trace-" + property + ".txt")));
    }

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every problem of a counterexample's picture against its trace; empty when the picture is right. */
    static List<String> problems(String svg, Trace trace, String property) throws Exception {
        List<String> out = new ArrayList<>();
        Document d = parse(svg);
        // the (PID, incarnation) pairs of the trace
        Set<String> expected = new LinkedHashSet<>();
        java.util.Map<Integer, Integer> count = new java.util.HashMap<>();
        Set<Integer> live = new java.util.HashSet<>();
        for (var s : trace.states()) {
            Set<Integer> now = new java.util.HashSet<>();
            for (int p = 1; p <= s.var("pstate").elements().size(); p++) if (!s.var("pstate").apply(p).asStr().equals("free")) now.add(p);
            for (int p : now) if (!live.contains(p)) expected.add(p + "#" + count.merge(p, 1, Integer::sum));
            live = now;
        }
        Set<String> drawn = new LinkedHashSet<>();
        NodeList gs = d.getElementsByTagName("g");
        int breaks = 0;
        for (int i = 0; i < gs.getLength(); i++) {
            Element g = (Element) gs.item(i);
            if (g.getAttribute("class").equals("lifeline")) {
                drawn.add(g.getAttribute("data-pid") + "#" + g.getAttribute("data-incarnation"));
                if (g.getElementsByTagName("line").getLength() == 0) out.add("lifeline " + g.getAttribute("data-pid") + " has no line");
            }
            if (g.getAttribute("class").equals("breaks")) {
                breaks++;
                if (!g.getAttribute("data-property").equals(property)) out.add("the mark names " + g.getAttribute("data-property"));
                if (!g.getAttribute("data-step").equals(Integer.toString(trace.steps()))) out.add("the mark is at step " + g.getAttribute("data-step"));
            }
        }
        for (String e : expected) if (!drawn.contains(e)) out.add("no lifeline for process " + e);
        for (String e : drawn) if (!expected.contains(e)) out.add("a lifeline for no process: " + e);
        if (breaks != 1) out.add(breaks + " breaking marks");
        return out;
    }

    @Test
    void everySavedCounterexampleIsDrawnWithALifelinePerProcessAndItsBreakingStep() throws Exception {
        int n = 0;
        try (var models = Files.list(TRACES)) {
            for (Path m : models.sorted().toList()) {
                try (var files = Files.list(m)) {
                    for (Path f : files.filter(x -> x.getFileName().toString().startsWith("trace-")).toList()) {
                        String property = f.getFileName().toString().replaceAll("^trace-|\\.txt$", "");
                        Trace t = TlcOutput.parseSavedTrace(Files.readString(f));
                        String svg = Pictures.counterexample(m.getFileName().toString(), property, t);
                        assertThat(problems(svg, t, property)).as(f.toString()).isEmpty();
                        n++;
                    }
                }
            }
        }
        assertThat(n).isGreaterThan(30);
    }

    @Test
    void aReusedPidIsANewLifelineAndForksAndAdoptionsAreDrawn() throws Exception {
        Trace t = trace("rfc-two", "SoundAttributionInv");
        Document d = parse(Pictures.counterexample("rfc-two", "SoundAttributionInv", t));
        List<String> lives = new ArrayList<>(), forks = new ArrayList<>(), adoptions = new ArrayList<>();
        NodeList gs = d.getElementsByTagName("g");
        for (int i = 0; i < gs.getLength(); i++) {
            Element g = (Element) gs.item(i);
            if (g.getAttribute("class").equals("lifeline")) lives.add(g.getAttribute("data-pid") + "#" + g.getAttribute("data-incarnation") + " " + g.getAttribute("data-service"));
            if (g.getAttribute("class").equals("reparent")) adoptions.add(g.getAttribute("data-pid") + "->" + g.getAttribute("data-to"));
        }
        NodeList lines = d.getElementsByTagName("line");
        for (int i = 0; i < lines.getLength(); i++) {
            Element l = (Element) lines.item(i);
            if (l.getAttribute("class").equals("fork")) forks.add(l.getAttribute("data-parent") + "->" + l.getAttribute("data-child"));
        }
        // PID 2 is a's first process, reaped, then b's: two lifelines of different services
        assertThat(lives).contains("2#1 a", "2#2 b", "3#1 a", "4#1 a");
        assertThat(forks).containsExactly("1->2", "2->3", "3->4", "1->2");
        assertThat(adoptions).containsExactly("3->1");
    }

    @Test
    void theCheckerFailsOnAMissingLifelineOrAMissingMark() throws Exception {
        Trace t = trace("rfc-two", "SoundAttributionInv");
        String svg = Pictures.counterexample("rfc-two", "SoundAttributionInv", t);
        assertThat(problems(svg, t, "SoundAttributionInv")).isEmpty();
        String noLife = svg.replaceFirst("(?s)<g class=\"lifeline\" data-pid=\"4\".*?</g>\n", "");
        assertThat(problems(noLife, t, "SoundAttributionInv")).contains("no lifeline for process 4#1");
        String noMark = svg.replaceFirst("(?s)<g class=\"breaks\".*?</g>\n", "");
        assertThat(problems(noMark, t, "SoundAttributionInv")).contains("0 breaking marks");
        assertThat(problems(svg, t, "RunningReportedInv")).contains("the mark names SoundAttributionInv");
    }

    /** The picture README.md and docs/grid.md show: the RFC's break with two instances. */
    static String rfcBreak() throws Exception {
        return Pictures.counterexample("rfc-two", "SoundAttributionInv", trace("rfc-two", "SoundAttributionInv"));
    }

    @Test
    void theReadmePicturesAreWhatTheCodeDrawsToday() throws Exception {
        if (Boolean.getBoolean("adoptsig.writePictures")) {
            Files.createDirectories(DOCS);
            Files.writeString(DOCS.resolve("rfc-two-SoundAttributionInv.svg"), rfcBreak());
        }
        assertThat(Files.readString(DOCS.resolve("rfc-two-SoundAttributionInv.svg"))).isEqualTo(rfcBreak());
    }
}
