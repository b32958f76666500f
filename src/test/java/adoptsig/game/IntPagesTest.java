package adoptsig.game;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntPagesTest {
    /** Values come back across page boundaries (2^16 ints a page), after a set, and after clear the pages are reused. */
    @Test
    void valuesComeBackAcrossPages() {
        IntPages xs = new IntPages();
        int n = 3 * (1 << 16) + 17;
        for (int i = 0; i < n; i++) assertThat(xs.add(i * 7 - 5)).isEqualTo(i);
        assertThat(xs.size()).isEqualTo(n);
        xs.set(1 << 16, 42);
        for (int i = 0; i < n; i++) assertThat(xs.get(i)).as("index %d", i).isEqualTo(i == 1 << 16 ? 42 : i * 7 - 5);
        assertThat(xs.bytes()).isEqualTo(8L * 16 + 4L * 4 * (1 << 16));
        long held = xs.bytes();
        xs.clear();
        assertThat(xs.size()).isZero();
        assertThat(xs.add(9)).isZero();
        assertThat(xs.get(0)).isEqualTo(9);
        assertThat(xs.bytes()).as("the pages are kept").isEqualTo(held);
    }
}
