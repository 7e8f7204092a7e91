package dev.triage.plugin.logs.infrastructure;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Byte scans over large buffers, eight bytes at a time (SWAR): the next occurrence of a byte, the number of
 * occurrences of a byte (newlines), and a literal needle found through its rarest byte. They let search and import
 * work on raw chunks of a file and decode only the lines they need.
 */
final class Bytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LOWS7 = 0x7F7F7F7F7F7F7F7FL;
    /** Letters of English text, most frequent first. */
    private static final String LETTERS = "etaoinsrhldcumfpgwybvkxjqz";

    private Bytes() {
    }

    /** Returns the index of the first {@code b} in {@code buf[from, to)}, or -1. */
    static int indexOf(byte[] buf, int from, int to, byte b) {
        long pattern = (b & 0xffL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(buf, i) ^ pattern;
            long t = (x - ONES) & ~x & HIGHS;
            if (t != 0) {
                // The lowest flagged byte is always a true match (borrows only run upwards).
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the index of the last {@code b} in {@code buf[from, to)}, or -1. */
    static int lastIndexOf(byte[] buf, int from, int to, byte b) {
        for (int i = to - 1; i >= from; i--) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Counts the bytes equal to {@code b} in {@code buf[from, to)}. */
    static int count(byte[] buf, int from, int to, byte b) {
        long pattern = (b & 0xffL) * ONES;
        int n = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(buf, i) ^ pattern;
            // Exact: the high bit of a byte is set when, and only when, the byte is zero.
            long t = ~(((x & LOWS7) + LOWS7) | x | LOWS7);
            n += Long.bitCount(t);
        }
        for (; i < to; i++) {
            if (buf[i] == b) {
                n++;
            }
        }
        return n;
    }

    /**
     * Decodes bytes: text in plain ASCII (most log lines, even in GBK files) is copied as ISO-8859-1, which gives the
     * same characters in every ASCII-compatible encoding and skips the slower multi-byte decoders.
     */
    static String decode(byte[] buf, int from, int len, java.nio.charset.Charset cs) {
        if (cs != java.nio.charset.StandardCharsets.UTF_8 && asciiCompatible(cs) && ascii(buf, from, from + len)) {
            return new String(buf, from, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return new String(buf, from, len, cs);
    }

    private static boolean asciiCompatible(java.nio.charset.Charset cs) {
        String n = cs.name();
        return n.startsWith("GB") || n.startsWith("ISO-8859") || n.startsWith("windows-125") || n.equals("US-ASCII");
    }

    /** Tells whether {@code buf[from, to)} holds only ASCII bytes. */
    static boolean ascii(byte[] buf, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            if (((long) LONGS.get(buf, i) & HIGHS) != 0) {
                return false;
            }
        }
        for (; i < to; i++) {
            if (buf[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Returns the index in the needle of its byte least likely in log text (searched for first). */
    static int rarest(byte[] needle) {
        int best = 0;
        int bestScore = Integer.MAX_VALUE;
        for (int i = 0; i < needle.length; i++) {
            int s = score(needle[i]);
            if (s < bestScore) {
                bestScore = s;
                best = i;
            }
        }
        return best;
    }

    private static int score(byte b) {
        int c = b & 0xff;
        if (c >= 'a' && c <= 'z') {
            return 40 + LETTERS.indexOf(c);
        }
        if (c >= 'A' && c <= 'Z') {
            return 30 + LETTERS.indexOf(Character.toLowerCase(c)) / 3;
        }
        if (c >= '0' && c <= '9' || c == ' ' || c == ':' || c == '-' || c == '.' || c == '/' || c == '[' || c == ']' || c == ',') {
            return 100;
        }
        return 0;
    }

    /**
     * Returns the start of the first occurrence of a needle in {@code buf[from, to)}, or -1.
     *
     * @param rare the index in the needle of the byte searched for first ({@link #rarest})
     */
    static int indexOf(byte[] buf, int from, int to, byte[] needle, int rare) {
        int n = needle.length;
        if (n == 0) {
            return from <= to ? from : -1;
        }
        byte r = needle[rare];
        int i = from + rare;
        int stop = to - (n - 1 - rare);
        while (i < stop) {
            int p = indexOf(buf, i, stop, r);
            if (p < 0) {
                return -1;
            }
            int s = p - rare;
            if (Arrays.equals(buf, s, s + n, needle, 0, n)) {
                return s;
            }
            i = p + 1;
        }
        return -1;
    }
}
