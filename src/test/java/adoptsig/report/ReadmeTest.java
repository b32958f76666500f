package adoptsig.report;

import adoptsig.Fixtures;
import adoptsig.catalog.Answers;
import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Models;
import adoptsig.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation (README.md and the pages of docs/): every generated section is, in the file
 * it lives in, what the data files give, and a block edited by hand is caught; the answer tables
 * come from the record alone; the README is a short index with the answer and the two commands
 * first; every link and picture resolves, every model named exists, and the text speaks to users.
 */
class ReadmeTest {
    @TempDir Path tmp;

    static final String BUILD_AND_RUN = "mvn -B package -DskipTests && java -jar target/adoptsig.jar check";
    static final String TEST = "mvn -B test";

    static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readme() { return read(Fixtures.root().resolve("README.md")); }

    /** README.md and every page of docs/, by path relative to the project, with their text. */
    static Map<String, String> documents() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("README.md", readme());
        try (Stream<Path> pages = Files.list(Fixtures.root().resolve("docs"))) {
            for (Path p : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) out.put("docs/" + p.getFileName(), read(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Which generated sections of these documents differ from the data (file: why), none when all agree. */
    static List<String> staleSections(Map<String, String> docs, List<Tables.Section> sections) {
        List<String> out = new ArrayList<>();
        for (Tables.Section s : sections) {
            String doc = docs.get(s.file());
            String why = doc == null ? s.file() + ": no such file" : Tables.stale(doc, s);
            if (why != null) out.add(why);
        }
        return out;
    }

    @Test
    void everyGeneratedSectionMatchesTheDataFilesInTheFileItLivesIn() {
        List<Tables.Section> sections = Fixtures.PROJECT.generatedSections();
        assertThat(sections).extracting(Tables.Section::name).contains("answer", "answer-checks", "interfaces", "bounds", "grid",
                "ablations", "models", "facts").doesNotHaveDuplicates();
        assertThat(sections).allMatch(s -> s.file().equals("README.md") || s.file().matches("docs/[A-Za-z-]+\\.md"));
        assertThat(sections).filteredOn(s -> s.name().equals("answer")).extracting(Tables.Section::file).containsExactly("README.md");
        assertThat(staleSections(documents(), sections)).as("regenerate them with: java -jar target/adoptsig.jar tables --write").isEmpty();
    }

    /** A table edited by hand, in the README or in a page of docs/, is caught and named; a missing marker too. */
    @Test
    void aBlockEditedByHandFailsTheCheck() {
        List<Tables.Section> sections = Fixtures.PROJECT.generatedSections();
        Map<String, String> docs = documents();
        Tables.Section answer = sections.stream().filter(s -> s.name().equals("answer")).findFirst().orElseThrow();
        String r = docs.get("README.md");
        int b = r.indexOf(answer.begin()), cell = r.indexOf("| noFork | ", b) + "| noFork | ".length(), cellEnd = r.indexOf(" |", cell);
        assertThat(cell).isGreaterThan(b);
        Map<String, String> edited = new LinkedHashMap<>(docs);
        edited.put("README.md", r.substring(0, cell) + "P/P; I/I (by hand)" + r.substring(cellEnd));
        assertThat(staleSections(edited, sections)).containsExactly("README.md: section answer differs from what the data files give");

        Tables.Section grid = sections.stream().filter(s -> s.name().equals("grid")).findFirst().orElseThrow();
        String g = docs.get(grid.file());
        edited = new LinkedHashMap<>(docs);
        int safe = g.indexOf("| 1. ", g.indexOf(grid.begin()));
        edited.put(grid.file(), g.substring(0, safe) + "| 0. " + g.substring(safe + "| 1. ".length()));
        assertThat(staleSections(edited, sections)).containsExactly(grid.file() + ": section grid differs from what the data files give");
        edited.put(grid.file(), g.replace(grid.end(), ""));
        assertThat(staleSections(edited, sections)).containsExactly(grid.file() + ": no marker " + grid.end());
    }

    /** `tables --check` finds a hand-edited block, `tables --write` puts every block back as the data give it. */
    @Test
    void tablesWriteRegeneratesEveryBlockInPlace() throws IOException {
        Path root = Fixtures.copy(tmp.resolve("root"));
        Files.createDirectories(root.resolve("docs"));
        Map<String, String> docs = documents();
        for (var e : docs.entrySet()) Files.writeString(root.resolve(e.getKey()), e.getValue());
        Tables.Section models = Fixtures.PROJECT.generatedSections().stream().filter(s -> s.name().equals("models")).findFirst().orElseThrow();
        Path page = root.resolve(models.file());
        Fixtures.replaceOnce(page, "| `rfc-workers-q2` |", "| `rfc-workers-q2-by-hand` |");

        Fixtures.Run check = Fixtures.cli("tables", "--check", "--root", root.toString());
        assertThat(check.exit()).isEqualTo(Main.DIFFERS);
        assertThat(check.out()).contains(models.file() + ": section models differs");
        Fixtures.Run write = Fixtures.cli("tables", "--write", "--root", root.toString());
        assertThat(write.exit()).as(write.err()).isZero();
        assertThat(write.out()).contains("rewritten: " + models.file()).contains("unchanged: README.md");
        assertThat(Files.readString(page)).isEqualTo(docs.get(models.file()));
        assertThat(Fixtures.cli("tables", "--check", "--root", root.toString()).exit()).isZero();

        Fixtures.replaceOnce(page, models.end(), "");
        Fixtures.Run broken = Fixtures.cli("tables", "--write", "--root", root.toString());
        assertThat(broken.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(broken.err()).contains(models.file() + ": no block models");
    }

    /** The answer tables are the record's: a verdict changed in answers.tsv, or a check added, changes them. */
    @Test
    void theAnswerTablesComeFromTheRecordAlone() throws IOException {
        Path root = Fixtures.copy(tmp.resolve("root"));
        Path tsv = root.resolve("properties/answers.tsv");
        // the closed world's workers on rfcStd made "not run" in both regimes, whatever the record says of them
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(tsv));
        String notRun = "\t-\t-\tnot run\t-\t-\tnot run\t-\t-\t-";
        for (String regime : List.of("eager", "settled")) {
            String prefix = "closed\tworkers\trfcStd\t4\t4\tFALSE\tFALSE\t" + regime + "\tlarge";
            int i = java.util.stream.IntStream.range(0, lines.size()).filter(k -> lines.get(k).startsWith(prefix + "\t")).findFirst().orElseThrow();
            lines.set(i, prefix + notRun);
        }
        Files.write(tsv, lines);
        String before = Tables.answer(answers(root));
        assertThat(before).contains("| noFork | P/P |");
        Fixtures.replaceOnce(tsv,
                "closed\tworkers\trfcStd\t4\t4\tFALSE\tFALSE\teager\tlarge" + notRun + "\n",
                "closed\tworkers\trfcStd\t4\t4\tFALSE\tFALSE\teager\tlarge\t-\t-\tout of reach\t-\t-\timpossible\t-\t-\tfull\n"
                        + "closed\tworkers\trfcStd\t5\t4\tFALSE\tTRUE\tsettled\tlarge\t-\t-\tout of reach\t-\t-\timpossible\t-\t-\tfull\n");
        String after = Tables.answer(answers(root));
        assertThat(after).contains("| I/·; -/I (5 PIDs, probes) |").contains("Where a cell says \"probes\"");
        java.util.regex.Matcher was = java.util.regex.Pattern.compile("decided \\(by the game, or W\\): (\\d+) of (\\d+)").matcher(before);
        assertThat(was.find()).isTrue();
        assertThat(after).as("two more decided in the closed world, one more check").contains("decided (by the game, or W): " + (Integer.parseInt(was.group(1)) + 2) + " of " + (Integer.parseInt(was.group(2)) + 1));
        assertThat(after.replace("| I/·; -/I (5 PIDs, probes) |", "| ·/· |").replaceAll("decided \\(by the game, or W\\): \\d+ of \\d+", "decided: N"))
                .as("nothing else changes but the legend of probes").isEqualTo(before.replaceAll("decided \\(by the game, or W\\): \\d+ of \\d+", "decided: N").replace("Init does not probe the cursor.",
                        "Where a cell says \"probes\", init may fork a child that exits at once to see the cursor; elsewhere it may not."));
    }

    private static Answers answers(Path root) {
        Models models = Models.load(root, Catalogue.load(root));
        return Answers.load(root, models);
    }

    /** The README is an index: short, with the answer, its assumptions and the two commands (verbatim) on its first screen. */
    @Test
    void theReadmeIsAShortIndexWithTheAnswerAndTheTwoCommandsFirst() {
        String r = readme();
        assertThat(r.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as("README.md stays an index of about 12 KB").isLessThan(13_000);
        String firstScreen = String.join("\n", r.lines().limit(60).toList());
        assertThat(firstScreen).contains("## The answer").contains("<!-- answer-summary:begin -->").contains("<!-- answer-summary:end -->")
                .contains("docs/limits.md").contains("```\n" + BUILD_AND_RUN + "\n```").contains("```\n" + TEST + "\n```");
        for (String page : documents().keySet()) {
            if (!page.equals("README.md")) assertThat(r).as("the README's map names " + page).contains("](" + page + ")");
        }
    }

    @Test
    void everyModelTheDocumentationNamesExists() {
        String mechs = String.join("|", Fixtures.PROJECT.models().mechanisms().stream().map(adoptsig.catalog.Mechanism::id).toList());
        Pattern name = Pattern.compile("`((?:" + mechs + ")-[a-z][A-Za-z0-9]*(?:-[a-z0-9]+)*)`");
        int n = 0;
        for (String doc : documents().values()) {
            Matcher m = name.matcher(doc);
            while (m.find()) {
                Fixtures.PROJECT.models().model(m.group(1));
                n++;
            }
        }
        assertThat(n).isGreaterThan(50);
    }

    @Test
    void theDocumentationSpeaksToUsersNotToTheWorkProcess() {
        for (var e : documents().entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).doesNotContainPattern("(?i)\\bissue \\d+").doesNotContainPattern("(?i)\\(issue")
                    .doesNotContainPattern("(?i)targets we set").doesNotContainPattern("(?i)we were asked")
                    .doesNotContainPattern("(?i)\\d+ GB machine").doesNotContainPattern("(?i)on this machine");
        }
    }

    /** The anchors of a Markdown text: its headings as GitHub names them. */
    static Set<String> anchors(String doc) {
        Set<String> out = new HashSet<>();
        boolean code = false;
        for (String line : doc.split("\n")) {
            if (line.startsWith("```")) code = !code;
            if (code || !line.startsWith("#")) continue;
            String title = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
            out.add(title.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
        }
        return out;
    }

    /** The links of these documents that lead nowhere (file: target): a missing file, or a heading its file does not have. */
    static List<String> brokenLinks(Map<String, String> docs) {
        List<String> out = new ArrayList<>();
        Path root = Fixtures.root();
        Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
        for (var e : docs.entrySet()) {
            Path dir = root.resolve(e.getKey()).getParent();
            Matcher m = link.matcher(e.getValue());
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) continue;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash), anchor = hash < 0 ? null : target.substring(hash + 1);
                Path p = file.isEmpty() ? root.resolve(e.getKey()) : dir.resolve(file).normalize();
                String rel = root.relativize(p).toString().replace('\\', '/');
                boolean ok = Files.exists(p);
                if (ok && anchor != null) ok = anchors(docs.containsKey(rel) ? docs.get(rel) : read(p)).contains(anchor);
                if (!ok) out.add(e.getKey() + ": " + target);
            }
        }
        return out;
    }

    /** Every link of the documentation leads to a file and heading that exist, and every picture it shows exists; a renamed heading is caught. */
    @Test
    void everyLinkAndPictureResolves() {
        Map<String, String> docs = documents();
        assertThat(brokenLinks(docs)).isEmpty();
        long links = docs.values().stream().mapToLong(d -> Pattern.compile("\\]\\([^)]*#").matcher(d).results().count()).sum();
        assertThat(links).isGreaterThan(30);
        Map<String, String> renamed = new LinkedHashMap<>(docs);
        renamed.put("docs/grid.md", docs.get("docs/grid.md").replace("## The RFC's supervisor\n", "## The supervisor of the RFC\n"));
        assertThat(brokenLinks(renamed)).contains("docs/limits.md: grid.md#the-rfcs-supervisor", "docs/grid.md: #the-rfcs-supervisor");
        for (var e : docs.entrySet()) {
            Matcher pics = Pattern.compile("!\\[[^]]*\\]\\(([^)]+)\\)").matcher(e.getValue());
            while (pics.find()) assertThat(Fixtures.root().resolve(e.getKey()).getParent().resolve(pics.group(1))).as(e.getKey()).exists();
        }
    }
}
