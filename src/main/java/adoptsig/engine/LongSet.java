package adoptsig.engine;

/** An open-addressing set of longs (fingerprints) without boxing: the explorer's visited set. */
final class LongSet {
    private long[] keys = new long[1 << 16];
    private boolean hasZero;
    private int size;

    /** Adds v; true if it was not there. */
    boolean add(long v) {
        if (v == 0) { if (hasZero) return false; hasZero = true; size++; return true; }
        if ((size + 1) * 2 > keys.length) grow();
        int mask = keys.length - 1;
        for (int i = (int) (v ^ (v >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == v) return false;
            if (keys[i] == 0) { keys[i] = v; size++; return true; }
        }
    }

    int size() { return size; }

    private void grow() {
        long[] old = keys;
        keys = new long[old.length * 2];
        int mask = keys.length - 1;
        for (long v : old) {
            if (v == 0) continue;
            int i = (int) (v ^ (v >>> 32)) & mask;
            while (keys[i] != 0) i = (i + 1) & mask;
            keys[i] = v;
        }
    }
}
