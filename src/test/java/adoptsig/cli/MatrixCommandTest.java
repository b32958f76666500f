package adoptsig.cli;

import adoptsig.Project;
import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Matrix;
import adoptsig.check.MatrixTable;
import adoptsig.conform.JavaSystem;
import adoptsig.conform.Replay;
import adoptsig.kernel.Kernel;
import adoptsig.tlc.TlcOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `matrix` on a sample of cells (one safe, several violated, across mechanisms and idioms)
 * reproduces properties/matrix.tsv, prints the same grid rows as the README, saves every
 * counterexample (which replays on Java), and fails when a recorded outcome is wrong.
 * The whole matrix is `java -jar target/adoptsig.jar matrix` (README: minutes on 2 cores).
 */
class MatrixCommandTest {
    @TempDir Path tmp;

    static final String[] SAMPLE = {"--mechanism", "rfc", "--mechanism", "subreaper", "--mechanism", "pidfile",
            "--idiom", "noFork", "--idiom", "dance", "--idiom", "apue"};

    @Test
    void aSampleOfCellsReproducesTheRecordedMatrixAndEveryCounterexampleReplaysOnJava() throws IOException {
        Path out = tmp.resolve("runs");
        String[] args = new String[SAMPLE.length + 4];
        System.arraycopy(SAMPLE, 0, args, 0, SAMPLE.length);
        args[SAMPLE.length] = "--root";
        args[SAMPLE.length + 1] = Project.root().toString();
        args[SAMPLE.length + 2] = "--out";
        args[SAMPLE.length + 3] = out.toString();
        String[] full = new String[args.length + 1];
        full[0] = "matrix";
        System.arraycopy(args, 0, full, 1, args.length);
        Project.Run r = Project.cli(full);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("All 9 cells agree with properties/matrix.tsv.");
        assertThat(r.exit()).isZero();

        Catalogue c = Catalogue.load(Project.root());
        Matrix m = Matrix.load(Project.root(), c);
        int violations = 0;
        for (String mech : new String[] {"rfc", "subreaper", "pidfile"}) {
            for (String idiom : new String[] {"noFork", "dance", "apue"}) {
                String cell = mech + "-" + idiom;
                Map<String, Matrix.Outcome> expected = m.expected(cell);
                assertThat(r.out()).as(cell).contains(MatrixTable.cell(m.properties(), expected));
                for (var e : expected.entrySet()) {
                    Path trace = out.resolve(cell).resolve("trace-" + e.getKey() + ".txt");
                    if (e.getValue().expected() != Catalogue.Expected.VIOLATED) {
                        assertThat(trace).doesNotExist();
                        continue;
                    }
                    violations++;
                    assertThat(out.resolve(cell).resolve("story-" + e.getKey() + ".txt")).exists();
                    Replay.Result replay = Replay.replay(new JavaSystem(new Kernel(), m.cell(cell).bounds()),
                            TlcOutput.parseSavedTrace(Files.readString(trace)), c.property(e.getKey()));
                    assertThat(replay.violationReproduced()).as(cell + "/" + e.getKey() + ": " + replay.explanation()).isTrue();
                }
            }
        }
        assertThat(violations).as("the sample contains violations").isGreaterThan(3);
        // the measured file has the recorded file's format and rows
        Map<String, String> recorded = rows(Project.root().resolve("properties/matrix.tsv"));
        Map<String, String> measured = rows(out.resolve("matrix.tsv"));
        assertThat(measured).hasSize(9 * m.properties().size());
        measured.forEach((k, v) -> assertThat(recorded.get(k)).as(k).isEqualTo(v));
        assertThat(out.resolve("matrix.md")).exists();
    }

    private static Map<String, String> rows(Path tsv) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(tsv)) {
            if (line.startsWith("#") || line.startsWith("mechanism\t")) continue;
            String[] f = line.split("\t");
            out.put(f[0] + "-" + f[1] + "/" + f[2], f[3] + " " + f[4] + " " + f[5]);
        }
        return out;
    }

    @Test
    void aWrongRecordedVerdictOrCountMakesMatrixFail() throws IOException {
        Path root = Project.copy(tmp.resolve("root"));
        Path tsv = root.resolve("properties/matrix.tsv");
        String text = Files.readString(tsv);
        // flip rfc-noFork's soundness verdict and change its recorded state count of TypeInv
        Project.replaceOnce(tsv, "rfc\tnoFork\tSoundAttributionInv\tholds", "rfc\tnoFork\tSoundAttributionInv\tviolated");
        String typeRow = text.lines().filter(l -> l.startsWith("rfc\tnoFork\tTypeInv\t")).findFirst().orElseThrow();
        String[] f = typeRow.split("\t");
        Project.replaceOnce(tsv, typeRow, String.join("\t", f[0], f[1], f[2], f[3], Long.toString(Long.parseLong(f[4]) + 1), f[5]));
        Project.Run r = Project.cli("matrix", "--mechanism", "rfc", "--idiom", "noFork", "--root", root.toString(),
                "--out", tmp.resolve("runs").toString());
        assertThat(r.exit()).isEqualTo(Main.DIFFERS);
        assertThat(r.out()).contains("2 difference(s) from properties/matrix.tsv")
                .contains("rfc-noFork / SoundAttributionInv: expected violated, TLC: holds")
                .contains("rfc-noFork / TypeInv: recorded " + String.format("%,d", Long.parseLong(f[4]) + 1) + " states");
    }

    @Test
    void unknownMechanismOrIdiomIsBadInput() {
        Project.Run r = Project.cli("matrix", "--mechanism", "systemd", "--root", Project.root().toString());
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("unknown mechanism 'systemd'").doesNotContain("Exception");
        Project.Run i = Project.cli("matrix", "--idiom", "triplefork", "--root", Project.root().toString());
        assertThat(i.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(i.err()).contains("unknown idiom 'triplefork'");
    }

    @Test
    void malformedMatrixFileSaysFileAndLine() throws IOException {
        Path root = Project.copy(tmp.resolve("root"));
        Project.replaceOnce(root.resolve("properties/matrix.tsv"), "rfc\tnoFork\tSoundAttributionInv\tholds",
                "rfc\tnoFork\tSoundAttributionInv\tmaybe");
        Project.Run r = Project.cli("matrix", "--root", root.toString());
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).containsPattern("properties/matrix.tsv:\\d+: expected must be 'holds' or 'violated', not 'maybe'");
    }
}
