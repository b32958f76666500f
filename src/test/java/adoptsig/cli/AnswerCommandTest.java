package adoptsig.cli;

import adoptsig.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `answer` reproduces the recorded verdicts of the fast suite (the belief game, the pairwise game
 * as a cross-check, each synthesized supervisor checked against every behaviour), TLC accepts a
 * synthesized supervisor through the generated table module, a wrong recorded verdict or count
 * makes it exit 1, and bad input exits 2.
 */
class AnswerCommandTest {
    /** The recorded row of one fast check (two services, no fork, SIGCHLD and waitpid only, 3 PIDs, eager). */
    static final String ROW = "closed\tnoFork\tclassic\t3\t4\tFALSE\tFALSE\teager\tfast\t50\t115\tno conflict\t-\t81\tpossible\t31\tclassic-noFork-s2";

    @TempDir Path tmp;

    @Test
    void theFastSuiteReproducesTheRecordedVerdicts() throws Exception {
        Path out = tmp.resolve("runs");
        Fixtures.Run r = Fixtures.cli("answer", "--suite", "fast", "--root", Fixtures.root().toString(), "--out", out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).containsPattern("All \\d+ check\\(s\\) agree with the record\\.");
        assertThat(r.exit()).isZero();
        String story = Files.readString(out.resolve("closed-noFork-classic-3-eager").resolve("story.txt"));
        assertThat(story).contains("belief game: possible").contains("checked against every behaviour").contains("it holds every property");
        assertThat(out.resolve("closed-noFork-classic-3-eager").resolve("supervisor.tsv")).isRegularFile();
        assertThat(Files.readString(out.resolve("answers.tsv"))).contains(ROW);
    }

    @Test
    void anImpossibleCellWithAForcedConflictIsDrawn() throws Exception {
        Path out = tmp.resolve("runs");
        Fixtures.Run r = Fixtures.cli("answer", "open-dance-classic-4-eager", "--root", Fixtures.root().toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        String svg = Files.readString(out.resolve("open-dance-classic-4-eager/conflict.svg"));
        assertThat(svg).startsWith("<svg").contains("a forced conflict").contains("Behaviour L").contains("Behaviour R");
        // a cell without a forced conflict has no such picture
        Fixtures.Run ok = Fixtures.cli("answer", "closed-noFork-classic-3-eager", "--root", Fixtures.root().toString(), "--out", tmp.resolve("runs2").toString());
        assertThat(ok.exit()).isZero();
        assertThat(tmp.resolve("runs2/closed-noFork-classic-3-eager/conflict.svg")).doesNotExist();
    }

    @Test
    void javaAndTlcAgreeOnTheChecksTheyBothRun() throws Exception {
        Fixtures.Run r = Fixtures.cli("answer", "closed-noFork-classic-3-eager", "--tlc",
                "--root", Fixtures.root().toString(), "--out", tmp.resolve("runs").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("All 1 check(s) agree with the record.");
        assertThat(Files.readString(tmp.resolve("runs/closed-noFork-classic-3-eager/story.txt"))).contains("TLC: every catalogued property holds");
    }

    @Test
    void aWrongRecordedVerdictMakesAnswerFail() {
        Path root = Fixtures.copy(tmp.resolve("root"));
        Fixtures.replaceOnce(root.resolve("properties/answers.tsv"), ROW, ROW.replace("\t81\tpossible\t31\t", "\t80\timpossible\t-\t"));
        Fixtures.Run r = Fixtures.cli("answer", "closed-noFork-classic-3-eager", "--root", root.toString(), "--out", tmp.resolve("runs").toString());
        assertThat(r.exit()).isEqualTo(Main.DIFFERS);
        assertThat(r.out()).contains("closed-noFork-classic-3-eager / verdict: recorded impossible; belief game: possible")
                .contains("closed-noFork-classic-3-eager / beliefs: recorded 80; belief game: 81");
    }

    @Test
    void aGameStoppedAtItsLimitIsUndecidedAndExitThree() throws Exception {
        Path out = tmp.resolve("runs");
        Fixtures.Run r = Fixtures.cli("answer", "closed-noFork-classic-3-eager", "--max-beliefs", "10", "--root", Fixtures.root().toString(),
                "--out", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.INCOMPLETE);
        assertThat(r.out()).contains("1 undecided:").contains("closed-noFork-classic-3-eager / belief game: undecided (stopped: ");
        assertThat(r.err()).startsWith("adoptsig: the run could not be completed: 1 undecided (the first, closed-noFork-classic-3-eager / belief game: stopped: ")
                .contains("give Java more heap");
        assertThat(Files.readString(out.resolve("PARTIAL"))).contains("1 undecided");
        assertThat(Files.readString(out.resolve("report.html"))).contains("closed-noFork-classic-3-eager / belief game: undecided");
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        for (String[] args : new String[][] {{"answer", "--interface", "telepathy"}, {"answer", "--world", "half"}, {"answer", "closed-x-rfc-4"},
                {"answer", "--max-beliefs", "0"}, {"answer", "--regime", "lazy"}}) {
            String[] full = new String[args.length + 2];
            System.arraycopy(args, 0, full, 0, args.length);
            full[args.length] = "--root";
            full[args.length + 1] = Fixtures.root().toString();
            Fixtures.Run r = Fixtures.cli(full);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(Main.BAD_INPUT);
            assertThat(r.err()).startsWith("adoptsig: ").doesNotContain("Exception");
        }
    }

    @Test
    void aSavedSupervisorIsPlayedAgainAndABrokenCopyIsRefuted() throws Exception {
        Path out = tmp.resolve("runs");
        String cell = "closed-noFork-classic-3-eager", root = Fixtures.root().toString();
        assertThat(Fixtures.cli("answer", cell, "--root", root, "--out", out.toString()).exit()).isZero();
        Path table = out.resolve(cell).resolve("supervisor.tsv");
        Fixtures.Run good = Fixtures.cli("answer", cell, "--root", root, "--supervisor", table.toString());
        assertThat(good.out()).contains("it holds every property and the eager start regime");
        assertThat(good.exit()).isZero();
        Path broken = tmp.resolve("broken.tsv");
        Files.writeString(broken, Files.readString(table).replaceAll("a=\\{[0-9, ]*\\}", "a={}"));
        Fixtures.Run bad = Fixtures.cli("answer", cell, "--root", root, "--supervisor", broken.toString());
        assertThat(bad.out()).contains("TracksLiveProcessInv at machine state ");
        assertThat(bad.exit()).isEqualTo(1);
        Fixtures.Run missing = Fixtures.cli("answer", cell, "--root", root, "--supervisor", tmp.resolve("none.tsv").toString());
        assertThat(missing.err()).contains("no such file");
        assertThat(missing.exit()).isEqualTo(2);
    }
}
