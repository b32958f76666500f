package adoptsig.conform;

import adoptsig.Project;
import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Model;
import adoptsig.daemon.Bounds;
import adoptsig.daemon.BoundsReader;
import adoptsig.kernel.Kernel;
import adoptsig.tlc.CfgFile;
import adoptsig.tlc.SpecBridge;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exhaustive equality at small bounds: the Java kernel + supervisor and the spec reach the
 * same states by the same transitions, and as many states as TLC recorded in the manifest.
 */
class ConformanceTest {
    @TempDir Path tmp;

    static Bounds bounds(String model) {
        return BoundsReader.of(CfgFile.read(Project.root().resolve("spec").resolve(model + ".cfg")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MCAdoptionRfcOrder", "MCAdoptionDance", "MCAdoptionBestDanceRoomy", "MCAdoptionBestDance",
            "MCAdoptionClassicDanceRoomy", "MCAdoptionCgroupDanceRoomy"})
    void javaAndSpecHaveTheSameStatesAndTransitions(String model) {
        Bounds b = bounds(model);
        SpecBridge spec = SpecBridge.load(Project.root().resolve("spec"), "MCAdoption", BoundsReader.cfgText(b), tmp);
        Conformance.Report r = Conformance.exhaustive(new JavaSystem(new Kernel(), b), spec);
        assertThat(r.divergence()).as(r.divergence().map(Conformance.Divergence::describe).orElse("")).isEmpty();
        Model m = Catalogue.load(Project.root()).model(model);
        assertThat(r.states()).isEqualTo(m.distinct());
        assertThat(Conformance.explore(new JavaSystem(new Kernel(), b))).isEqualTo(m.distinct());
    }

    @ParameterizedTest
    @ValueSource(strings = {"orphans reparented to the grandparent", "realtime signals dequeued LIFO"})
    void mutantKernelsAreCaughtWithTheShortestPathToTheDifference(String mutant) {
        Bounds b = bounds("MCAdoptionDance");
        SpecBridge spec = SpecBridge.load(Project.root().resolve("spec"), "MCAdoption", BoundsReader.cfgText(b), tmp);
        Conformance.Report r = Conformance.exhaustive(new JavaSystem(MutantKernels.ALL.get(mutant), b), spec);
        assertThat(r.divergence()).as(mutant).isPresent();
        String story = r.divergence().get().describe();
        System.out.println(mutant + ": " + story);
        assertThat(story).startsWith("Java and the spec disagree after").contains("step only");
    }

    @org.junit.jupiter.api.Test
    void theDirectTlcValuesOfAWorldHaveTheFingerprintOfItsAbstraction() {
        Bounds b = bounds("MCAdoptionDance");
        SpecBridge spec = SpecBridge.load(Project.root().resolve("spec"), "MCAdoption", BoundsReader.cfgText(b), tmp);
        var worlds = Conformance.exploreSet(new JavaSystem(new Kernel(), b));
        assertThat(worlds).hasSize(7582);
        for (var w : worlds) {
            assertThat(TlcStates.of(w).fingerPrint()).isEqualTo(spec.fingerprint(Abstraction.of(w)));
        }
    }

    /** Beyond exhaustive bounds: every mechanism, free mode, 7 PIDs, two services, random (often refused) calls. */
    @ParameterizedTest
    @ValueSource(strings = {"rfc", "rfcBest", "rfcStd", "classic", "cgroup", "subreaper", "pidfile", "ptrace"})
    void everySupervisorAgreesWithTheSpecOnRandomCallsInFreeMode(String mechanism) {
        Bounds b = new Bounds(7, java.util.List.of("a", "b"), mechanism.equals("rfcStd") ? 1 : 3, "free", false, true, mechanism);
        SpecBridge spec = SpecBridge.load(Project.root().resolve("spec"), "MCAdoption", BoundsReader.cfgText(b), tmp);
        FastWalk.Outcome o = FastWalk.run(new JavaSystem(new Kernel(), b), spec, RandomConformanceTest.SEED, 20_000, 100, 400);
        assertThat(o.failure()).isNull();
        assertThat(o.taken()).as("steps the walk took (the others were refused by both sides)").isGreaterThan(500);
    }
}
