package adoptsig.check;

import adoptsig.Fixtures;
import adoptsig.cli.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each property that holds on the real kernel is shown to fail on a deliberately broken one:
 * a one-line mutation of spec/Kernel.tla makes `check` report the property violated and exit 1.
 * (If a property could not fail, no mutant would catch it.) A kernel without the adopted zombie's
 * SIGCHLD changes no property of the catalogued models (the dying parent's own SIGCHLD reaches
 * init there too); `fidelity` catches that one against Linux (FidelityTest).
 */
class SpecMutantTest {
    @TempDir Path tmp;

    static Stream<Arguments> mutants() {
        return Stream.of(
                Arguments.of("a non-leader acquires the terminal",
                        "IF sid[p] = p /\\ ttySession = NoPid THEN p", "IF ttySession = NoPid THEN p",
                        "rfc-ordered", "DancedNeverAcquiresTtyProp"),
                Arguments.of("orphans keep their dead parent",
                        "parent' = [c \\in Pids |-> IF c \\in kids THEN r ELSE parent[c]]", "parent' = parent",
                        "rfc-ordered", "LiveParentInv"),
                Arguments.of("any process may reap any zombie",
                        "/\\ parent[c] = p\n    /\\ DoReap(c)", "/\\ DoReap(c)", "rfc-apue", "ReapOnceProp"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void aBrokenKernelIsCaught(String mutant, String from, String to, String model, String property) {
        Path root = Fixtures.copy(tmp);
        Fixtures.replaceOnce(root.resolve("spec/Kernel.tla"), from, to);
        Fixtures.Run r = Fixtures.cli("check", model, "--property", property, "--root", root.toString(), "--no-stories");
        assertThat(r.err()).as(mutant).isEmpty();
        assertThat(r.exit()).as(mutant + "\n" + r.out()).isEqualTo(Main.DIFFERS);
        assertThat(r.out()).containsPattern(property + "\\s+holds\\s+violated  <-- DIFFERS");
    }

    /** A type invariant is checked conjunct by conjunct, so that the report names the one that broke. */
    @org.junit.jupiter.api.Test
    void aBrokenTypeIsReportedWithTheConjunctThatBroke() {
        Path root = Fixtures.copy(tmp);
        Fixtures.replaceOnce(root.resolve("spec/Supervisors.tla"), "    /\\ ReadSigchld\n    /\\ supPc' = \"reaping\"\n    /\\ UNCHANGED <<pc, strangersBegun, tracked, gone, status, carried, pending, pidfile, forksLeft>>\n\n\\* ... and the oldest",
                "    /\\ ReadSigchld\n    /\\ supPc' = \"looping\"\n    /\\ UNCHANGED <<pc, strangersBegun, tracked, gone, status, carried, pending, pidfile, forksLeft>>\n\n\\* ... and the oldest");
        Fixtures.Run r = Fixtures.cli("check", "rfc-ordered-smoke", "--property", "TypeInv", "--root", root.toString(), "--no-stories");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.DIFFERS);
        assertThat(r.out()).containsPattern("TypeInv\\s+holds\\s+violated  <-- DIFFERS \\(conjunct SupPcTypeInv broke\\)");
    }
}
