package adoptsig.game;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ArrayIdsTest {
    /** The table numbers arrays as a HashMap keyed by their content does, through its growth from 4,096 slots. */
    @Test
    void numbersEqualArraysAlikeAndDifferentOnesApart() {
        List<int[]> arrays = new ArrayList<>();
        ArrayIds ids = new ArrayIds(arrays::get);
        Map<List<Integer>, Integer> reference = new HashMap<>();
        Random rnd = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            int[] a = new int[rnd.nextInt(4)];
            for (int k = 0; k < a.length; k++) a[k] = rnd.nextInt(40);
            Arrays.sort(a);
            List<Integer> key = Arrays.stream(a).boxed().toList();
            int id = ids.get(a.clone());
            assertThat(id).as(key.toString()).isEqualTo(reference.getOrDefault(key, -1));
            if (id < 0) {
                assertThat(ids.putIfAbsent(a, arrays.size())).isEqualTo(arrays.size());
                arrays.add(a);
                reference.put(key, arrays.size() - 1);
            }
            assertThat(ids.putIfAbsent(a.clone(), arrays.size())).as("an array already numbered keeps its id").isEqualTo(reference.get(key));
        }
        assertThat(ids.size()).isEqualTo(reference.size()).isGreaterThan(2_048);
        ids.clear();
        assertThat(ids.get(arrays.get(0))).isEqualTo(-1);
    }
}
