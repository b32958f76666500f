package adoptsig.game;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class SetStoreTest {
    private static int[] sortedSet(List<Integer> xs) {
        return new TreeSet<>(xs).stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Every set stored comes back equal, with its first member and size, after later sets have
     * filled pages of 64 bytes (so that sets start new pages and some are longer than a page);
     * members up to Integer.MAX_VALUE, so gaps take one to five bytes.
     */
    @Test
    void everySetComesBackAsStored() {
        qt().withFixedSeed(11).withExamples(300)
                .forAll(lists().of(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(0, 40)).ofSizeBetween(1, 30))
                .checkAssert(sets -> {
                    SetStore store = new SetStore(64);
                    List<int[]> stored = new ArrayList<>();
                    for (List<Integer> xs : sets) {      // an empty list (sometimes) is the empty set
                        int[] s = sortedSet(xs);
                        assertThat(store.add(s)).isEqualTo(stored.size());
                        stored.add(s);
                    }
                    assertThat(store.size()).isEqualTo(stored.size());
                    for (int i = 0; i < stored.size(); i++) {
                        assertThat(store.get(i)).as("set %d", i).containsExactly(stored.get(i));
                        if (stored.get(i).length > 0) assertThat(store.first(i)).isEqualTo(stored.get(i)[0]);
                        assertThat(store.sizeOf(i)).isEqualTo(stored.get(i).length);
                    }
                    store.clear();
                    assertThat(store.size()).isZero();
                    assertThat(store.add(stored.get(0))).isZero();
                    assertThat(store.get(0)).containsExactly(stored.get(0));
                });
    }

    /** Close numbers take a byte each: 1,000 consecutive states in about 1,000 bytes, not 4,000. */
    @Test
    void closeNumbersTakeAByteEach() {
        SetStore store = new SetStore(1 << 16);
        int[] s = new int[1000];
        for (int i = 0; i < s.length; i++) s[i] = 5_000_000 + 3 * i;
        store.add(s);
        assertThat(store.bytes()).isEqualTo((1 << 16) + 12L * 4096);
        assertThat(store.get(0)).containsExactly(s);
        SetStore one = new SetStore(1003);
        one.add(s);                                 // 4 bytes for the first, one for each gap: exactly one page of 1,003
        assertThat(one.bytes() - 12L * 4096).isEqualTo(1003);
    }

    @Test
    void refusesAnUnsortedOrNegativeSet() {
        assertThatThrownBy(() -> new SetStore().add(new int[] {3, 3})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SetStore().add(new int[] {4, 2})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SetStore().add(new int[] {-1, 2})).isInstanceOf(IllegalArgumentException.class);
    }
}
