package adoptsig.cli;

import adoptsig.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a one-line error and exit code 2: never a stack trace, never a silent pass. */
class BadInputTest {
    @TempDir Path tmp;

    private static void assertOneLineError(Project.Run r, String... fragments) {
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        String first = r.err().lines().findFirst().orElse("");
        assertThat(first).startsWith("adoptsig: ");
        for (String f : fragments) assertThat(first).contains(f);
    }

    @Test
    void unknownModel() {
        assertOneLineError(Project.cli("check", "NoSuchModel", "--root", Project.root().toString()),
                "unknown model 'NoSuchModel'", "MCAdoptionRfcOrder");
    }

    @Test
    void unknownProperty() {
        assertOneLineError(Project.cli("check", "MCAdoptionRfcOrder", "--property", "NoSuchInv", "--root", Project.root().toString()),
                "unknown property 'NoSuchInv'");
    }

    @Test
    void unknownSuiteOptionOrCommand() {
        assertOneLineError(Project.cli("check", "--suite", "huge", "--root", Project.root().toString()), "unknown suite 'huge'");
        assertOneLineError(Project.cli("check", "--frobnicate"), "--frobnicate");
        assertOneLineError(Project.cli("verify"), "verify");
        assertOneLineError(Project.cli(), "missing command");
    }

    @Test
    void malformedVerdictTableSaysFileAndLine() throws IOException {
        Path root = Project.copy(tmp);
        Path v = root.resolve("properties/verdicts.tsv");
        int lines = Files.readAllLines(v).size();
        Files.writeString(v, "MCAdoptionRfcOrder\tTypeInv\n", java.nio.file.StandardOpenOption.APPEND);
        assertOneLineError(Project.cli("check", "MCAdoptionRfcOrder", "--root", root.toString()),
                "verdicts.tsv:" + (lines + 1), "expected 3 tab-separated columns");
    }

    @Test
    void verdictForAModelMissingFromTheManifest() throws IOException {
        Path root = Project.copy(tmp);
        Files.writeString(root.resolve("properties/verdicts.tsv"), "MCAdoptionGhost\tTypeInv\tholds\n", java.nio.file.StandardOpenOption.APPEND);
        assertOneLineError(Project.cli("check", "MCAdoptionRfcOrder", "--root", root.toString()),
                "unknown model 'MCAdoptionGhost' (not in spec/manifest.tsv)");
    }

    @Test
    void manifestModelWithoutCfg() throws IOException {
        Path root = Project.copy(tmp);
        Files.delete(root.resolve("spec/MCAdoptionRfcOrder.cfg"));
        assertOneLineError(Project.cli("check", "MCAdoptionRfcOrder", "--root", root.toString()), "missing model config");
    }

    @Test
    void malformedCfgSaysFileAndLine() throws IOException {
        Path root = Project.copy(tmp);
        Path cfg = root.resolve("spec/MCAdoptionRfcOrder.cfg");
        Files.writeString(cfg, "INVARIANTS\n    TypeInv, LiveParentInv\n" + Files.readString(cfg).replace("    TypeInv\n", ""));
        assertOneLineError(Project.cli("check", "MCAdoptionRfcOrder", "--root", root.toString()),
                "MCAdoptionRfcOrder.cfg:2", "'TypeInv,' is not a property name");
    }

    @Test
    void cfgPropertyWithoutExpectedVerdict() throws IOException {
        Path root = Project.copy(tmp);
        Project.replaceOnce(root.resolve("properties/verdicts.tsv"), "MCAdoptionRfcOrder\tTypeInv\tholds\n", "");
        assertOneLineError(Project.cli("check", "MCAdoptionRfcOrder", "--root", root.toString()),
                "MCAdoptionRfcOrder.cfg:", "'TypeInv' has no expected verdict");
    }

    @Test
    void tlaParseErrorSaysFileAndLine() throws IOException {
        Path root = Project.copy(tmp);
        Path kernel = root.resolve("spec/Kernel.tla");
        String text = Files.readString(kernel);
        int line = (int) text.substring(0, text.indexOf("Setsid(p) ==")).lines().count() + 1;
        Project.replaceOnce(kernel, "Setsid(p) ==\n", "Setsid(p) == ==\n");
        assertOneLineError(Project.cli("check", "MCAdoptionRfcOrder", "--property", "TypeInv", "--root", root.toString()),
                "Kernel.tla:" + line + ":");
    }

    @Test
    void propertyNamedInCfgButNotDefinedInTheSpec() {
        Path root = Project.copy(tmp);
        Project.replaceOnce(root.resolve("spec/Kernel.tla"), "InitNeverExitsInv ==", "InitNeverExitsInvRenamed ==");
        Project.Run r = Project.cli("check", "MCAdoptionRfcOrder", "--property", "InitNeverExitsInv", "--root", root.toString());
        assertOneLineError(r, "MCAdoptionRfcOrder: TLC could not check the model");
        assertThat(r.err()).contains("InitNeverExitsInv");
    }
}
