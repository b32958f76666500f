package adoptsig.cli;

import adoptsig.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a one-line error and exit code 2: never a stack trace, never a silent pass. */
class BadInputTest {
    @TempDir Path tmp;

    private static void assertOneLineError(Fixtures.Run r, String... fragments) {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
        String first = r.err().lines().findFirst().orElse("");
        assertThat(first).startsWith("adoptsig: ");
        for (String f : fragments) assertThat(first).contains(f);
    }

    private static String root() { return Fixtures.root().toString(); }

    @Test
    void unknownModelPropertySuiteMechanismOrIdiom() {
        assertOneLineError(Fixtures.cli("check", "NoSuchModel", "--root", root()), "unknown model 'NoSuchModel'", "MECHANISM-IDIOM");
        assertOneLineError(Fixtures.cli("check", "rfc-ordered", "--property", "NoSuchInv", "--root", root()), "unknown property 'NoSuchInv'");
        assertOneLineError(Fixtures.cli("check", "--suite", "huge", "--root", root()), "unknown suite 'huge'");
        assertOneLineError(Fixtures.cli("matrix", "--mechanism", "systemd", "--root", root()), "unknown mechanism 'systemd'");
        assertOneLineError(Fixtures.cli("matrix", "--idiom", "triplefork", "--root", root()), "unknown idiom 'triplefork'");
        assertOneLineError(Fixtures.cli("explore", "rfc-nope", "--root", root()), "unknown model 'rfc-nope'");
        assertOneLineError(Fixtures.cli("check", "rfc-dance", "--property", "ZombiesReapedProp", "--root", root()),
                "model rfc-dance does not check property 'ZombiesReapedProp'");
    }

    @Test
    void unknownOptionOrCommand() {
        assertOneLineError(Fixtures.cli("check", "--frobnicate"), "--frobnicate");
        assertOneLineError(Fixtures.cli("verify"), "verify");
        assertOneLineError(Fixtures.cli(), "missing command");
    }

    @Test
    void numbersOutOfRange() {
        assertOneLineError(Fixtures.cli("check", "rfc-noFork", "--workers", "0", "--root", root()), "--workers must be at least 1");
        assertOneLineError(Fixtures.cli("check", "rfc-noFork", "--jobs", "0", "--root", root()), "--jobs must be at least 1");
        assertOneLineError(Fixtures.cli("check", "rfc-noFork", "--forked", "--in-process", "--root", root()), "--forked and --in-process exclude each other");
        assertOneLineError(Fixtures.cli("matrix", "--extra-pids", "-1", "--root", root()), "--extra-pids must not be negative");
        assertOneLineError(Fixtures.cli("check", "rfc-noFork", "--timeout", "0", "--root", root()), "--timeout must be a positive number");
        assertOneLineError(Fixtures.cli("conform", "--random", "--steps", "0", "--root", root()), "--steps must be at least 1");
        assertOneLineError(Fixtures.cli("conform", "--random", "--max-pid", "0", "--root", root()), "MaxPid must be 2..62, not 0");
        assertOneLineError(Fixtures.cli("conform", "--random", "--rt-limit", "-2", "--root", root()), "SigLimit must not be negative");
        assertOneLineError(Fixtures.cli("conform", "--random", "--services", "A,b", "--root", root()), "a service name must be lower-case");
        assertOneLineError(Fixtures.cli("bench", "--steps", "0", "--root", root()), "--steps must be at least 1");
        assertOneLineError(Fixtures.cli("profile", "cgroup-dance", "--passes", "1", "--root", root()), "--passes must be at least 2");
        assertOneLineError(Fixtures.cli("profile", "cgroup-dance", "--max-states", "0", "--root", root()), "--max-states must be at least 1");
        assertOneLineError(Fixtures.cli("profile", "cgroup-nope", "--root", root()), "unknown model 'cgroup-nope'");
        assertOneLineError(Fixtures.cli("profile", "cgroup-dance", "--top", "0", "--root", root()), "--top must be at least 1");
    }

