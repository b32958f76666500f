package adoptsig.product;

import adoptsig.Fixtures;
import adoptsig.conform.MutantKernelsAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indistinguishability check: the Java product explores the same graph as TLC on
 * spec/Indistinguishability.tla (state counts, and the length of the shortest conflict), TLC's
 * conflicts replay on the Java kernel with identical observations and different truths, and
 * the game can fail where it must: classic init with the dance is a forced conflict, hiding the
 * adoption signal's si_status changes a verdict, and a conflict that a careful strategy escapes
 * is reported as escapable.
 */
class ProductTest {
    @TempDir Path tmp;

    static Setting closed(int pids, String program, Interface i, int rt) {
        return new Setting(pids, List.of("a", "b"), List.of(), rt, program, false, false, false, i);
    }

    static Setting open(int pids, String program, Interface i) {
        return new Setting(pids, List.of("a"), List.of("x"), 4, program, false, false, false, i);
    }

    static Game.Result solve(Setting s) { return new Game(new Product(s)).solve(line -> { }); }

    @Test
    void javaAndTlcExploreTheSameGraphWithoutAConflict() {
        for (Setting s : List.of(closed(4, "apue", Interface.RFC, 4), open(3, "noFork", Interface.WAIT_LINE))) {
            Game.Result j = solve(s);
            ProductTlc.Outcome t = ProductTlc.run(s, Fixtures.PROJECT.specDir(), tmp.resolve(s.iface().id + s.program()), Duration.ofMinutes(10));
            assertThat(j.conflicts()).isZero();
            assertThat(t.conflict()).isEmpty();
            assertThat(t.distinct()).as(s.toString()).isEqualTo(j.states());
        }
    }

    @Test
    void tlcsShortestConflictReplaysOnJavaWithTheSameObservationsAndDifferentTruths() {
        Setting s = closed(4, "apue", Interface.CLASSIC, 4);
        Game.Result j = solve(s);
        ProductTlc.Outcome t = ProductTlc.run(s, Fixtures.PROJECT.specDir(), tmp.resolve("classic"), Duration.ofMinutes(10));
        assertThat(t.conflict()).isPresent();
        assertThat(t.conflict().get().steps()).isEqualTo(j.shortest().size() - 1);
        ProductReplay.Result r = ProductReplay.replay(new Product(s), t.conflict().get());
        assertThat(r.replayed()).as(r.explanation()).isTrue();
        assertThat(r.conflict()).startsWith(t.violated().replace("Inv", "")).isNotNull();
        // identical observations: every init step gave both copies the same result, and the copies differ at the end
        Pair last = r.states().get(r.states().size() - 1);
        assertThat(last.l()).isNotEqualTo(last.r());
        Product p = new Product(s);
        int initSteps = 0;
        for (int i = 1; i < r.states().size(); i++) {
            Pair before = r.states().get(i - 1), after = r.states().get(i);
            Product.Move m = p.moves(before).stream().filter(x -> x.next().equals(after)).findFirst().orElseThrow();
            if (!m.byInit()) continue;
            initSteps++;
            var a = after.l().kernel().lastAction();
            var b = after.r().kernel().lastAction();
            assertThat(a.name() + " " + a.target()).as("init sees the same at step " + i).isEqualTo(b.name() + " " + b.target());
        }
        assertThat(initSteps).isPositive();
    }

    /** Orphans given to their grandparent: seen where a process three levels below init exits (a worker's daemon). */
    @Test
    void aMutantKernelMakesJavaAndTlcDisagree() {
        Setting s = new Setting(5, List.of("a"), List.of(), 4, "dance", false, true, false, Interface.RFC);
        Game.Result mutant = new Game(new Product(s, MutantKernelsAccess.grandparentReaper())).solve(line -> { });
        ProductTlc.Outcome t = ProductTlc.run(s, Fixtures.PROJECT.specDir(), tmp.resolve("mutant"), Duration.ofMinutes(10));
        assertThat(mutant.states()).isNotEqualTo(t.distinct());
    }

    @Test
    void classicInitWithTheDanceIsAForcedConflict() {
        Game.Result r = solve(closed(4, "dance", Interface.CLASSIC, 4));
        assertThat(r.verdict()).isEqualTo("forced conflict");
        assertThat(r.forced()).isTrue();
    }

    @Test
    void hidingSiStatusChangesAVerdict() {
        assertThat(solve(closed(4, "dance", Interface.RFC, 4)).verdict()).isEqualTo("no conflict");
        assertThat(solve(closed(4, "dance", Interface.RFC_NO_STATUS, 4)).verdict()).isEqualTo("forced conflict");
    }

    @Test
    void aConflictThatAStrategyEscapesIsReportedAsEscapable() {
        Game.Result r = solve(closed(4, "dance", Interface.RFC_STD, 1));
        assertThat(r.conflicts()).isPositive();
        assertThat(r.forced()).isFalse();
        assertThat(r.verdict()).isEqualTo("escapable conflict");
        assertThat(r.escape()).contains("lets the environment force a conflict; instead:").contains("ReadAdoption");
    }

    @Test
    void theStoryTellsBothBehavioursAsInitSawThem() {
        Setting s = closed(4, "dance", Interface.CLASSIC, 4);
        Product p = new Product(s);
        String story = ConflictStory.tell("closed-dance-classic-4", p, new Game(p).solve(line -> { }));
        assertThat(story).contains("forced conflict").contains("init does, and sees (in both)").contains("| in L").contains("fork() for a returns 2")
                .contains("Now init has read everything").contains("  L: ").contains("  R: ");
    }
}
