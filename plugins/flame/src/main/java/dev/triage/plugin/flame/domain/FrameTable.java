package dev.triage.plugin.flame.domain;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns frame names: each distinct name is stored once, as UTF-8 bytes end to end in one array, and known by a small
 * integer id. The index is an open-addressing table of (hash, id) longs, so millions of frames cost no object each:
 * about the name's bytes plus 20 to 36 bytes, instead of a String of 60 bytes and more. Names become Strings when
 * asked for.
 */
public final class FrameTable {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long K = 0x9E3779B97F4A7C15L;

    private byte[] bytes = new byte[1 << 12];
    private int[] starts = new int[257];
    // slot = (hash << 32) | (id + 1), 0 when free: a probe compares hashes before it compares bytes
    private long[] table = new long[512];
    private int size;

    /** Creates a table whose frame 0 is the synthetic root, named {@code all}. */
    public FrameTable() {
        intern("all");
    }

    /**
     * Returns the id of a name, adding it when new.
     *
     * @param name the frame name
     * @return its id
     */
    public int intern(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        return intern(b, 0, b.length);
    }

    /**
     * Returns the id of a name given as UTF-8 bytes, adding it when new, without making a String. Bytes that are not
     * well-formed UTF-8 name the frame their decoding names (malformed sequences read as U+FFFD).
     *
     * @param b the bytes
     * @param from the first byte of the name
     * @param to one past its last byte
     * @return its id
     */
    public int intern(byte[] b, int from, int to) {
        int h = hash(b, from, to);
        int slot = slotOf(h, b, from, to);
        if (table[slot] != 0) {
            return (int) table[slot] - 1;
        }
        if (!wellFormed(b, from, to)) {
            byte[] canonical = new String(b, from, to - from, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            return intern(canonical, 0, canonical.length);
        }
        return add(h, slot, b, from, to);
    }

    /**
     * Adds a name, for parsers that keep their own index of names (same as {@link #intern(String)}).
     *
     * @param name the new frame name
     * @return its id
     */
    public int addNew(String name) {
        return intern(name);
    }

    private int slotOf(int h, byte[] b, int from, int to) {
        int mask = table.length - 1;
        int slot = h & mask;
        long e;
        while ((e = table[slot]) != 0) {
            if ((int) (e >>> 32) == h) {
                int id = (int) e - 1;
                if (Arrays.equals(bytes, starts[id], starts[id + 1], b, from, to)) {
                    return slot;
                }
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private int add(int h, int slot, byte[] b, int from, int to) {
        int len = to - from;
        int at = starts[size];
        if (at + len > bytes.length || at + len < 0) {
            long want = Math.max((long) at + len, (long) bytes.length + (bytes.length >> 1));
            if (want > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("more than 2 GB of distinct frame names");
            }
            bytes = Arrays.copyOf(bytes, (int) want);
        }
        if (size + 2 > starts.length) {
            starts = Arrays.copyOf(starts, starts.length + (starts.length >> 1));
        }
        System.arraycopy(b, from, bytes, at, len);
        starts[size + 1] = at + len;
        table[slot] = ((long) h << 32) | ((size + 1) & 0xffffffffL);
        int id = size++;
        if (size * 2 > table.length) {
            long[] bigger = new long[table.length * 2];
            int m = bigger.length - 1;
            for (long v : table) {
                if (v != 0) {
                    int s = (int) (v >>> 32) & m;
                    while (bigger[s] != 0) {
                        s = (s + 1) & m;
                    }
                    bigger[s] = v;
                }
            }
            table = bigger;
        }
        return id;
    }

    /** A hash of a byte range that reads eight bytes at a time. */
    static int hash(byte[] b, int from, int to) {
        long h = K ^ (to - from);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ (long) LONGS.get(b, i)) * K;
            h ^= h >>> 29;
        }
        long tail = 0;
        for (int shift = 0; i < to; i++, shift += 8) {
            tail |= (b[i] & 0xffL) << shift;
        }
        h = (h ^ tail) * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 31;
        return (int) (h ^ (h >>> 32));
    }

    /** Tells whether bytes are well-formed UTF-8 (what the decoder reads back to the same bytes). */
    static boolean wellFormed(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xff;
            int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
            if (len == 0 || i + len > to) {
                return false;
            }
            int cp = c & (0x7F >> len);
            for (int k = 1; k < len; k++) {
                int cc = b[i + k] & 0xff;
                if ((cc & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (len == 2 && cp < 0x80 || len == 3 && (cp < 0x800 || cp >= 0xD800 && cp <= 0xDFFF)
                    || len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) {
                return false;
            }
            i += len;
        }
        return true;
    }

    /**
     * Returns the name of an id (a new String each time: keep it when it is needed often).
     *
     * @param id the frame id
     * @return the name
     */
    public String name(int id) {
        return new String(bytes, starts[id], starts[id + 1] - starts[id], StandardCharsets.UTF_8);
    }

    /**
     * Compares two frames' names in code point order (their UTF-8 bytes, unsigned), without making Strings.
     *
     * @param a one frame id
     * @param b the other
     * @return negative, zero or positive as a's name sorts before, with or after b's
     */
    public int compare(int a, int b) {
        return Arrays.compareUnsigned(bytes, starts[a], starts[a + 1], bytes, starts[b], starts[b + 1]);
    }

    /**
     * Returns the id of a name already interned, or -1.
     *
     * @param name the name
     * @return the id or -1
     */
    public int find(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        long e = table[slotOf(hash(b, 0, b.length), b, 0, b.length)];
        return e == 0 ? -1 : (int) e - 1;
    }

    /**
     * Returns how many distinct names there are, the root included.
     *
     * @return the count
     */
    public int size() {
        return size;
    }
}
