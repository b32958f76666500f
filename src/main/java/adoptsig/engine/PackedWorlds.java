package adoptsig.engine;

import adoptsig.system.World;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A list of worlds kept as their packed encodings ({@link WorldCodec}) in large byte blocks,
 * with 8 bytes of position each: the explorer's frontier, and the games' table of states ({@link
 * WorldTable}). A world costs its encoding (a few dozen bytes, after its length) instead of the
 * several hundred of its objects; it is decoded when it is used.
 * Appending is not thread-safe; reading is, once the appending is over.
 */
public final class PackedWorlds {
    private static final int BLOCK = 1 << 22;

    private final WorldCodec codec;
    private final List<byte[]> blocks = new ArrayList<>();
    private long[] at = new long[1024];   // block number << 32 | offset
    private int size;
    private byte[] current;
    private int used;
    private final WorldCodec.Bytes scratch = new WorldCodec.Bytes();

    public PackedWorlds(WorldCodec codec) { this.codec = codec; }

    /** Appends the encoding held in {@code from[off, off + len)}. */
    public void add(byte[] from, int off, int len) {
        int need = len + 5;
        if (current == null || used + need > current.length) {
            current = new byte[Math.max(BLOCK, need)];
            blocks.add(current);
            used = 0;
        }
        if (size == at.length) at = Arrays.copyOf(at, size * 2);
        at[size++] = (long) (blocks.size() - 1) << 32 | used;
        for (int v = len; ; v >>>= 7) {            // the length, in 7-bit groups
            if ((v & ~0x7F) == 0) { current[used++] = (byte) v; break; }
            current[used++] = (byte) ((v & 0x7F) | 0x80);
        }
        System.arraycopy(from, off, current, used, len);
        used += len;
    }

    /** Appends w, encoded. */
    public void add(World w) {
        scratch.clear();
        codec.encode(w, scratch);
        add(scratch.array(), 0, scratch.size());
    }

    public int size() { return size; }

    public boolean isEmpty() { return size == 0; }

    /** The i-th world, decoded. */
    public World get(int i) {
        long p = at[i];
        byte[] b = blocks.get((int) (p >>> 32));
        int o = (int) p;
        while (b[o] < 0) o++;
        return codec.decode(b, o + 1);
    }

    /** The i-th encoding is {@code from[off, off + len)}, byte for byte. */
    public boolean same(int i, byte[] from, int off, int len) {
        long p = at[i];
        byte[] b = blocks.get((int) (p >>> 32));
        int o = (int) p, n = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = b[o++];
            n |= (x & 0x7F) << shift;
            if (x >= 0) break;
        }
        return n == len && Arrays.equals(b, o, o + n, from, off, off + len);
    }

    /** Bytes held in all: the blocks and the positions. */
    public long heldBytes() {
        long b = 8L * at.length;
        for (byte[] x : blocks) b += x.length;
        return b;
    }
}
