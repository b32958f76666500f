package adoptsig.report;

import adoptsig.Fixtures;
import adoptsig.catalog.Answers;
import adoptsig.game.Arena;
import adoptsig.game.Call;
import adoptsig.game.Interface;
import adoptsig.game.PairGame;
import adoptsig.game.Setting;
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
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pictures, checked for structure: one lifeline per process of the trace (a reused PID is a
 * new lifeline), forks and reparentings drawn, the breaking step marked with the property in the
 * violation colour, each step's label written in the step table, a legend, one colour per service
 * whatever the picture and never the violation's, the loop of a temporal counterexample drawn
 * back to the step it returns to, and no two texts meeting or leaving the canvas (their boxes
 * computed from the SVG's coordinates and the font's advance). Each check is shown to fail on a
 * picture broken on purpose. The pictures of docs/pictures (shown by README.md and docs/) are
 * what the code draws today.
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
        // each step's label on the page, in its row of the step table
        List<Frame> frames = Frame.of(trace);
        Map<String, String> rows = rows(d);
        for (int i = 0; i < frames.size(); i++) {
            String row = rows.get(Integer.toString(i));
            if (row == null || !row.contains(frames.get(i).step())) out.add("step " + i + " (" + frames.get(i).step() + ") not written on the picture");
        }
        // the loop of a temporal counterexample
        Timeline.Loop loop = Pictures.loop(trace);
        List<Element> loops = byClass(d, "g", "loop");
        if (loop == null && !loops.isEmpty()) out.add("a loop drawn for a trace that does not loop");
        if (loop != null && (loops.size() != 1 || !loops.get(0).getAttribute("data-to").equals(Integer.toString(loop.to()))))
            out.add("no loop back to step " + loop.to());
        out.addAll(drawing(svg));
        return out;
    }

    /** The text of each row of the step tables, by step. */
    static Map<String, String> rows(Document d) {
        Map<String, String> out = new java.util.HashMap<>();
        for (Element g : byClass(d, "g", "row")) out.put(g.getAttribute("data-step"), g.getTextContent());
        return out;
    }

    static List<Element> byClass(Document d, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList l = d.getElementsByTagName(tag);
        for (int i = 0; i < l.getLength(); i++) if (((Element) l.item(i)).getAttribute("class").equals(cls)) out.add((Element) l.item(i));
        return out;
    }

    /** The service colours seen so far, across pictures: a service must keep its colour in every picture. */
    static final Map<String, String> COLOURS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The problems of any picture, whatever it draws: a legend with a sample of each kind of line
     * and of each service's colour; each service drawn in one colour, the same as in every other
     * picture, never the violation's; the violation marked in its colour; no two texts meeting,
     * none leaving the canvas.
     */
    static List<String> drawing(String svg) throws Exception {
        List<String> out = new ArrayList<>();
        Document d = parse(svg);
        Set<String> kinds = new java.util.HashSet<>();
        for (Element e : byClass(d, "g", "legend-item")) kinds.add(e.getAttribute("data-kind"));
        if (byClass(d, "g", "legend").size() != 1) out.add(byClass(d, "g", "legend").size() + " legends");
        for (String k : List.of("running", "zombie", "reaped", "fork", "reparent")) if (!kinds.contains(k)) out.add("the legend does not show " + k);
        if (!byClass(d, "g", "breaks").isEmpty() && !kinds.contains("breaks")) out.add("the legend does not show the violation mark");
        if (!byClass(d, "g", "loop").isEmpty() && !kinds.contains("loop")) out.add("the legend does not show the loop");
        Set<String> legendColours = new java.util.HashSet<>();
        for (Element e : byClass(d, "g", "legend-item")) {
            if (!e.getAttribute("data-kind").equals("service")) continue;
            legendColours.add(((Element) e.getElementsByTagName("rect").item(0)).getAttribute("fill"));
        }
        for (Element g : byClass(d, "g", "lifeline")) {
            String svc = g.getAttribute("data-service");
            NodeList lines = g.getElementsByTagName("line");
            for (int i = 0; i < lines.getLength(); i++) {
                String c = ((Element) lines.item(i)).getAttribute("stroke");
                String before = COLOURS.putIfAbsent(svc, c);
                if (before != null && !before.equals(c)) out.add("service " + svc + " drawn in " + c + ", elsewhere in " + before);
                if (c.equalsIgnoreCase(Timeline.VIOLATION)) out.add("service " + svc + " drawn in the violation colour");
                if (!legendColours.contains(c)) out.add("the legend does not show the colour of service " + svc);
            }
        }
        for (Element g : byClass(d, "g", "breaks")) {
            Element l = (Element) g.getElementsByTagName("line").item(0);
            if (l == null || !l.getAttribute("stroke").equalsIgnoreCase(Timeline.VIOLATION)) out.add("the violation mark is not in the violation colour");
        }
        out.addAll(overlaps(d));
        return out;
    }

    /** Every pair of texts whose boxes meet, every text that leaves the canvas (the viewBox), and every text too small to read. */
    static List<String> overlaps(Document d) {
        List<String> out = new ArrayList<>();
        Element root = d.getDocumentElement();
        String[] vb = root.getAttribute("viewBox").trim().split("\\s+");
        double w = Double.parseDouble(vb[2]), h = Double.parseDouble(vb[3]);
        List<Timeline.Box> boxes = new ArrayList<>();
        NodeList texts = d.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            double size = Double.parseDouble(inherited(t, "font-size"));
            String anchor = inherited(t, "text-anchor");
            Timeline.Box b = Timeline.box(Double.parseDouble(t.getAttribute("x")), Double.parseDouble(t.getAttribute("y")), size,
                    anchor == null ? "start" : anchor, t.getTextContent());
            if (b.x0() < 0 || b.y0() < 0 || b.x1() > w || b.y1() > h) out.add("'" + b.text() + "' leaves the canvas");
            if (size < MIN_FONT) out.add("'" + b.text() + "' is drawn at " + fmt(size) + " px, smaller than " + MIN_FONT);
            for (Timeline.Box o : boxes) if (o.meets(b)) out.add("'" + o.text() + "' and '" + b.text() + "' meet");
            boxes.add(b);
        }
        return out;
    }

    /** The smallest font size a picture may use, in px: readable in a PNG at its own size. */
    static final int MIN_FONT = 11;

    private static String fmt(double v) { return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v); }

    private static String inherited(Element e, String attr) {
        for (org.w3c.dom.Node n = e; n instanceof Element x; n = n.getParentNode()) if (x.hasAttribute(attr)) return x.getAttribute(attr);
        return null;
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

    @Test
    void theDrawingCheckFailsOnTextsThatMeetOrLeaveTheCanvasAndOnAMissingLegendLabelOrLoop() throws Exception {
        Trace t = trace("rfc-dance", "StoppedDetectedProp");
        String svg = Pictures.counterexample("rfc-dance", "StoppedDetectedProp", t);
        assertThat(problems(svg, t, "StoppedDetectedProp")).isEmpty();
        // columns narrower than a two-digit step number: the numbers 9 and 10 meet
        String narrow = Timeline.svg(Frame.of(t), "rfc-dance: StoppedDetectedProp", "StoppedDetectedProp", Pictures.loop(t),
                new Timeline.Spacing(10, 22, 11, 15, 6));
        assertThat(overlaps(parse(narrow))).contains("'9' and '10' meet");
        // table rows closer than the font's height: the steps' rows meet
        String tight = Timeline.svg(Frame.of(t), "rfc-dance: StoppedDetectedProp", "StoppedDetectedProp", Pictures.loop(t),
                new Timeline.Spacing(34, 22, 11, 8, 6));
        assertThat(overlaps(parse(tight))).contains("'init boots' and 'init forks service process 2' meet");
        // a font smaller than can be read
        String small = svg.replaceFirst("font-size=\"11\">", "font-size=\"9\">");
        assertThat(overlaps(parse(small))).contains("'init boots' is drawn at 9 px, smaller than 11");
        // a canvas cut short on the right: the violation's label leaves it
        String cut = svg.replaceFirst("viewBox=\"0 0 (\\d+) ", "viewBox=\"0 0 600 ");
        assertThat(overlaps(parse(cut))).contains("'StoppedDetectedProp breaks' leaves the canvas");
        String noLegend = svg.replaceFirst("(?s)<g class=\"legend\">.*?</g>\n</svg>", "</svg>");
        assertThat(problems(noLegend, t, "StoppedDetectedProp")).contains("0 legends", "the legend does not show zombie");
        String noTable = svg.replaceFirst("(?s)<g class=\"row\" data-step=\"3\">.*?</g>", "");
        assertThat(problems(noTable, t, "StoppedDetectedProp")).contains("step 3 (3: setsid) not written on the picture");
        String noLoop = svg.replaceFirst("(?s)<g class=\"loop\".*?</g>", "");
        assertThat(problems(noLoop, t, "StoppedDetectedProp")).contains("no loop back to step 15");
        String violationColour = svg.replace("stroke=\"" + Timeline.colour("a") + "\"", "stroke=\"" + Timeline.VIOLATION + "\"");
        assertThat(drawing(violationColour)).contains("service a drawn in the violation colour");
    }

    @Test
    void aLoopBackToAnEarlierStateIsAnArrowToThatStep() throws Exception {
        String raw = Files.readString(TRACES.resolve("rfc-dance/trace-StoppedDetectedProp.txt"));
        Trace back = TlcOutput.parseSavedTrace(raw.replace("17: Stuttering", "17: Back to state 14"));
        assertThat(back.loopsTo()).isEqualTo(14);
        String svg = Pictures.counterexample("rfc-dance", "StoppedDetectedProp", back);
        assertThat(problems(svg, back, "StoppedDetectedProp")).isEmpty();
        Element loop = byClass(parse(svg), "g", "loop").get(0);
        assertThat(loop.getAttribute("data-to")).isEqualTo("13");
        assertThat(svg).contains("back to step 13, for ever", "steps 14 to 15 and back to step 13 repeat for ever");
        // an invariant's counterexample has no loop
        Trace inv = trace("rfc-two", "SoundAttributionInv");
        assertThat(byClass(parse(Pictures.counterexample("rfc-two", "SoundAttributionInv", inv)), "g", "loop")).isEmpty();
    }

    @Test
    void aServiceHasOneColourInEveryPictureFromAColourBlindSafePaletteAndNotTheViolations() {
        Set<String> okabeIto = Set.of("#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7");
        for (String s : List.of("init", "a", "b", "c", "x", "y", "z", "svc7")) {
            assertThat(okabeIto).as(s).contains(Timeline.colour(s));
            assertThat(Timeline.colour(s)).as(s).isNotEqualTo(Timeline.VIOLATION);
        }
        assertThat(Set.of(Timeline.colour("a"), Timeline.colour("b"), Timeline.colour("x"), Timeline.colour("init"))).hasSize(4);
    }

    /** The picture README.md and docs/grid.md show: the RFC's break with two instances. */
    static String rfcBreak() throws Exception {
        return Pictures.counterexample("rfc-two", "SoundAttributionInv", trace("rfc-two", "SoundAttributionInv"));
    }

    /** The pairwise game's first conflict in the open world with SIGCHLD and waitpid alone (the impossibility of the answer's first row). */
    static String openDanceConflict() {
        Setting s = new Setting(4, List.of("a"), List.of("x"), 4, "dance", false, false, false, Interface.of(adoptsig.Fixtures.PROJECT.answers().iface("classic")), "eager", Set.of(Call.PROBE));
        Arena a = new Arena(s).build(x -> {}, 1_000_000);
        PairGame g = new PairGame(a);
        PairGame.Result r = g.solve(x -> {}, 10_000_000);
        assertThat(r.forced()).isTrue();
        return Pictures.conflict("open-dance-classic-4-eager: two behaviours init cannot tell apart, a forced conflict", a, g, r);
    }

    /**
     * The problems of a conflict's picture: both behaviours drawn, and, step by step, what init
     * did and saw and whose each PID could be, with the conflict said at its step.
     */
    static List<String> pairProblems(String svg) throws Exception {
        List<String> out = new ArrayList<>(drawing(svg));
        Document d = parse(svg);
        Set<String> sides = new java.util.HashSet<>();
        for (Element g : byClass(d, "g", "behaviour")) {
            sides.add(g.getAttribute("data-side"));
            if (g.getElementsByTagName("g").getLength() == 0) out.add("behaviour " + g.getAttribute("data-side") + " is empty");
        }
        if (!sides.equals(Set.of("L", "R"))) out.add("the behaviours drawn: " + sides);
        List<Element> obs = byClass(d, "g", "observations");
        if (obs.size() != 1) { out.add(obs.size() + " tables of what init sees"); return out; }
        String table = obs.get(0).getTextContent();
        for (String h : List.of("init does and sees", "a runs as, L | R", "PIDs init could name as a's")) if (!table.contains(h)) out.add("no column " + h);
        // each call of init, with what it returned, in its row of what init sees (L's step "init CALL: RESULT")
        Map<String, String> seen = new java.util.HashMap<>();
        for (Element row : byClass(d, "g", "row")) if (isIn(row, null)) seen.put(row.getAttribute("data-step"), cell(row, 1));
        for (Element row : byClass(d, "g", "row")) {
            if (!isIn(row, "L") || !cell(row, 1).startsWith("init ")) continue;
            String call = cell(row, 1).substring(5);
            if (!call.equals(seen.get(row.getAttribute("data-step")))) out.add("init's " + call + " at step " + row.getAttribute("data-step") + " not in what init sees");
        }
        if (!table.contains("no answers suit both copies")) out.add("the conflict is not said");
        return out;
    }

    /** The text of a row's k-th cell (0: the step's number). */
    private static String cell(Element row, int k) {
        NodeList t = row.getElementsByTagName("text");
        return k < t.getLength() ? t.item(k).getTextContent() : "";
    }

    /** Whether an element is inside the behaviour of this side (null: inside the observations). */
    private static boolean isIn(Element e, String side) {
        for (org.w3c.dom.Node n = e.getParentNode(); n instanceof Element x; n = n.getParentNode()) {
            if (side == null && x.getAttribute("class").equals("observations")) return true;
            if (side != null && x.getAttribute("class").equals("behaviour") && x.getAttribute("data-side").equals(side)) return true;
        }
        return false;
    }

    @Test
    void theConflictPictureShowsBothBehavioursWhatInitSawAndWhoseEachPidCouldBe() throws Exception {
        String svg = openDanceConflict();
        assertThat(pairProblems(svg)).isEmpty();
        // the conflict turns on PID 3: x's in L, a's in R; init has reaped a's first process and read nothing else
        assertThat(svg).contains("WaitAny: 2", "In R, a runs only as {3}, and 3 is x&apos;s in L".replace("&apos;", "'"));
        String noObservations = svg.replaceFirst("(?s)<g class=\"observations\">.*?</g>\n(?=<g class=\"legend\">)", "");
        assertThat(pairProblems(noObservations)).contains("0 tables of what init sees");
        String noCall = svg.replaceFirst("(?s)(<g class=\"observations\">.*?<g class=\"row\" data-step=\"7\">.*?)WaitAny: 2", "$1-");
        assertThat(pairProblems(noCall)).contains("init's WaitAny: 2 at step 7 not in what init sees");
    }

    @Test
    void theCommittedPicturesAreWhatTheCodeDrawsToday() throws Exception {
        Map<String, String> pictures = Map.of("rfc-two-SoundAttributionInv.svg", rfcBreak(), "open-dance-classic-4-eager-conflict.svg", openDanceConflict());
        if (Boolean.getBoolean("adoptsig.writePictures")) {
            Files.createDirectories(DOCS);
            for (var e : pictures.entrySet()) Files.writeString(DOCS.resolve(e.getKey()), e.getValue());
        }
        for (var e : pictures.entrySet()) assertThat(Files.readString(DOCS.resolve(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
    }
}