    @Test
    void anUnknownMechanismIsRejected() {
        assertOneLineError(Fixtures.cli("conform", "--random", "--supervisor", "bogus", "--root", root()), "unknown mechanism 'bogus'");
    }

    @Test
    void aMissingProjectFolder() {
        assertOneLineError(Fixtures.cli("check", "--root", tmp.resolve("nowhere").toString()), "nowhere: no such folder");
        assertOneLineError(Fixtures.cli("check", "--root", tmp.toString()), "not an adoptsig project");
    }

    @Test
    void malformedExpectedTableSaysFileAndLine() throws IOException {
        Path root = Fixtures.copy(tmp.resolve("r"));
        Path v = root.resolve("properties/expected.tsv");
        int lines = Files.readAllLines(v).size();
        Files.writeString(v, "rfc-ordered\tTypeInv\n", java.nio.file.StandardOpenOption.APPEND);
        assertOneLineError(Fixtures.cli("check", "rfc-ordered", "--root", root.toString()), "expected.tsv:" + (lines + 1), "expected 4 tab-separated columns");
    }

    @Test
    void outcomesOfAModelThatIsNotInTheTable() throws IOException {
        Path root = Fixtures.copy(tmp.resolve("r"));
        Files.writeString(root.resolve("properties/expected.tsv"), "rfc-ghost\tTypeInv\tholds\t-\n", java.nio.file.StandardOpenOption.APPEND);
        assertOneLineError(Fixtures.cli("check", "rfc-ordered", "--root", root.toString()), "expected.tsv:", "unknown model 'rfc-ghost' (not in properties/models.tsv)");
    }

    @Test
    void aModelWithoutOutcomesOrWithBadOverrides() {
        Path root = Fixtures.copy(tmp.resolve("r"));
        Fixtures.replaceOnce(root.resolve("properties/models.tsv"), "rfc-ordered-smoke\trfc\tordered\tmaxPid=4,workers=FALSE",
                "rfc-ordered-smoke\trfc\tordered\tmaxPid=0,workers=FALSE");
        assertOneLineError(Fixtures.cli("check", "rfc-ordered", "--root", root.toString()), "models.tsv:", "MaxPid must be 2..62, not 0");
        Path root2 = Fixtures.copy(tmp.resolve("r2"));
        Fixtures.replaceOnce(root2.resolve("properties/models.tsv"), "rfc-ordered-smoke\trfc\tordered\tmaxPid=4,workers=FALSE",
                "rfc-ordered-smoke\trfc\tordered\tmaxPid=-4,workers=FALSE");
        assertOneLineError(Fixtures.cli("check", "rfc-ordered", "--root", root2.toString()), "models.tsv:", "override maxPid must be a number, not '-4'");
    }

    @Test
    void malformedOrIncompleteCfgSaysFileAndLine() throws IOException {
        String good = Fixtures.cli("cfg", "rfc-noFork", "--root", root()).out();
        Path twoPerLine = tmp.resolve("a.cfg");
        Files.writeString(twoPerLine, good.replace("    TypeInv\n", "    TypeInv, LiveParentInv\n").replace("INVARIANTS\n    PstateTypeInv\n", "INVARIANTS\n    PstateTypeInv, ParentTypeInv\n"));
        assertOneLineError(Fixtures.cli("check", "--cfg", twoPerLine.toString(), "--root", root()), "a.cfg:", "'PstateTypeInv,' is not a property name");
        Path noConstant = tmp.resolve("b.cfg");
        Files.writeString(noConstant, good.replaceAll("    SigLimit = \\d+\n", ""));
        assertOneLineError(Fixtures.cli("explore", noConstant.toString(), "--root", root()), "b.cfg: constant SigLimit is not assigned");
        Path zero = tmp.resolve("c.cfg");
        Files.writeString(zero, good.replace("MaxPid = 3", "MaxPid = 0"));
        assertOneLineError(Fixtures.cli("conform", zero.toString(), "--root", root()), "c.cfg: MaxPid must be 2..62, not 0");
        Path wrongSpec = tmp.resolve("d.cfg");
        Files.writeString(wrongSpec, good.replace("SPECIFICATION RfcSpec", "SPECIFICATION ClassicSpec"));
        assertOneLineError(Fixtures.cli("explore", wrongSpec.toString(), "--root", root()), "SPECIFICATION must be RfcSpec");
        Path missing = tmp.resolve("none.cfg");
        assertOneLineError(Fixtures.cli("explore", missing.toString(), "--root", root()), "missing model config");
    }

