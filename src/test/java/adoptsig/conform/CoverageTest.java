package adoptsig.conform;

import adoptsig.Fixtures;
import adoptsig.engine.JavaSystem;
import adoptsig.system.Bounds;
import adoptsig.tlc.SpecBridge;
import adoptsig.tlc.TlaValue;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How much of a model the random walks see: at rfc-workers-q2's bounds, where the reachable
 * states are known exactly (TLC's count), random conformance walks must take every action the
 * model allows and visit at least 10% of the reachable states. Why 10%: the walks are meant to
 * exercise every kind of step many times, not to replace the exhaustive check (which covers
 * all states at these bounds); 300 walks of at most 40 steps were measured to reach 12.6% of the
 * reachable states (fixed seed), and a walk generator stuck in one corner (say, one that
 * never lets init read a signal, or never lets a daemon fork) falls far below it.
 */
class CoverageTest {
    @Test
    void randomWalksCoverEveryActionAndTenPercentOfTheReachableStates() {
        var model = Fixtures.PROJECT.models().model("rfc-workers-q2");
        Bounds b = model.bounds();
        SpecBridge spec = Fixtures.PROJECT.bridge(b, true);
        JavaSystem sys = Fixtures.PROJECT.system(b);
        Set<Map<String, TlaValue>> visited = new HashSet<>();
        Map<String, Integer> actions = new TreeMap<>();
        Random r = new Random(RandomConformanceTest.SEED);
        for (int walk = 0; walk < 300; walk++) {
            RandomWalk.Outcome o = RandomWalk.walk(sys, spec, r.ints(40, 0, 1_000_000).boxed().toList());
            assertThat(o.failure()).isNull();
            visited.addAll(o.visited());
            o.actions().forEach((k, v) -> actions.merge(k, v, Integer::sum));
        }
        double share = visited.size() / (double) model.distinct();
        System.out.printf("coverage at rfc-workers-q2: %,d of %,d reachable states (%.0f%%); actions %s%n",
                visited.size(), model.distinct(), 100 * share, actions);
        assertThat(actions.keySet()).containsExactlyInAnyOrder("Spawn", "Fork", "Exit", "Setsid", "OpenTty",
                "ReadSigchld", "ReadAdoption", "ReadSignalsEmpty", "WaitAny", "WaitAnyNone", "WaitAnyEchild");
        assertThat(share).isGreaterThanOrEqualTo(0.10);
    }
}
