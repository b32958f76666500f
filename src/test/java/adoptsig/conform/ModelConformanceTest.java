package adoptsig.conform;

import adoptsig.Fixtures;
import adoptsig.catalog.Idiom;
import adoptsig.catalog.Mechanism;
import adoptsig.catalog.Model;
import adoptsig.catalog.Models;
import adoptsig.engine.Explorer;
import adoptsig.system.Bounds;
import adoptsig.tlc.SpecBridge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every model small enough to enumerate in seconds (at most {@value #MAX_STATES} states, and
 * the smallest model of a grid idiom that has none so small): the Java kernel, supervisor and
 * daemon programs reach the same states by the same transitions as the spec, and as many
 * states as TLC recorded in properties/models.tsv. This covers every mechanism and every grid
 * idiom on the Java side (free mode is covered by the random walks).
 */
class ModelConformanceTest {
    static final long MAX_STATES = 8_000;
    static final Models MODELS = Fixtures.PROJECT.models();

    /** Every model up to MAX_STATES, and for a grid idiom with no such model its smallest one. */
    static Stream<String> smallModels() {
        List<Model> out = new ArrayList<>();
        for (Idiom i : MODELS.idioms()) {
            var ms = MODELS.models().stream().filter(m -> m.idiom().equals(i)).sorted(Comparator.comparingLong(Model::distinct)).toList();
            var small = ms.stream().filter(m -> m.distinct() <= MAX_STATES).toList();
            out.addAll(small.isEmpty() && i.grid() && !ms.isEmpty() ? ms.subList(0, 1) : small);
        }
        return out.stream().map(Model::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallModels")
    void javaAndSpecHaveTheSameStatesAndTransitions(String name) {
        Model m = MODELS.model(name);
        Bounds b = m.bounds();
        SpecBridge spec = Fixtures.PROJECT.bridge(b, false);
        Conformance.Report r = Conformance.exhaustive(Fixtures.PROJECT.system(b), spec, line -> { });
        assertThat(r.divergence()).as(r.divergence().map(Conformance.Divergence::describe).orElse("")).isEmpty();
        assertThat(r.states()).isEqualTo(m.distinct());
        assertThat(Explorer.explore(Fixtures.PROJECT.system(b), line -> { })).isEqualTo(m.distinct());
    }

    @Test
    void theSmallModelsCoverEveryMechanismAndEveryGridIdiom() {
        var small = smallModels().map(MODELS::model).toList();
        assertThat(small.stream().map(c -> c.mechanism().id()).distinct())
                .containsExactlyInAnyOrderElementsOf(MODELS.mechanisms().stream().map(Mechanism::id).toList());
        assertThat(small.stream().map(c -> c.idiom().id()).distinct())
                .containsAll(MODELS.gridIdioms().stream().map(Idiom::id).toList());
    }
}