    @Test
    void anEmptyOrMalformedSavedTrace() throws IOException {
        Path empty = tmp.resolve("trace-TypeInv.txt");
        Files.writeString(empty, "");
        assertOneLineError(Fixtures.cli("replay", "rfc-dance", empty.toString(), "--root", root()), "no trace state in it");
        Path bad = tmp.resolve("trace-SoundAttributionInv.txt");
        Files.writeString(bad, "1: <Initial predicate>\n/\\ pstate = <<\"running\"\n");
        assertOneLineError(Fixtures.cli("replay", "rfc-dance", bad.toString(), "--root", root()), "not a trace saved by check");
        Path unnamed = tmp.resolve("counterexample.txt");
        Files.writeString(unnamed, "x");
        assertOneLineError(Fixtures.cli("replay", "rfc-dance", unnamed.toString(), "--root", root()), "name the violated property with --property");
    }

    @Test
    void tlaParseErrorSaysFileAndLine() throws IOException {
        Path root = Fixtures.copy(tmp.resolve("r"));
        Path kernel = root.resolve("spec/Kernel.tla");
        String text = Files.readString(kernel);
        int line = (int) text.substring(0, text.indexOf("Setsid(p) ==")).lines().count() + 1;
        Fixtures.replaceOnce(kernel, "Setsid(p) ==\n", "Setsid(p) == ==\n");
        assertOneLineError(Fixtures.cli("check", "rfc-ordered", "--property", "TypeInv", "--root", root.toString()), "Kernel.tla:" + line + ":");
    }

    @Test
    void propertyCheckedButNotDefinedInTheSpec() {
        Path root = Fixtures.copy(tmp.resolve("r"));
        Fixtures.replaceOnce(root.resolve("spec/Properties.tla"), "InitNeverExitsInv ==", "InitNeverExitsInvRenamed ==");
        Fixtures.Run r = Fixtures.cli("check", "rfc-ordered", "--property", "InitNeverExitsInv", "--root", root.toString());
        assertOneLineError(r, "rfc-ordered: TLC could not check the model");
        assertThat(r.err()).contains("InitNeverExitsInv");
    }

    @Test
    void aCfgConstantTooLargeForAnIntIsAnErrorNotCutToItsLowBits() throws IOException {
        String good = Fixtures.cli("cfg", "rfc-noFork", "--root", root()).out();
        Path big = tmp.resolve("big.cfg");
        Files.writeString(big, good.replace("MaxPid = 3", "MaxPid = 4294967299"));
        assertOneLineError(Fixtures.cli("explore", big.toString(), "--root", root()), "big.cfg: MaxPid = 4294967299 is out of range");
        assertOneLineError(Fixtures.cli("check", "--cfg", big.toString(), "--root", root()), "big.cfg: MaxPid = 4294967299 is out of range");
    }

    @Test
    void aModelsOverrideTooLargeForAnIntIsBadInput() {
        Path root = Fixtures.copy(tmp.resolve("r"));
        Fixtures.replaceOnce(root.resolve("properties/models.tsv"), "rfc-ordered-smoke\trfc\tordered\tmaxPid=4,workers=FALSE",
                "rfc-ordered-smoke\trfc\tordered\tmaxPid=99999999999,workers=FALSE");
        assertOneLineError(Fixtures.cli("models", "--root", root.toString()), "models.tsv:", "override maxPid must be a number", "'99999999999'");
    }

