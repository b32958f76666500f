package adoptsig.game;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Numbers int arrays (the game's beliefs and owed-thread sets) by their content, without boxing:
 * an open-addressing table of ids, at most half full, each candidate compared element by element
 * with the array the id stands for (its owner gives it, decoded from the owner's packed form if need be). 8 bytes a slot, against about
 * 80 for a HashMap entry with its key and boxed value.
 */
final class ArrayIds {
    private final IntFunction<int[]> arrayOf;
    private int[] ids = new int[1 << 12];      // id + 1; 0: empty
    private int[] hashes = new int[1 << 12];
    private int size;

    /** arrayOf: the array an id stands for. */
    ArrayIds(IntFunction<int[]> arrayOf) { this.arrayOf = arrayOf; }

    /** The id of an array equal to a, or -1. */
    int get(int[] a) {
        int h = hash(a), mask = ids.length - 1;
        for (int i = h & mask; ids[i] != 0; i = (i + 1) & mask) {
            if (hashes[i] == h && Arrays.equals(arrayOf.apply(ids[i] - 1), a)) return ids[i] - 1;
        }
        return -1;
    }

    /** The id of an array equal to a if there is one; else records that id stands for a and returns id. */
    int putIfAbsent(int[] a, int id) {
        if ((size + 1L) * 2 > ids.length) grow();
        int h = hash(a), mask = ids.length - 1, i = h & mask;
        for (; ids[i] != 0; i = (i + 1) & mask) {
            if (hashes[i] == h && Arrays.equals(arrayOf.apply(ids[i] - 1), a)) return ids[i] - 1;
        }
        ids[i] = id + 1;
        hashes[i] = h;
        size++;
        return id;
    }

    int size() { return size; }

    /** Bytes its arrays hold: 8 a slot. */
    long bytes() { return 8L * ids.length; }

    void clear() {
        Arrays.fill(ids, 0);
        size = 0;
    }

    private void reinsert(int h, int id) {
        int mask = ids.length - 1;
        int i = h & mask;
        while (ids[i] != 0) i = (i + 1) & mask;
        ids[i] = id + 1;
        hashes[i] = h;
    }

    private static int hash(int[] a) {
        int h = Arrays.hashCode(a) * 0x9E3779B9;
        return h ^ (h >>> 15);
    }

    private void grow() {
        if (ids.length == 1 << 30) throw new BeliefGame.TooLarge("distinct sets in one table", 1 << 29);
        int[] oi = ids, oh = hashes;
        ids = new int[oi.length * 2];
        hashes = new int[oi.length * 2];
        for (int i = 0; i < oi.length; i++) if (oi[i] != 0) reinsert(oh[i], oi[i] - 1);
    }
}
