package adoptsig.game;

import adoptsig.Fixtures;
import adoptsig.InputError;
import adoptsig.catalog.Answers;
import adoptsig.kernel.Adoption;
import adoptsig.kernel.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * properties/interfaces.tsv is the one source of the kernel interfaces: each row's adoption mode
 * is one of spec/Kernel.tla's AdoptModes (which are the Java kernel's KernelState.ADOPT) and
 * every mode of the spec is some row's, the games'
 * {@link Interface} is built from the rows, and a table that disagrees with the spec is refused
 * (bad input, file:line).
 */
class InterfaceTableTest {
    @TempDir Path tmp;

    @Test
    void theTableAndTheSpecsAdoptModesAgree() {
        List<String> modes = Answers.adoptModes(Fixtures.root().resolve("spec/Kernel.tla"));
        assertThat(modes).as("the spec's AdoptModes and the Java kernel's").containsExactlyElementsOf(adoptsig.kernel.KernelState.ADOPT);
        Set<String> used = new TreeSet<>();
        for (Answers.InterfaceRow r : Fixtures.PROJECT.answers().interfaces()) {
            assertThat(modes).as(r.id()).contains(r.mode());
            used.add(r.mode());
        }
        assertThat(used).as("every adoption mode of the spec is some interface's").containsExactlyInAnyOrderElementsOf(modes);
    }

    @Test
    void theGamesInterfaceIsTheTablesRow() {
        Interface classic = Interface.of(Fixtures.PROJECT.answers().iface("classic"));
        assertThat(classic.tells()).isFalse();
        Interface noStatus = Interface.of(Fixtures.PROJECT.answers().iface("rfcNoStatus"));
        assertThat(noStatus.queued()).isTrue();
        assertThat(noStatus.observe(new Adoption(3, 2, List.of(2, 1))).prev()).as("si_status hidden").isZero();
        Interface rfc = Interface.of(Fixtures.PROJECT.answers().iface("rfc"));
        assertThat(rfc.observe(new Adoption(3, 2, List.of(2, 1))).prev()).isEqualTo(2);
        Interface waitLine = Interface.of(Fixtures.PROJECT.answers().iface("waitLine"));
        assertThat(waitLine.queued()).isFalse();
        assertThat(waitLine.observe(new Report(3, List.of(2, 1))).line()).containsExactly(2, 1);
    }

    @Test
    void aModeTheSpecDoesNotKnowIsRefused() {
        Path root = Fixtures.copy(tmp.resolve("p"));
        Fixtures.replaceOnce(root.resolve("properties/interfaces.tsv"), "rfcStd\tstandard\t", "rfcStd\tstd\t");
        assertThatThrownBy(() -> Answers.load(root, Fixtures.PROJECT.models())).isInstanceOf(InputError.class)
                .hasMessageContaining("interfaces.tsv:").hasMessageContaining("mode 'std' is not one of spec/Kernel.tla's AdoptModes");
    }

    @Test
    void aSpecWithoutAModeTheTableUsesIsRefused() {
        Path root = Fixtures.copy(tmp.resolve("p"));
        Fixtures.replaceOnce(root.resolve("spec/Kernel.tla"), "AdoptModes == {\"none\", \"realtime\", \"standard\", \"line\", \"keep\"}",
                "AdoptModes == {\"none\", \"realtime\", \"standard\", \"keep\"}");
        assertThatThrownBy(() -> Answers.load(root, Fixtures.PROJECT.models())).isInstanceOf(InputError.class)
                .hasMessageContaining("mode 'line' is not one of");
    }

    @Test
    void anInterfaceThatTellsNothingCannotShowThePreviousParent() {
        Path root = Fixtures.copy(tmp.resolve("p"));
        Fixtures.replaceOnce(root.resolve("properties/interfaces.tsv"), "classic\tnone\tFALSE\t", "classic\tnone\tTRUE\t");
        assertThatThrownBy(() -> Answers.load(root, Fixtures.PROJECT.models())).isInstanceOf(InputError.class)
                .hasMessageContaining("mode none tells init nothing");
    }
}
