package adoptsig.engine;

import adoptsig.system.World;

import java.util.Arrays;

/**
 * Worlds numbered 0, 1, 2, ... in the order they were first added, kept compactly and exactly:
 * each as its packed encoding ({@link PackedWorlds}), found again through an open-addressing
 * table of numbers keyed by a hash of the encoding, whose candidates are compared byte for byte
 * (so two worlds are one state only when they are equal: no fingerprint stands in for a world).
 * A world costs its encoding (a few dozen bytes), its hash (8) and its position (8), and 4 to 8
 * bytes of table; the games' arena keeps its states this way instead of as a map of worlds
 * (several hundred bytes each). Not thread-safe.
 */
public final class WorldTable {
    private final WorldCodec codec = new WorldCodec();
    private final PackedWorlds worlds = new PackedWorlds(codec);
    private final WorldCodec.Bytes scratch = new WorldCodec.Bytes();
    private long[] hashes = new long[1024];
    private int[] slots = new int[1 << 12];   // a world's number + 1; 0: empty

    /** The number of w, adding it if it is new: then the result is -(its number) - 1. */
    public int add(World w) {
        scratch.clear();
        codec.encode(w, scratch);
        byte[] b = scratch.array();
        int len = scratch.size();
        long h = hash(b, len);
        int mask = slots.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        for (; slots[i] != 0; i = (i + 1) & mask) {
            int id = slots[i] - 1;
            if (hashes[id] == h && worlds.same(id, b, 0, len)) return id;
        }
        int id = worlds.size();
        worlds.add(b, 0, len);
        if (id == hashes.length) hashes = Arrays.copyOf(hashes, id * 2);
        hashes[id] = h;
        slots[i] = id + 1;
        if (2L * worlds.size() > slots.length) grow();
        return -id - 1;
    }

    /** The world numbered i. */
    public World get(int i) { return worlds.get(i); }

    public int size() { return worlds.size(); }

    /** Bytes held: encodings, positions, hashes and the table. */
    public long bytes() { return worlds.heldBytes() + 8L * hashes.length + 4L * slots.length; }

    private void grow() {
        if (slots.length == 1 << 30) throw new TableFull("the table of worlds holds at most " + (1 << 29) + " worlds");
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int s : slots) {
            if (s == 0) continue;
            long h = hashes[s - 1];
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (bigger[i] != 0) i = (i + 1) & mask;
            bigger[i] = s;
        }
        slots = bigger;
    }

    private static long hash(byte[] b, int len) {
        long h = 0x9E3779B97F4A7C15L ^ len;
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            long v = 0;
            for (int k = 7; k >= 0; k--) v = v << 8 | (b[i + k] & 0xFF);
            h = mix(h ^ v);
        }
        long v = 0;
        for (int k = len - 1; k >= i; k--) v = v << 8 | (b[k] & 0xFF);
        return mix(h ^ v);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
