package adoptsig.engine;

import adoptsig.Fixtures;
import adoptsig.catalog.Expected;
import adoptsig.catalog.Model;
import adoptsig.cli.Main;
import adoptsig.supervisor.Fairness;
import adoptsig.supervisor.Supervisor;
import adoptsig.system.World;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongBiFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The temporal verdicts rest on the mechanisms' fairness, so each family's fairness is shown to
 * matter: one fairness condition weakened at a time, in the spec (spec/Supervisors.tla, checked
 * by TLC) and in the Java engine (the same step left out of its group, or the group left out),
 * turns a recorded "holds" of StoppedDetectedProp into "violated", and both checkers report it.
 * The Java engine does not read the spec: a mutated spec no longer matches the definitions it
 * implements (FairnessPin), so `check`, whose temporal engine is Java by default, has TLC decide.
 */
class FairnessMutantTest {
    @TempDir Path tmp;

    /** A Java fairness mutant: a step name taken out of every group, or groups taken out of the weak and strong sets. */
    record JavaMutant(List<String> steps, long weakOff, long strongOff) {
        static JavaMutant step(String name) { return new JavaMutant(List.of(name), 0, 0); }
        static JavaMutant steps(String... names) { return new JavaMutant(List.of(names), 0, 0); }
        static JavaMutant groups(long weakOff, long strongOff) { return new JavaMutant(List.of(), weakOff, strongOff); }
    }

    static Stream<Arguments> mutants() {
        return Stream.of(
                Arguments.of("classic init's loop not fair", "ClassicFairness == WF_vars(ClassicLoop(TRUE)) /\\ DaemonFairness",
                        "ClassicFairness == DaemonFairness", "classic-dance", JavaMutant.groups(Fairness.INIT_LOOP, 0)),
                Arguments.of("waitLine's collecting of reports not fair", "WF_vars(WaitLineReadSigchld \\/ WaitLineCollect \\/ WaitLineCollected",
                        "WF_vars(WaitLineReadSigchld \\/ WaitLineCollected", "waitLine-dance", JavaMutant.step("CollectReport")),
                Arguments.of("rfcWitness's reading of adoption signals not fair", "WF_vars(RfcWitnessReadSigchld \\/ RfcWitnessReadAdoption \\/ RfcWitnessPeek",
                        "WF_vars(RfcWitnessReadSigchld \\/ RfcWitnessPeek", "rfcWitness-dance", JavaMutant.step("ReadAdoption")),
                Arguments.of("cgroup's read of cgroup.events not fair", "WF_vars(ClassicLoop(FALSE) \\/ \\E s \\in Services : CgroupStopped(s))",
                        "WF_vars(ClassicLoop(FALSE))", "cgroup-dance", JavaMutant.step("CgroupEmpty")),
                Arguments.of("pidfile's kill(pid, 0) not fair", "WF_vars(ClassicLoop(FALSE) \\/ CheckPid \\/", "WF_vars(ClassicLoop(FALSE) \\/",
                        "pidfile-dance", JavaMutant.steps("KillZero", "KillZeroEsrch")),
                Arguments.of("the subreaper's reapers not fair",
                        "    /\\ WF_vars(\\E r \\in Pids : ReaperSetup(r) \\/ ReaperSpawn(r) \\/ ReaperDone(r) \\/ \\E c \\in Pids : ReaperWait(r, c))\n", "",
                        "subreaper-dance", JavaMutant.groups(Fairness.HELPERS, 0)),
                Arguments.of("init's children's program steps not fair",
                        "    /\\ SF_vars(\\E p \\in Pids : svc[p] = InitSvc /\\ DaemonFairStep(p) /\\ UNCHANGED supVars)\n", "",
                        "subreaper-dance", JavaMutant.groups(0, Fairness.INIT_CHILDREN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void aWeakenedFairnessIsCaughtByTlcAndByTheJavaEngine(String mutant, String from, String to, String model, JavaMutant java) {
        String property = "StoppedDetectedProp";
        Model m = Fixtures.PROJECT.models().model(model);
        assertThat(m.expected().get(property).expected()).as("the record").isEqualTo(Expected.HOLDS);

        JavaSystem sys = Fixtures.PROJECT.system(m.bounds());
        Supervisor sup = sys.supervisor();
        assertThat(LivenessCheck.run(sys, List.of(property), 1_000_000).violations()).as("the real fairness").isEmpty();
        ToLongBiFunction<World, World> groups = (x, y) -> java.steps().contains(y.kernel().lastAction().name()) ? 0 : sup.fairness(x, y);
        LivenessCheck.Result r = LivenessCheck.run(sys, List.of(property), 1_000_000, groups,
                Fairness.WEAK & ~java.weakOff(), Fairness.STRONG & ~java.strongOff());
        assertThat(r.violations()).as(mutant + " (Java engine)").containsKey(property);
        LivenessCheckTest.checkLasso(sys, r.violations().get(property), groups, Fairness.WEAK & ~java.weakOff(), Fairness.STRONG & ~java.strongOff());

        Path root = Fixtures.copy(tmp);
        Fixtures.replaceOnce(root.resolve("spec/Supervisors.tla"), from, to);
        // the default temporal engine is Java, but the mutated spec no longer has the definitions it implements: TLC decides
        assertThat(adoptsig.supervisor.FairnessPin.matches(root.resolve("spec"))).as("the pin notices the mutant").isFalse();
        Fixtures.Run t = Fixtures.cli("check", model, "--property", property, "--root", root.toString(), "--no-stories");
        assertThat(t.exit()).as(mutant + " (TLC)\n" + t.out() + t.err()).isEqualTo(Main.DIFFERS);
        assertThat(t.out()).contains("TLC decides the temporal properties");
        assertThat(t.out()).containsPattern(property + "\\s+holds\\s+violated  <-- DIFFERS");
    }
}