    @Test
    void aDuplicateModelsRowIsReportedAsADuplicateWithBothLines() throws IOException {
        Path root = Fixtures.copy(tmp.resolve("r"));
        Path models = root.resolve("properties/models.tsv");
        List<String> lines = Files.readAllLines(models);
        int first = 0;
        while (!lines.get(first).startsWith("rfc-noFork\t")) first++;
        Files.writeString(models, lines.get(first) + "\n", java.nio.file.StandardOpenOption.APPEND);
        assertOneLineError(Fixtures.cli("models", "--root", root.toString()), "models.tsv:" + (lines.size() + 1) + ": model 'rfc-noFork' listed twice",
                "first at " + models + ":" + (first + 1));
    }

    @Test
    void aMissingTraceFileIsNoSuchFile() {
        assertOneLineError(Fixtures.cli("replay", "rfc-dance", tmp.resolve("trace-TypeInv.txt").toString(), "--root", root()), "trace-TypeInv.txt: no such file");
        assertOneLineError(Fixtures.cli("replay", "rfc-dance", tmp.resolve("trace-NoSuchInv.txt").toString(), "--root", root()), "no such file");
    }

    /** A runtime error raised by a standard module's operator is placed where the spec called it. */
    @Test
    void aTlaRuntimeErrorIsPlacedInTheModuleThatRaisedIt() throws IOException {
        Path root = Fixtures.copy(tmp.resolve("r"));
        Path props = root.resolve("spec/Properties.tla");
        String call = "Cardinality({p \\in OtherPids : InUse(p)})";
        String text = Files.readString(props);
        int at = text.indexOf(call);
        assertThat(at).as("the call this test breaks, in spec/Properties.tla").isNotNegative();
        int line = (int) text.substring(0, at).lines().count();
        int col = at - text.lastIndexOf('\n', at);
        Fixtures.replaceOnce(props, call, "Cardinality(Len(joined))");
        Fixtures.Run r = Fixtures.cli("check", "rfc-noFork", "--property", "TypeInv", "--root", root.toString());
        assertOneLineError(r, "Properties.tla:" + line + ":", "Attempted to compute cardinality of the value 0");
        assertThat(r.err()).doesNotContain("FiniteSets.tla");
    }

    @Test
    void optionsAreCheckedWhateverOtherOptionsAreGiven() {
        assertOneLineError(Fixtures.cli("explore", "rfc-noFork", "--threads", "0", "--root", root()), "--threads must be at least 1");
        assertOneLineError(Fixtures.cli("explore", "rfc-noFork", "--threads", "3", "--root", root()), "--threads goes with --check");
        assertOneLineError(Fixtures.cli("explore", "rfc-noFork", "--check", "--max-states", "0", "--root", root()), "--max-states must be at least 1");
        assertOneLineError(Fixtures.cli("check", "rfc-noFork", "--remote-workers", "-1", "--root", root()), "--remote-workers must not be negative");
        assertOneLineError(Fixtures.cli("check", "rfc-noFork", "--distributed", "-1", "--root", root()), "--distributed must not be negative");
    }

    /** A parse error shows the usage of the command it is about, not check's; no command at all lists the commands. */
    @Test
    void aParseErrorShowsItsOwnCommandsUsage() {
        Fixtures.Run r = Fixtures.cli("explore", "--frobnicate", "rfc-noFork");
        assertOneLineError(r, "--frobnicate");
        assertThat(r.err()).contains("usage: adoptsig explore ").doesNotContain("adoptsig check").contains("adoptsig explore --help");
        Fixtures.Run none = Fixtures.cli();
        assertOneLineError(none, "missing command");
        for (String c : List.of("check", "matrix", "answer", "models", "cfg", "explore", "conform", "replay", "bench", "fidelity", "tables")) {
            assertThat(none.err()).containsPattern("(?m)^  " + c + " +[A-Z]");
        }
    }
}
