package adoptsig.cli;

import adoptsig.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `answer` reproduces the recorded verdicts of the indistinguishability checks (the fast suite),
 * cross-checked with TLC on two of them, writes every conflict's story, and fails when a
 * recorded verdict is wrong; bad input exits 2.
 */
class AnswerCommandTest {
    @TempDir Path tmp;

    @Test
    void theFastSuiteReproducesTheRecordedVerdicts() throws Exception {
        Path out = tmp.resolve("runs");
        Fixtures.Run r = Fixtures.cli("answer", "--suite", "fast", "--root", Fixtures.root().toString(), "--out", out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).containsPattern("All \\d+ check\\(s\\) agree with the record\\.");
        assertThat(r.exit()).isZero();
        String story = Files.readString(out.resolve("closed-apue-classic-4").resolve("story.txt"));
        assertThat(story).contains("forced conflict").contains("init does, and sees (in both)");
        assertThat(Files.readString(out.resolve("answers.tsv"))).contains("closed\tapue\tclassic\t4\t4\tFALSE\tfast\tforced conflict");
    }

    @Test
    void javaAndTlcAgreeOnTheChecksTheyBothRun() {
        Fixtures.Run r = Fixtures.cli("answer", "closed-apue-classic-4", "closed-noFork-waitLine-3", "--tlc",
                "--root", Fixtures.root().toString(), "--out", tmp.resolve("runs").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("TLC: ").contains("All 2 check(s) agree with the record.");
    }

    @Test
    void aWrongRecordedVerdictMakesAnswerFail() {
        Path root = Fixtures.copy(tmp.resolve("root"));
        Fixtures.replaceOnce(root.resolve("properties/answers.tsv"), "closed\tapue\tclassic\t4\t4\tFALSE\tfast\tforced conflict",
                "closed\tapue\tclassic\t4\t4\tFALSE\tfast\tescapable conflict");
        Fixtures.Run r = Fixtures.cli("answer", "closed-apue-classic-4", "--root", root.toString(), "--out", tmp.resolve("runs").toString());
        assertThat(r.exit()).isEqualTo(Main.DIFFERS);
        assertThat(r.out()).contains("closed-apue-classic-4: recorded escapable conflict, found forced conflict");
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        for (String[] args : new String[][] {{"answer", "--interface", "telepathy"}, {"answer", "--world", "half"}, {"answer", "closed-x-rfc-4"},
                {"answer", "--max-states", "0"}}) {
            String[] full = new String[args.length + 2];
            System.arraycopy(args, 0, full, 0, args.length);
            full[args.length] = "--root";
            full[args.length + 1] = Fixtures.root().toString();
            Fixtures.Run r = Fixtures.cli(full);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(Main.BAD_INPUT);
            assertThat(r.err()).startsWith("adoptsig: ").doesNotContain("Exception");
        }
    }
}
