package adoptsig.engine;

import java.util.Arrays;

/** An open-addressing map from longs (fingerprints) to ints (state numbers), without boxing. */
public final class LongIntMap {
    private long[] keys = new long[1 << 16];
    private int[] values = new int[1 << 16];
    private boolean[] used = new boolean[1 << 16];
    private int size;

    /** The value of key k, or -1. */
    public int get(long k) {
        int mask = keys.length - 1;
        for (int i = slot(k, mask); used[i]; i = (i + 1) & mask) if (keys[i] == k) return values[i];
        return -1;
    }

    /** Puts k -> v unless k is there; returns the value k has after the call. */
    public int putIfAbsent(long k, int v) {
        if ((size + 1) * 2 > keys.length) grow();
        int mask = keys.length - 1;
        int i = slot(k, mask);
        for (; used[i]; i = (i + 1) & mask) if (keys[i] == k) return values[i];
        used[i] = true;
        keys[i] = k;
        values[i] = v;
        size++;
        return v;
    }

    public int size() { return size; }

    /** Bytes its arrays hold: 13 a slot. */
    public long bytes() { return 13L * keys.length; }

    private static int slot(long k, int mask) { return (int) (k ^ (k >>> 32)) * 0x9E3779B9 & mask; }

    private void grow() {
        long[] ok = keys;
        int[] ov = values;
        boolean[] ou = used;
        keys = new long[ok.length * 2];
        values = new int[ok.length * 2];
        used = new boolean[ok.length * 2];
        size = 0;
        for (int i = 0; i < ok.length; i++) if (ou[i]) putIfAbsent(ok[i], ov[i]);
    }

    @Override public String toString() { return "LongIntMap(" + size + ")"; }

    static int[] grown(int[] a, int need) { return need <= a.length ? a : Arrays.copyOf(a, Math.max(need, a.length * 2)); }
}
