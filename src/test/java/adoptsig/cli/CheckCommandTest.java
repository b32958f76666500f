package adoptsig.cli;

import adoptsig.Project;
import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Model;
import adoptsig.conform.JavaSystem;
import adoptsig.conform.Replay;
import adoptsig.daemon.BoundsReader;
import adoptsig.kernel.Kernel;
import adoptsig.tlc.CfgFile;
import adoptsig.tlc.TlcOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `check` on the real spec reproduces the catalogue (the README's test command runs this on
 * the fast suite), and fails when the catalogue is wrong: the checker can fail.
 */
class CheckCommandTest {
    @TempDir Path tmp;

    @Test
    void theTestSuiteReproducesEveryRecordedVerdictAndStateCountAndSavesEveryCounterexample() throws IOException {
        Path out = tmp.resolve("runs");
        Project.Run r = Project.cli("check", "--suite", Project.testSuite(), "--root", Project.root().toString(),
                "--out", out.toString(), "--no-stories");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("All verdicts and state counts agree with the catalogue.");
        assertThat(r.exit()).isZero();
        Catalogue c = Catalogue.load(Project.root());
        for (Model m : c.suite(Project.testSuite())) {
            assertThat(r.out()).contains(String.format("%s: %,d distinct states, depth %d", m.name(), m.distinct(), m.depth()));
            for (Map.Entry<String, Catalogue.Expected> e : c.expected(m.name()).entrySet()) {
                Path story = out.resolve(m.name()).resolve("story-" + e.getKey() + ".txt");
                Path trace = out.resolve(m.name()).resolve("trace-" + e.getKey() + ".txt");
                if (e.getValue() == Catalogue.Expected.VIOLATED) {
                    assertThat(story).exists();
                    assertThat(trace).exists();
                    assertThat(Files.readString(story)).contains(e.getKey() + " is violated").contains("[Spawn] init forks process");
                    // the fresh counterexample replays on the Java kernel with the same violation
                    Replay.Result replay = Replay.replay(new JavaSystem(new Kernel(), BoundsReader.of(
                                    CfgFile.read(Project.root().resolve("spec").resolve(m.cfgFile())))),
                            TlcOutput.parseSavedTrace(Files.readString(trace)), c.property(e.getKey()));
                    assertThat(replay.violationReproduced()).as(m.name() + "/" + e.getKey() + ": " + replay.explanation()).isTrue();
                } else {
                    assertThat(story).doesNotExist();
                }
            }
        }
        assertThat(out.resolve("verdicts.md")).exists();
    }

    @Test
    void printsTheStoryOfAViolationInKernelVocabulary() {
        Project.Run r = Project.cli("check", "MCAdoptionRfcOrder", "--property", "StoppedDetectedProp",
                "--root", Project.root().toString(), "--out", tmp.resolve("runs").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("StoppedDetectedProp is violated")
                .contains("[DequeueSigchld] init reads SIGCHLD")
                .contains("[DequeueAdoption] init reads an adoption signal")
                .contains("is already free")
                .contains("nothing more happens, forever")
                .contains("raw trace: " + tmp.resolve("runs"));
    }

    @Test
    void changingOneExpectedVerdictMakesCheckFail() {
        Path root = Project.copy(tmp.resolve("root"));
        Project.replaceOnce(root.resolve("properties/verdicts.tsv"),
                "MCAdoptionRfcOrder\tStoppedDetectedProp\tviolated", "MCAdoptionRfcOrder\tStoppedDetectedProp\tholds");
        Project.Run r = Project.cli("check", "MCAdoptionRfcOrder", "--property", "StoppedDetectedProp", "--property", "TypeInv",
                "--root", root.toString(), "--no-stories");
        assertThat(r.exit()).isEqualTo(Main.DIFFERS);
        assertThat(r.out()).containsPattern("StoppedDetectedProp\\s+holds\\s+violated  <-- DIFFERS")
                .contains("1 verdict(s) or state count(s) differ");
    }

    @Test
    void expectingAViolationThatTlcDoesNotFindMakesCheckFail() {
        Path root = Project.copy(tmp.resolve("root"));
        Project.replaceOnce(root.resolve("properties/verdicts.tsv"),
                "MCAdoptionRfcOrder\tTypeInv\tholds", "MCAdoptionRfcOrder\tTypeInv\tviolated");
        Project.Run r = Project.cli("check", "MCAdoptionRfcOrder", "--property", "TypeInv", "--root", root.toString());
        assertThat(r.exit()).isEqualTo(Main.DIFFERS);
        assertThat(r.out()).containsPattern("TypeInv\\s+violated\\s+holds  <-- DIFFERS");
    }

    @Test
    void changingARecordedStateCountMakesCheckFail() {
        Path root = Project.copy(tmp.resolve("root"));
        Model m = Catalogue.load(Project.root()).model("MCAdoptionRfcOrder");
        Project.replaceOnce(root.resolve("spec/manifest.tsv"), "\t" + m.distinct() + "\t", "\t" + (m.distinct() + 1) + "\t");
        Project.Run r = Project.cli("check", "MCAdoptionRfcOrder", "--property", "TypeInv", "--root", root.toString());
        assertThat(r.exit()).isEqualTo(Main.DIFFERS);
        assertThat(r.out()).contains(String.format("(manifest: %,d, depth %d)  <-- DIFFERS", m.distinct() + 1, m.depth()));
    }
}
