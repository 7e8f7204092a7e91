package dev.triage.plugin.logs.infrastructure;

import java.nio.charset.StandardCharsets;

/**
 * A line's bytes seen as characters, one per byte (ISO-8859-1), without copying: exact for ASCII text, which is what
 * the stamp parser and the level scan read at the start of a line. Reused from line to line.
 */
final class AsciiView implements CharSequence {

    /** How many leading bytes of a line must be ASCII for the view to stand for the decoded line. */
    static final int CHECKED = 256;

    private byte[] buf;
    private int off;
    private int len;

    /** Points the view at {@code buf[off, off + len)}. */
    AsciiView set(byte[] b, int o, int n) {
        this.buf = b;
        this.off = o;
        this.len = n;
        return this;
    }

    /** Tells whether the first {@link #CHECKED} bytes (or all, when fewer) are ASCII. */
    boolean asciiHead() {
        int end = off + Math.min(len, CHECKED);
        for (int i = off; i < end; i++) {
            if (buf[i] < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int length() {
        return len;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= len) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) (buf[off + index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(buf, off + start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(buf, off, len, StandardCharsets.ISO_8859_1);
    }
}
