package adoptsig.conform;

import adoptsig.Fixtures;
import adoptsig.engine.Explorer;
import adoptsig.engine.Fingerprint;
import adoptsig.engine.JavaSystem;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.system.Bounds;
import adoptsig.system.World;
import adoptsig.tlc.Abstraction;
import adoptsig.tlc.SpecBridge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lockstep check can fail, and says where: mutant kernels diverge from the spec with the
 * shortest path to the difference and the very step each mutant breaks; a kernel whose boot
 * differs is reported at the initial state. And the abstraction and the fingerprint are sound.
 */
class ConformanceTest {
    static Bounds bounds(String model) { return Fixtures.PROJECT.models().model(model).bounds(); }

    static Conformance.Report exhaustive(Kernel kernel, String model) {
        Bounds b = bounds(model);
        SpecBridge spec = Fixtures.PROJECT.bridge(b, false);
        return Conformance.exhaustive(new JavaSystem(kernel, b), spec, line -> { });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // mutant | model | the step the divergence must be about | text of the report
            "orphans reparented to the grandparent | rfc-workers-q2 | Exit | step only Java takes: Exit(",
            "realtime signals dequeued LIFO | rfc-workers-q2 | ReadAdoption | step only Java takes: ReadAdoption(",
            "orphans ignore child subreapers | subreaper-dance | Exit | step only Java takes: Exit("})
    void mutantKernelsAreCaughtAtTheStepTheyBreak(String mutant, String model, String step, String text) {
        Conformance.Report r = exhaustive(MutantKernels.ALL.get(mutant), model);
        assertThat(r.divergence()).as(mutant).isPresent();
        Conformance.Divergence d = r.divergence().get();
        String story = d.describe();
        System.out.println("expected disagreement (mutant kernel: " + mutant + "): " + story);
        assertThat(story).startsWith("Java and the spec disagree after").contains(text).contains("step only the spec takes: " + step + "(");
        assertThat(d.javaOnly()).allMatch(s -> s.get("lastAction").apply("name").asStr().equals(step));
        assertThat(d.specOnly()).allMatch(s -> s.get("lastAction").apply("name").asStr().equals(step));
    }

    static Bounds withMechanism(Bounds b, String mechanism) {
        return new Bounds(b.maxPid(), b.services(), b.sigLimit(), b.program(), b.danceSync(), b.workers(), mechanism);
    }

    /** Java as classic init (no PR_SET_ADOPTSIG at boot) against the rfc spec: reported at the initial state, not a crash. */
    @Test
    void aDivergenceAtTheInitialStateIsReported() {
        Bounds b = bounds("rfc-dance");
        SpecBridge spec = Fixtures.PROJECT.bridge(b, false);
        Conformance.Report r = Conformance.exhaustive(new JavaSystem(new Kernel(), withMechanism(b, "classic")), spec, line -> { });
        assertThat(r.divergence()).isPresent();
        assertThat(r.divergence().get().describe()).startsWith("Java and the spec disagree at the initial state:\n  adoptMode: Java \"none\", spec \"realtime\"\n  adoptSig: Java <<FALSE,");
    }

    @Test
    void theTlcStateOfAWorldHasTheFingerprintOfItsPrintedAbstraction() {
        Bounds b = bounds("rfc-workers-q2");
        SpecBridge spec = Fixtures.PROJECT.bridge(b, false);
        Set<World> worlds = Explorer.exploreSet(new JavaSystem(new Kernel(), b));
        assertThat(worlds).hasSize((int) Fixtures.PROJECT.models().model("rfc-workers-q2").distinct());
        for (World w : worlds) assertThat(Abstraction.state(w).fingerPrint()).isEqualTo(spec.fingerprint(Abstraction.vars(w)));
    }

    /** The explorer's fingerprint mixes every field: worlds that differ in one field only get different fingerprints. */
    @Test
    void theExplorersFingerprintCoversEveryField() {
        World w = Fixtures.PROJECT.system(bounds("pidfile-two")).init();
        List<World> variants = new ArrayList<>();
        variants.add(w.withPidfile(World.put(w.pidfile(), "b", 3)));
        variants.add(w.withForksLeft(World.put(w.forksLeft(), "a", 1)));
        variants.add(w.withGone(World.put(w.gone(), "b", 1L << 2)));
        variants.add(w.withTracked(World.put(w.tracked(), "b", 1L << 2)));
        variants.add(w.withStatus(World.put(w.status(), "a", "running")));
        variants.add(w.withSupPc("reaping"));
        variants.add(w.withPending(Set.of(new adoptsig.kernel.Adoption(2, 3))));
        variants.add(w.withPc(2, "d0"));
        KernelState k = w.kernel();
        variants.add(w.withKernel(k.withStep(adoptsig.kernel.Step.of("Boot", 1, 2))));
        List<Long> fps = new ArrayList<>();
        fps.add(Fingerprint.of(w));
        for (World v : variants) fps.add(Fingerprint.of(v));
        assertThat(fps).doesNotHaveDuplicates();
    }

    /** With processes outside the model moving the PID cursor, Java and the spec still take the same steps. */
    @Test
    void outsideActivityIsTheSameOnBothSides() {
        var m = Fixtures.PROJECT.models().model("rfc-dance-outside");
        Conformance.Report r = exhaustive(new Kernel(), m.name());
        assertThat(r.divergence()).as(r.divergence().map(Conformance.Divergence::describe).orElse("")).isEmpty();
        assertThat(r.states()).isEqualTo(m.distinct());
    }

    /** Beyond exhaustive bounds: every mechanism, free mode, 7 PIDs, two services, random steps checked as pairs. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("adoptsig.Fixtures#mechanisms")
    void everySupervisorAgreesWithTheSpecOnRandomStepsInFreeMode(String mechanism) {
        Bounds b = Fixtures.freeMode(mechanism);
        SpecBridge spec = Fixtures.PROJECT.bridge(b, false);
        FastWalk.Outcome o = FastWalk.run(new JavaSystem(new Kernel(), b), spec, RandomConformanceTest.SEED, 20_000, 100, 400);
        assertThat(o.failure()).isNull();
        assertThat(o.steps()).isEqualTo(20_000);
        assertThat(o.fullChecks()).isEqualTo(200);
    }

    @Test
    void theFastWalkChecksTheInitialState() {
        Bounds b = bounds("rfc-dance");
        SpecBridge spec = Fixtures.PROJECT.bridge(b, false);
        FastWalk.Outcome o = FastWalk.run(new JavaSystem(new Kernel(), withMechanism(b, "classic")), spec, 1, 100, 10, 50);
        assertThat(o.failure()).isEqualTo("Java's initial state is not the spec's Init");
    }
}
