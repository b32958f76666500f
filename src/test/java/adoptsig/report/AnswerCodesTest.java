package adoptsig.report;

import adoptsig.Fixtures;
import adoptsig.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cell of the compact answer tables says W (possible, by a hand-written supervisor) only where
 * the game decided nothing and the check's witness model holds every property in the record; a
 * witness the record shows violating a property gives no W.
 */
class AnswerCodesTest {
    @TempDir Path tmp;

    /** A copy of the project in which the check's row of answers.tsv has the given columns changed. */
    private Path withRow(String name, String prefix, java.util.Map<String, String> changes) throws Exception {
        Path root = Fixtures.copy(tmp.resolve(name));
        Path tsv = root.resolve("properties/answers.tsv");
        String text = java.nio.file.Files.readString(tsv);
        String row = text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        String[] f = row.split("\t", -1);
        java.util.List<String> cols = java.util.Arrays.asList(adoptsig.catalog.Answers.COLUMNS);
        changes.forEach((k, v) -> f[cols.indexOf(k)] = v);
        java.nio.file.Files.writeString(tsv, text.replace(row, String.join("\t", f)));
        return root;
    }

    private static final java.util.Map<String, String> OUT_OF_REACH = java.util.Map.of("beliefs", "-", "verdict", "out of reach", "machine", "-", "search", "full");

    @Test
    void wOnlyWhereTheGameDecidedNothingAndTheWitnessHoldsEverything() throws Exception {
        var answers = Fixtures.PROJECT.answers();
        assertThat(Tables.code(answers.check("closed-dance-rfc-4-eager"))).as("the game's own verdict first").isEqualTo("P");
        assertThat(Tables.code(answers.check("open-dance-classic-4-eager"))).isEqualTo("I");

        String prefix = "closed\tordered\trfc\t4\t4\tFALSE\tFALSE\teager\t";
        try (Project p = Project.open(withRow("w", prefix, OUT_OF_REACH))) {
            var byWitness = p.answers().check("closed-ordered-rfc-4-eager");
            assertThat(byWitness.verdict()).isEqualTo("out of reach");
            assertThat(byWitness.witness().name()).isEqualTo("rfcWitness-ordered-s2");
            assertThat(Tables.code(byWitness)).isEqualTo("W");
        }
        try (Project p = Project.open(withRow("n", prefix, new java.util.HashMap<>(java.util.Map.of("beliefs", "-", "verdict", "out of reach",
                "machine", "-", "search", "full", "witness", "-"))))) {
            assertThat(Tables.code(p.answers().check("closed-ordered-rfc-4-eager"))).as("out of reach, no witness").isEqualTo("?");
        }
        Path root = withRow("v", prefix, OUT_OF_REACH);
        Fixtures.replaceOnce(root.resolve("properties/expected.tsv"), "rfcWitness-ordered-s2\tStoppedDetectedProp\tholds", "rfcWitness-ordered-s2\tStoppedDetectedProp\tviolated");
        try (Project broken = Project.open(root)) {
            assertThat(Tables.code(broken.answers().check("closed-ordered-rfc-4-eager"))).as("a witness that fails a property").isEqualTo("?");
        }
    }

    @Test
    void aWitnessThatUsesMoreThanTheInterfaceGivesIsRefused() throws Exception {
        Path root = Fixtures.copy(tmp.resolve("q"));
        java.nio.file.Path tsv = root.resolve("properties/answers.tsv");
        String text = java.nio.file.Files.readString(tsv);
        String row = text.lines().filter(l -> l.startsWith("closed\tordered\trfcNoStatus\t4\t4\tFALSE\tFALSE\teager\t")).findFirst().orElseThrow();
        String[] f = row.split("\t", -1);
        int witness = java.util.Arrays.asList(adoptsig.catalog.Answers.COLUMNS).indexOf("witness");
        assertThat(f[witness]).isEqualTo("-");
        f[witness] = "rfcWitness-ordered-s2";
        java.nio.file.Files.writeString(tsv, text.replace(row, String.join("\t", f)));
        try (Project p = Project.open(root)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(p::answers).isInstanceOf(adoptsig.InputError.class)
                    .hasMessageContaining("uses more than interface rfcNoStatus gives init");
        }
    }
}
