package adoptsig.conform;

import adoptsig.Project;
import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Matrix;
import adoptsig.daemon.Bounds;
import adoptsig.daemon.BoundsReader;
import adoptsig.kernel.Kernel;
import adoptsig.tlc.SpecBridge;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cell of the race-condition matrix small enough to enumerate in seconds (at most
 * {@value #MAX_STATES} states, and the smallest cell of an idiom that has none so small): the Java kernel, supervisor and daemon programs reach the same
 * states by the same transitions as the spec, and as many states as TLC recorded in
 * properties/matrix.tsv. This covers every mechanism and every idiom on the Java side.
 */
class MatrixConformanceTest {
    static final long MAX_STATES = 8_000;
    static final Catalogue CATALOGUE = Catalogue.load(Project.root());
    static final Matrix MATRIX = Matrix.load(Project.root(), CATALOGUE);

    @TempDir Path tmp;

    static long recordedStates(Matrix.Cell c) {
        var o = MATRIX.expected(c.name()).get("TypeInv");
        return o == null ? -1 : o.states();
    }

    /** Every cell up to MAX_STATES, and for an idiom with no such cell (two instances) its smallest cell. */
    static Stream<String> smallCells() {
        java.util.List<Matrix.Cell> out = new java.util.ArrayList<>();
        for (Matrix.Idiom i : MATRIX.idioms()) {
            var cells = MATRIX.cells(0).stream().filter(c -> c.idiom().equals(i) && recordedStates(c) > 0)
                    .sorted(java.util.Comparator.comparingLong(MatrixConformanceTest::recordedStates)).toList();
            var small = cells.stream().filter(c -> recordedStates(c) <= MAX_STATES).toList();
            out.addAll(small.isEmpty() && !cells.isEmpty() ? cells.subList(0, 1) : small);
        }
        return out.stream().map(Matrix.Cell::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallCells")
    void javaAndSpecHaveTheSameStatesAndTransitions(String cell) {
        Matrix.Cell c = MATRIX.cell(cell);
        Bounds b = c.bounds();
        SpecBridge spec = SpecBridge.load(Project.root().resolve("spec"), "MCAdoption", BoundsReader.cfgText(b), tmp);
        Conformance.Report r = Conformance.exhaustive(new JavaSystem(new Kernel(), b), spec);
        assertThat(r.divergence()).as(r.divergence().map(Conformance.Divergence::describe).orElse("")).isEmpty();
        assertThat(r.states()).isEqualTo(recordedStates(c));
    }

    /** The check can fail: a kernel that ignores subreapers diverges from the spec in the subreaper column. */
    @org.junit.jupiter.api.Test
    void aKernelThatIgnoresSubreapersIsCaughtOnTheSubreaperCell() {
        Bounds b = MATRIX.cell("subreaper-dance").bounds();
        SpecBridge spec = SpecBridge.load(Project.root().resolve("spec"), "MCAdoption", BoundsReader.cfgText(b), tmp);
        Conformance.Report r = Conformance.exhaustive(new JavaSystem(MutantKernels.ALL.get("orphans ignore child subreapers"), b), spec);
        assertThat(r.divergence()).isPresent();
        assertThat(r.divergence().get().describe()).startsWith("Java and the spec disagree after").contains("ReaperSpawn");
    }

    @org.junit.jupiter.api.Test
    void theSmallCellsCoverEveryMechanismAndEveryIdiom() {
        var small = smallCells().map(MATRIX::cell).toList();
        assertThat(small.stream().map(c -> c.mechanism().id()).distinct())
                .containsExactlyInAnyOrderElementsOf(MATRIX.mechanisms().stream().map(Matrix.Mechanism::id).toList());
        assertThat(small.stream().map(c -> c.idiom().id()).distinct())
                .containsExactlyInAnyOrderElementsOf(MATRIX.idioms().stream().map(Matrix.Idiom::id).toList());
    }
}
