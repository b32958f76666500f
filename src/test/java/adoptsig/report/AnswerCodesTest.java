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

    @Test
    void wOnlyWhereTheGameDecidedNothingAndTheWitnessHoldsEverything() {
        var answers = Fixtures.PROJECT.answers();
        var byWitness = answers.check("closed-ordered-rfc-4-eager");
        assertThat(byWitness.verdict()).isEqualTo("out of reach");
        assertThat(byWitness.witness().name()).isEqualTo("rfcWitness-ordered-s2");
        assertThat(Tables.code(byWitness)).isEqualTo("W");
        assertThat(Tables.code(answers.check("open-dance-rfcLine-4-lim2-eager"))).as("out of reach, no witness").isEqualTo("?");
        assertThat(Tables.code(answers.check("closed-dance-rfc-4-eager"))).as("the game's own verdict first").isEqualTo("P");
        assertThat(Tables.code(answers.check("open-dance-classic-4-eager"))).isEqualTo("I");

        Path root = Fixtures.copy(tmp.resolve("p"));
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
        assertThat(row).endsWith("\t-");
        java.nio.file.Files.writeString(tsv, text.replace(row, row.substring(0, row.length() - 1) + "rfcWitness-ordered-s2"));
        try (Project p = Project.open(root)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(p::answers).isInstanceOf(adoptsig.InputError.class)
                    .hasMessageContaining("uses more than interface rfcNoStatus gives init");
        }
    }
}
