package adoptsig.cli;

import adoptsig.Fixtures;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** --help is wrapped by the program, never by hand or inside a word, and lists the exit codes; every command names the project it read. */
class HelpTest {
    private static final int WIDTH = 80;

    private static String collapse(String s) { return s.replaceAll("\\s+", " ").trim(); }

    private static List<String> commands() {
        List<String> out = new ArrayList<>(List.of(""));
        out.addAll(new CommandLine(new Main()).getSubcommands().keySet());
        return out;
    }

    @Test
    void everyDescriptionIsWrappedAtSpacesOnlyAndFillsItsLines() {
        for (String c : commands()) {
            Fixtures.Run r = c.isEmpty() ? Fixtures.cli("--help") : Fixtures.cli(c, "--help");
            assertThat(r.exit()).as(c).isZero();
            CommandLine cl = new CommandLine(new Main());
            CommandLine of = c.isEmpty() ? cl : cl.getSubcommands().get(c);
            String help = r.out();
            for (String paragraph : of.getCommandSpec().usageMessage().description()) {
                // no word cut in two (picocli breaks "expected.tsv" after its dot), no line broken by hand
                assertThat(collapse(help)).as(c + " --help").contains(collapse(paragraph));
                List<String> lines = linesOf(help, paragraph);
                for (int i = 0; i + 1 < lines.size(); i++) {
                    String next = lines.get(i + 1).strip().split(" ")[0];
                    assertThat(lines.get(i).length() + 1 + next.length()).as(c + " --help: '" + lines.get(i) + "' could hold '" + next + "'").isGreaterThan(WIDTH);
                }
                for (String l : lines) assertThat(l.length()).as(c + " --help: " + l).isLessThanOrEqualTo(WIDTH);
            }
            assertThat(help).as(c + " --help").contains("Exit codes").containsPattern("(?m)^  2 +bad input");
        }
    }

    @Test
    void theListOfCommandsGivesEachItsWholeFirstSentence() {
        String help = Fixtures.cli("--help").out();
        CommandLine cl = new CommandLine(new Main());
        for (var e : cl.getSubcommands().entrySet()) {
            String first = e.getValue().getCommandSpec().usageMessage().description()[0];
            assertThat(collapse(help)).contains(collapse(e.getKey() + " " + first));
            assertThat(first).as(e.getKey()).endsWith(".");
        }
        assertThat(help).containsPattern("(?m)^  3 +the run could not be completed");
    }

    @Test
    void commandsThatPrintDataNameTheProjectTheyRead() {
        String root = Fixtures.root().toString();
        assertThat(Fixtures.cli("models", "--root", root).out().lines().findFirst().orElse("")).isEqualTo("The models of the project at " + root + ":");
        assertThat(Fixtures.cli("cfg", "rfc-noFork", "--root", root).out()).startsWith("\\* read from the project at " + root + "\n");
        assertThat(Fixtures.cli("tables", "--root", root).out()).startsWith("<!-- the generated sections of the project at " + root + " -->");
    }

    /** The lines of the help that hold a paragraph (from its first words to its last). */
    private static List<String> linesOf(String help, String paragraph) {
        String[] words = paragraph.trim().split("\\s+");
        List<String> all = help.lines().toList(), out = new ArrayList<>();
        String start = String.join(" ", java.util.Arrays.copyOf(words, Math.min(3, words.length)));
        for (int i = 0; i < all.size(); i++) {
            if (!all.get(i).contains(start)) continue;
            StringBuilder seen = new StringBuilder();
            for (int k = i; k < all.size(); k++) {
                out.add(all.get(k));
                seen.append(' ').append(all.get(k).strip());
                if (collapse(seen.toString()).contains(collapse(paragraph))) return out;
            }
            out.clear();
        }
        return out;
    }
}
