package dev.triage.plugin.slowlog.infrastructure;

import java.io.BufferedInputStream;
import java.io.EOFException;
import dev.triage.core.io.CountingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a plain or gzip file (told apart by its magic bytes) line by line as byte-per-char text (ISO-8859-1), cutting
 * lines longer than a limit so that one huge line never fills the heap.
 */
final class LineSource implements AutoCloseable {

    /** The bytes that never appear in a text log: controls other than tab, newlines, form feed and escape. */
    private static final boolean[] CONTROL = new boolean[256];

    static {
        for (int b = 0; b < 0x20; b++) {
            CONTROL[b] = b < 0x09 || (b > 0x0d && b != 0x1b);
        }
    }

    private final InputStream in;
    private final CountingInputStream counter;
    private final int maxLine;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private byte[] line = new byte[256];
    private boolean lastHadNewline = true;
    private boolean cut;
    private boolean garbage;
    private int lastByte = -1;
    private int byteBeforeLast = -1;
    private long number;
    private String brokenInput;

    /**
     * A gzip file stops being read when it inflates to more than this many times its size and more than
     * {@link #MIN_INFLATED_LIMIT}: real slow logs compress 5 to 50 times, a gzip bomb a million times.
     */
    static final long MAX_RATIO = 1_000;
    static final long MIN_INFLATED_LIMIT = 1L << 30;

    private final boolean gzip;
    private final long ratio;
    private final long minInflatedLimit;
    private long inflated;

    private LineSource(InputStream raw, int maxLine) throws IOException {
        this(raw, maxLine, MAX_RATIO, MIN_INFLATED_LIMIT);
    }

    private LineSource(InputStream raw, int maxLine, long ratio, long minInflatedLimit) throws IOException {
        this.ratio = ratio;
        this.minInflatedLimit = minInflatedLimit;
        this.counter = new CountingInputStream(raw);
        BufferedInputStream peek = new BufferedInputStream(counter, 1 << 16);
        peek.mark(2);
        int b1 = peek.read();
        int b2 = peek.read();
        peek.reset();
        this.gzip = b1 == 0x1f && b2 == 0x8b;
        this.in = gzip ? new GZIPInputStream(peek, 1 << 16) : peek;
        this.maxLine = maxLine;
    }

    static LineSource open(Path file, int maxLine) throws IOException {
        return new LineSource(Files.newInputStream(file), maxLine);
    }

    static LineSource of(InputStream in, int maxLine) throws IOException {
        return new LineSource(in, maxLine);
    }

    /** Reads with a lower gzip-bomb guard, for tests that cannot inflate a gigabyte. */
    static LineSource of(InputStream in, int maxLine, long ratio, long minInflatedLimit) throws IOException {
        return new LineSource(in, maxLine, ratio, minInflatedLimit);
    }

    /**
     * Reads the next line without its {@code \n} or {@code \r\n} (a lone {@code \r} stays, as pt-query-digest keeps it).
     *
     * @return the line, or null at the end of the input
     */
    String next() throws IOException {
        int len = 0;
        cut = false;
        garbage = false;
        lastByte = -1;
        byteBeforeLast = -1;
        while (true) {
            if (pos == end) {
                end = fill();
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (len == 0 && !cut) {
                        return null;
                    }
                    lastHadNewline = false;
                    number++;
                    return new String(line, 0, len, StandardCharsets.ISO_8859_1);
                }
            }
            int start = pos;
            boolean control = false;
            while (pos < end) {
                byte b = buf[pos];
                if (b == '\n') {
                    break;
                }
                control |= CONTROL[b & 0xff];
                pos++;
            }
            garbage |= control;
            int n = pos - start;
            if (n > 0) {
                byteBeforeLast = n > 1 ? buf[pos - 2] & 0xff : lastByte;
                lastByte = buf[pos - 1] & 0xff;
            }
            if (pos < end && len == 0 && n <= maxLine) {
                // The usual line, whole in the buffer: made into a string straight from it.
                pos++;
                lastHadNewline = true;
                number++;
                int length = n;
                if (lastByte == '\r') {
                    if (length > 0) {
                        length--;
                    }
                    lastByte = byteBeforeLast;
                }
                return new String(buf, start, length, StandardCharsets.ISO_8859_1);
            }
            int room = maxLine - len;
            if (n > room) {
                cut = true;
                n = Math.max(0, room);
            }
            if (n > 0) {
                if (len + n > line.length) {
                    byte[] bigger = new byte[Math.min(maxLine, Math.max(line.length * 2, len + n))];
                    System.arraycopy(line, 0, bigger, 0, len);
                    line = bigger;
                }
                System.arraycopy(buf, start, line, len, n);
                len += n;
            }
            if (pos < end) {
                pos++;
                lastHadNewline = true;
                number++;
                if (lastByte == '\r') {
                    // CRLF: pt-query-digest would see no entry boundary at all and merge the whole log into one entry.
                    if (!cut && len > 0) {
                        len--;
                    }
                    lastByte = byteBeforeLast;
                }
                return new String(line, 0, len, StandardCharsets.ISO_8859_1);
            }
        }
    }

    /** Returns whether the last line returned was longer than the limit and was cut. */
    boolean wasCut() {
        return cut;
    }

    private int fill() throws IOException {
        if (brokenInput != null) {
            return -1;
        }
        try {
            int n = in.read(buf, 0, buf.length);
            if (gzip && n > 0) {
                inflated += n;
                if (inflated > Math.max(minInflatedLimit, ratio * counter.count())) {
                    brokenInput = "compressed data inflates to more than " + ratio + " times its size (a gzip bomb?); "
                            + "reading stopped after " + inflated + " bytes";
                    return -1;
                }
            }
            return n;
        } catch (EOFException | ZipException e) {
            // A gzip file cut short or damaged (an interrupted copy): keep what was read, say what was lost.
            brokenInput = "compressed data " + (e instanceof EOFException ? "ends early" : "is damaged (" + e.getMessage() + ")")
                    + "; the rest of the file is lost";
            return -1;
        }
    }

    /** Returns why the input ended before its end (a damaged or cut gzip stream), or null when it did not. */
    String brokenInput() {
        return brokenInput;
    }

    /** Returns whether the last line returned, before any cut, ended with {@code ;}. */
    boolean endedWithSemicolon() {
        return lastByte == ';';
    }

    /** Returns whether the last line returned holds control bytes that never appear in a text log. */
    boolean isGarbage() {
        return garbage;
    }

    /** Returns whether the last line returned ended with a newline (false only for a last line without one). */
    boolean lastHadNewline() {
        return lastHadNewline;
    }

    /** Returns the 1-based number of the last line returned. */
    long lineNumber() {
        return number;
    }

    /** Returns how many bytes of the file (compressed, for gzip) were read so far. */
    long bytesRead() {
        return counter.count();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
