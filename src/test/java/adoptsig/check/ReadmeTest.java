package adoptsig.check;

import adoptsig.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's generated sections are the ones rendered from the data files, and the README speaks to users. */
class ReadmeTest {
    static String readme() throws IOException { return Files.readString(Fixtures.root().resolve("README.md")); }

    /** The README's text between two markers, which must both be there in order. */
    static String section(String begin, String end) throws IOException {
        String readme = readme();
        int b = readme.indexOf(begin), e = readme.indexOf(end);
        assertThat(b).as("README has the marker " + begin).isNotNegative();
        assertThat(e).as("README has the marker " + end).isGreaterThan(b);
        return readme.substring(b + begin.length(), e).strip();
    }

    @Test
    void everyGeneratedSectionMatchesTheDataFiles() throws IOException {
        for (Tables.Section s : Fixtures.PROJECT.readmeSections()) {
            assertThat(section(s.begin(), s.end())).as("README section " + s.name() + "; regenerate it with: java -jar target/adoptsig.jar tables")
                    .isEqualTo(s.text().strip());
        }
    }

    @Test
    void everyModelTheReadmeNamesExists() throws IOException {
        String mechs = String.join("|", Fixtures.PROJECT.models().mechanisms().stream().map(adoptsig.catalog.Mechanism::id).toList());
        Matcher m = Pattern.compile("`((?:" + mechs + ")-[a-z][A-Za-z0-9]*(?:-[a-z0-9]+)*)`").matcher(readme());
        int n = 0;
        while (m.find()) {
            Fixtures.PROJECT.models().model(m.group(1));
            n++;
        }
        assertThat(n).isPositive();
    }

    @Test
    void theReadmeSpeaksToUsersNotToTheWorkProcess() throws IOException {
        assertThat(readme()).doesNotContainPattern("(?i)\\bissue \\d+").doesNotContainPattern("(?i)\\(issue");
    }

    /** The internal links of a README text that lead to no heading (GitHub's anchor names), and the number of links. */
    static java.util.List<String> brokenLinks(String r) {
        java.util.Set<String> anchors = new java.util.HashSet<>();
        for (String line : r.split("\n")) {
            if (!line.startsWith("#")) continue;
            String title = line.replaceFirst("^#+\\s*", "").toLowerCase(java.util.Locale.ROOT);
            anchors.add(title.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        Matcher links = Pattern.compile("\\]\\(#([^)]+)\\)").matcher(r);
        while (links.find()) if (!anchors.contains(links.group(1))) out.add(links.group(1));
        return out;
    }

    /** Every link inside the README leads to one of its headings, and every picture it shows exists; a renamed heading is caught. */
    @Test
    void everyInternalLinkAndPictureResolves() throws IOException {
        String r = readme();
        assertThat(brokenLinks(r)).isEmpty();
        assertThat(Pattern.compile("\\]\\(#").matcher(r).results().count()).isGreaterThan(10);
        assertThat(brokenLinks(r.replace("## The other models", "## Other models"))).containsExactly("the-other-models");
        Matcher pics = Pattern.compile("!\\[[^]]*\\]\\(([^)]+)\\)").matcher(r);
        while (pics.find()) assertThat(Fixtures.root().resolve(pics.group(1))).exists();
    }
}
