package adoptsig.conform;

import adoptsig.Fixtures;
import adoptsig.catalog.Property;
import adoptsig.engine.JavaInvariants;
import adoptsig.engine.JavaSystem;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.system.Bounds;
import adoptsig.tlc.SpecBridge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Random interleavings beyond the exhaustive bounds: free mode (every syscall by every
 * process), two services, 7 PIDs. Every Java step is checked against the spec's Next
 * in-process, every catalogued invariant is evaluated on both sides under every mechanism, and
 * a random (often invalid) syscall must be refused by both sides or by neither. QuickTheories
 * shrinks a failing choice list to a short sequence of steps, printed in spec vocabulary.
 */
class RandomConformanceTest {
    static final long SEED = 20081216L;          // the RFC's date; fixed so CI is reproducible
    static final Bounds BIG = new Bounds(7, List.of("a", "b"), 3, "free", false, true, "rfc");
    static final Map<String, Integer> actions = new TreeMap<>();
    static long steps;

    @AfterAll
    static void coverage() {
        System.out.printf("random conformance: %,d steps; actions taken: %s%n", steps, actions);
    }


    @Test
    void everyCataloguedStateInvariantIsEvaluatedOnBothSides() {
        List<String> invariants = Fixtures.PROJECT.catalogue().properties().stream().filter(p -> p.kind().isStatePredicate()).map(Property::id).toList();
        assertThat(JavaInvariants.of(Fixtures.PROJECT.system(BIG).supervisor()).keySet()).containsExactlyInAnyOrderElementsOf(invariants);
    }

    @Test
    void theRealKernelAgreesWithTheSpecOnRandomWalks() {
        JavaSystem sys = Fixtures.PROJECT.system(BIG);
        SpecBridge spec = Fixtures.PROJECT.bridge(BIG, true);
        qt().withFixedSeed(SEED).withExamples(60).withShrinkCycles(200)
                .forAll(lists().of(integers().between(0, 1_000_000)).ofSizeBetween(60, 160))
                .checkAssert(choices -> {
                    RandomWalk.Outcome o = RandomWalk.walk(sys, spec, choices);
                    assertThat(o.failure()).as("seed " + SEED + ", steps " + o.steps()).isNull();
                    steps += o.steps().size();
                    o.actions().forEach((k, v) -> actions.merge(k, v, Integer::sum));
                });
        // coverage: every action of the spec fired (the reason: a random test that never forks
        // or never reads an adoption signal would pass vacuously); and thousands of steps.
        assertThat(actions.keySet()).containsExactlyInAnyOrder("Spawn", "Fork", "Exit", "Reap", "Setsid", "Exec", "OpenTty",
                "PrctlSetAdoptsig", "PrctlSetChildSubreaper", "ReadSigchld", "ReadAdoption", "ReadSignalsEmpty",
                "WaitAny", "WaitAnyNone", "WaitAnyEchild");
        assertThat(steps).isGreaterThanOrEqualTo(2000);
    }

    /** The invariants (Believed is each mechanism's own) agree with TLC's under every mechanism, not only the RFC's. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("adoptsig.Fixtures#mechanisms")
    void everyMechanismAgreesWithTheSpecOnRandomWalksInvariantsIncluded(String mechanism) {
        Bounds b = Fixtures.freeMode(mechanism);
        RandomWalk.Run r = RandomWalk.run(Fixtures.PROJECT.system(b), Fixtures.PROJECT.bridge(b, true), SEED, 400);
        assertThat(r.failure()).isNull();
        assertThat(r.steps()).isGreaterThanOrEqualTo(400);
    }

    /**
     * Syscalls that no program makes at that point (a daemon calling setsid again, a worker
     * calling setsid) are compared too, in both directions: a kernel that refuses what the spec
     * allows, and one that allows what the spec refuses, are caught on the dance's bounds,
     * where their successor sets stay equal to the spec's.
     */
    @Test
    void aKernelThatRefusesOrAllowsWhatTheSpecDoesNotIsCaughtBothWays() {
        Bounds dance = Fixtures.PROJECT.models().model("rfc-workers").bounds();
        SpecBridge spec = Fixtures.PROJECT.bridge(dance, true);
        Kernel refusesDanced = new Kernel() {
            @Override protected boolean mayCallSetsid(KernelState s, int p) { return super.mayCallSetsid(s, p) && !s.proc(p).danced(); }
        };
        assertThat(firstFailure(new JavaSystem(refusesDanced, dance), spec)).contains("Setsid(").contains("fails with EPERM in Java but is a step of the spec");
        assertThat(firstFailure(new JavaSystem(MutantKernels.ALL.get("setsid allowed for group leaders"), dance), spec))
                .contains("Setsid(").contains("succeeds in Java but the spec has no such step");
        assertThat(firstFailure(new JavaSystem(new Kernel(), dance), spec)).isNull();
    }

    static String firstFailure(JavaSystem sys, SpecBridge spec) {
        Random r = new Random(SEED);
        for (int walk = 0; walk < 60; walk++) {
            String f = RandomWalk.walk(sys, spec, r.ints(60, 0, 1_000_000).boxed().toList()).failure();
            if (f != null) return f;
        }
        return null;
    }

    @Test
    void theFastPairCheckAgreesOnTensOfThousandsOfStepsAndCatchesMutants() {
        SpecBridge spec = Fixtures.PROJECT.bridge(BIG, true);
        FastWalk.Outcome o = FastWalk.run(Fixtures.PROJECT.system(BIG), spec, SEED, 30_000, 100, 400);
        System.out.printf("fast random conformance: %s%n", o);
        assertThat(o.failure()).isNull();
        assertThat(o.steps()).isEqualTo(30_000);
        FastWalk.Outcome setsid = FastWalk.run(new JavaSystem(MutantKernels.ALL.get("setsid allowed for group leaders"), BIG), spec, SEED, 30_000, 100, 400);
        assertThat(setsid.failure()).as("setsid allowed for group leaders is caught").contains("Java takes Setsid(").contains("which is not a step of the spec");
        FastWalk.Outcome twice = FastWalk.run(new JavaSystem(MutantKernels.ALL.get("a zombie reaped twice"), BIG), spec, SEED, 30_000, 100, 400);
        assertThat(twice.failure()).as("a zombie reaped twice is caught").contains("Java takes Reap(").contains("which is not a step of the spec");
    }

    @Test
    void mutantKernelsThatOnlyFreeModeReachesAreCaughtByRandomWalksAtTheStepTheyBreak() {
        SpecBridge spec = Fixtures.PROJECT.bridge(BIG, true);
        Map<String, String> expected = Map.of("setsid allowed for group leaders", "Java only: Setsid(",
                "a zombie reaped twice", "Java only: Reap(");
        for (var e : expected.entrySet()) {
            assertThat(firstFailure(new JavaSystem(MutantKernels.ALL.get(e.getKey()), BIG), spec)).as(e.getKey() + " is caught")
                    .isNotNull().contains(e.getValue());
        }
    }
}
