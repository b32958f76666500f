package adoptsig.engine;

/**
 * An open-addressing map from 64-bit fingerprints to 64-bit fingerprints (a state's parent in
 * the safety check): 16 bytes a slot, at most half full while it has fewer than 2^26 slots
 * (32 to 64 bytes a state), at most three quarters full beyond (21 to 64 bytes a state in the
 * table of 2^26 slots, which it enters a quarter full, 21 to 43 in the larger ones: the
 * longer probes cost little next to computing a state's successors, and a table of hundreds of
 * millions of states fits in a few gigabytes). Key 0 is kept aside.
 */
final class LongLongMap {
    private long[] keys = new long[1 << 16];
    private long[] values = new long[1 << 16];
    private boolean hasZero;
    private long zeroValue;
    private int size;

    /** Puts k -> v unless k is there; true when it was added. */
    boolean putIfAbsent(long k, long v) {
        if (k == 0) {
            if (hasZero) return false;
            hasZero = true; zeroValue = v; size++;
            return true;
        }
        if (full()) grow();
        int mask = keys.length - 1;
        for (int i = slot(k, mask); ; i = (i + 1) & mask) {
            if (keys[i] == k) return false;
            if (keys[i] == 0) { keys[i] = k; values[i] = v; size++; return true; }
        }
    }

    boolean contains(long k) {
        if (k == 0) return hasZero;
        int mask = keys.length - 1;
        for (int i = slot(k, mask); keys[i] != 0; i = (i + 1) & mask) if (keys[i] == k) return true;
        return false;
    }

    /** The value of k (k must be there). */
    long get(long k) {
        if (k == 0) return zeroValue;
        int mask = keys.length - 1;
        for (int i = slot(k, mask); keys[i] != 0; i = (i + 1) & mask) if (keys[i] == k) return values[i];
        throw new IllegalArgumentException("no fingerprint " + k);
    }

    int size() { return size; }

    private static final int LARGE = 1 << 26;

    private boolean full() {
        long n = size + 1L;
        return keys.length < LARGE ? n * 2 > keys.length : n * 4 > 3L * keys.length;
    }

    /** Bytes held by the table (for the benchmark's memory per state). */
    long bytes() { return 16L * keys.length; }

    private static int slot(long k, int mask) { return (int) ((k ^ (k >>> 32)) * 0x9E3779B97F4A7C15L >>> 32) & mask; }

    private void grow() {
        if (keys.length == 1 << 30) throw new TableFull("the fingerprint table holds at most " + (3L << 28) + " states");
        long[] ok = keys, ov = values;
        keys = new long[ok.length * 2];
        values = new long[ok.length * 2];
        size = hasZero ? 1 : 0;
        for (int i = 0; i < ok.length; i++) if (ok[i] != 0) putIfAbsent(ok[i], ov[i]);
    }
}
