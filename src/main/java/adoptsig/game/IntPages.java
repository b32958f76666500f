package adoptsig.game;

import java.util.Arrays;

/**
 * A growing array of ints kept in pages of 2^16 (256 KB, under half of the smallest region of G1, the default collector, so none is a humongous object): it grows a page at a time, so it never
 * holds a copy of itself while growing, as one array grown by copying does (half again its size
 * at the moment it grows, and more than a heap near full can give).
 */
final class IntPages {
    private static final int BITS = 16, SIZE = 1 << BITS, MASK = SIZE - 1;
    private int[][] pages = new int[16][];
    private long n;

    /** Appends x; its index. */
    long add(int x) {
        int p = (int) (n >>> BITS);
        if (p == pages.length) pages = Arrays.copyOf(pages, p * 2);
        if (pages[p] == null) pages[p] = new int[SIZE];
        pages[p][(int) (n & MASK)] = x;
        return n++;
    }

    int get(long i) { return pages[(int) (i >>> BITS)][(int) (i & MASK)]; }

    void set(long i, int x) { pages[(int) (i >>> BITS)][(int) (i & MASK)] = x; }

    long size() { return n; }

    /** Forgets every element (keeps the pages). */
    void clear() { n = 0; }

    /** Bytes its pages hold. */
    long bytes() {
        long b = 8L * pages.length;
        for (int[] p : pages) if (p != null) b += 4L * SIZE;
        return b;
    }
}
