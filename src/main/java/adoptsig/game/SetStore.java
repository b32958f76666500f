package adoptsig.game;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sorted sets of state numbers (the belief game's beliefs), kept packed: the first number and
 * then each gap to the next as a varint (7 bits a byte), in pages of up to 64 MB, with 12 bytes of
 * position and size a set (the first pages smaller, from 64 KB, each twice the last, so that a
 * small game holds little). States found together are numbered together, so a belief's gaps are
 * mostly small: one to three bytes a state instead of an int's four and an array's header.
 */
final class SetStore {
    private final int pageSize;

    private final List<byte[]> pages = new ArrayList<>();
    private byte[] page = new byte[0];
    private int used;
    private long pageBytes;
    private long[] at = new long[1 << 12];          // page << 32 | offset
    private int[] sizes = new int[1 << 12];
    private int n;
    private byte[] tmp = new byte[1 << 12];

    SetStore() { this(1 << 26); }

    /** With pages of pageSize bytes (smaller ones for tests). */
    SetStore(int pageSize) { this.pageSize = pageSize; }

    /** Stores the sorted, duplicate-free set xs of non-negative numbers; its number (0, 1, 2, ... in the order stored). */
    int add(int[] xs) {
        if (xs.length > 0 && xs[0] < 0) throw new IllegalArgumentException("a negative member");
        if (tmp.length < 5 * xs.length) tmp = new byte[5 * xs.length];
        int len = 0, prev = -1;
        for (int x : xs) {
            int d = prev < 0 ? x : x - prev;
            if (prev >= 0 && d <= 0) throw new IllegalArgumentException("not sorted without duplicates");
            prev = x;
            while ((d & ~0x7F) != 0) { tmp[len++] = (byte) (d & 0x7F | 0x80); d >>>= 7; }
            tmp[len++] = (byte) d;
        }
        if (used + len > page.length) {
            page = new byte[Math.max(Math.min(pageSize, Math.max(1 << 16, 2 * page.length)), len)];
            pages.add(page);
            pageBytes += page.length;
            used = 0;
        }
        System.arraycopy(tmp, 0, page, used, len);
        if (n == at.length) { at = Arrays.copyOf(at, n * 2); sizes = Arrays.copyOf(sizes, n * 2); }
        at[n] = (long) (pages.size() - 1) << 32 | used;
        sizes[n] = xs.length;
        used += len;
        return n++;
    }

    /** Set i, decoded. */
    int[] get(int i) {
        int[] out = new int[sizes[i]];
        if (out.length == 0) return out;
        byte[] p = pages.get((int) (at[i] >>> 32));
        int pos = (int) at[i], prev = -1;
        for (int k = 0; k < out.length; k++) {
            int d = 0, shift = 0, b;
            do { b = p[pos++]; d |= (b & 0x7F) << shift; shift += 7; } while (b < 0);
            prev = prev < 0 ? d : prev + d;
            out[k] = prev;
        }
        return out;
    }

    /** The smallest member of set i, which is not empty. */
    int first(int i) {
        byte[] p = pages.get((int) (at[i] >>> 32));
        int pos = (int) at[i], d = 0, shift = 0, b;
        do { b = p[pos++]; d |= (b & 0x7F) << shift; shift += 7; } while (b < 0);
        return d;
    }

    int sizeOf(int i) { return sizes[i]; }

    int size() { return n; }

    /** Forgets every set, and lets its pages go. */
    void clear() {
        pages.clear();
        page = new byte[0];
        used = 0;
        pageBytes = 0;
        n = 0;
    }

    /** Bytes held: the pages in use, and 12 a set for its position and size. */
    long bytes() { return pageBytes + 12L * at.length; }
}
