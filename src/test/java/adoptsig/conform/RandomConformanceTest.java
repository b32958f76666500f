package adoptsig.conform;

import adoptsig.Project;
import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Property;
import adoptsig.daemon.Bounds;
import adoptsig.daemon.BoundsReader;
import adoptsig.kernel.Kernel;
import adoptsig.tlc.SpecBridge;
import adoptsig.tlc.TlaValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Random interleavings beyond the exhaustive bounds: free mode (every syscall by every
 * process), two services, 7 PIDs. Every Java step is checked against the spec's Next
 * in-process, every catalogued invariant is evaluated on both sides, and a random (often
 * invalid) syscall must be refused by both or by neither. QuickTheories shrinks a failing
 * choice list to a short sequence of steps, printed in spec vocabulary.
 */
class RandomConformanceTest {
    static final long SEED = 20081216L;          // the RFC's date; fixed so CI is reproducible
    static final Bounds BIG = new Bounds(7, List.of("a", "b"), 3, "free", false, true, "rfc");
    static SpecBridge spec;
    static List<String> invariants;
    static final Map<String, Integer> actions = new TreeMap<>();
    static long steps;

    @BeforeAll
    static void load(@TempDir Path tmp) {
        invariants = Catalogue.load(Project.root()).properties().stream()
                .filter(p -> p.kind().isStatePredicate()).map(Property::id).toList();
        spec = SpecBridge.load(Project.root().resolve("spec"), "MCAdoption", BoundsReader.cfgText(BIG), invariants, tmp);
    }

    @AfterAll
    static void coverage() {
        System.out.printf("random conformance: %,d steps; actions taken: %s%n", steps, actions);
    }

    @Test
    void everyCataloguedInvariantIsEvaluatedOnBothSides() {
        assertThat(JavaInvariants.of("rfc").keySet()).containsExactlyInAnyOrderElementsOf(invariants);
    }

    @Test
    void theRealKernelAgreesWithTheSpecOnRandomWalks() {
        JavaSystem sys = new JavaSystem(new Kernel(), BIG);
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
                "PrctlSetAdoptsig", "PrctlSetChildSubreaper", "DequeueSigchld", "WaitNohang", "WaitNohangEmpty",
                "DequeueAdoption", "DecideStopped", "ForgetExited");
        assertThat(steps).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void theFastPairCheckAgreesOnTensOfThousandsOfRandomCallsAndCatchesMutants() {
        FastWalk.Outcome o = FastWalk.run(new JavaSystem(new Kernel(), BIG), spec, SEED, 30_000, 100, 400);
        System.out.printf("fast random conformance: %s%n", o);
        assertThat(o.failure()).isNull();
        assertThat(o.taken()).isGreaterThan(2000);
        assertThat(o.refused()).isGreaterThan(2000);      // invalid calls were made too
        for (String name : List.of("setsid allowed for group leaders", "a zombie reaped twice")) {
            FastWalk.Outcome m = FastWalk.run(new JavaSystem(MutantKernels.ALL.get(name), BIG), spec, SEED, 30_000, 100, 400);
            assertThat(m.failure()).as(name + " is caught").isNotNull();
        }
    }

    @Test
    void mutantKernelsThatOnlyFreeModeReachesAreCaughtByRandomWalks() {
        for (String name : List.of("setsid allowed for group leaders", "a zombie reaped twice")) {
            JavaSystem sys = new JavaSystem(MutantKernels.ALL.get(name), BIG);
            boolean caught = false;
            java.util.Random r = new java.util.Random(SEED);
            for (int walk = 0; walk < 50 && !caught; walk++) {
                List<Integer> choices = r.ints(120, 0, 1_000_000).boxed().toList();
                caught = !RandomWalk.walk(sys, spec, choices).ok();
            }
            assertThat(caught).as(name + " is caught").isTrue();
        }
    }
}
