package dev.triage.plugin.logs.infrastructure;

import dev.triage.plugin.logs.domain.EncodingDetector;
import java.io.BufferedInputStream;
import java.io.EOFException;
import dev.triage.core.io.CountingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a plain or gzip log (told apart by its magic bytes) line by line in its encoding, with the byte offset of every
 * line in the decompressed text, cutting lines over {@link #MAX_LINE} bytes and refusing to inflate a gzip file beyond a
 * limit (a gzip bomb). Lines end at {@code \n}; a {@code \r} before it is dropped.
 */
final class LineReader implements AutoCloseable {

    /** The longest line kept whole, in bytes; longer lines are cut and flagged. */
    static final int MAX_LINE = 1 << 20;
    /** The default limit on inflated bytes per compressed byte. */
    static final long GZIP_RATIO = 200;
    /** Inflated bytes always allowed, whatever the ratio. */
    static final long GZIP_FLOOR = 64L << 20;

    private final CountingInputStream raw;
    private final InputStream in;
    private final Reader reader;
    private final Charset charset;
    private final boolean gzip;
    private final long gzipLimit;
    private final byte[] buf = new byte[1 << 16];
    private final char[] cbuf;
    private int pos;
    private int end;
    private byte[] line = new byte[512];
    private char[] cline;
    private long offset;
    private long nextOffset;
    private long number;
    private boolean cut;
    private String brokenInput;
    private final int unitBytes;

    private LineReader(Path file, String encoding, long gzipLimit, long startOffset, long startLine) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        long size = ch.size();
        this.raw = new CountingInputStream(Channels.newInputStream(ch));
        BufferedInputStream peek = new BufferedInputStream(raw, 1 << 16);
        peek.mark(2);
        int b1 = peek.read();
        int b2 = peek.read();
        peek.reset();
        this.gzip = b1 == 0x1f && b2 == 0x8b;
        this.gzipLimit = gzipLimit > 0 ? gzipLimit : Math.max(GZIP_FLOOR, size * GZIP_RATIO);
        InputStream body;
        if (gzip) {
            body = new GZIPInputStream(peek, 1 << 16);
            if (startOffset > 0) {
                body.skipNBytes(startOffset);
            }
        } else {
            if (startOffset > 0) {
                ch.position(startOffset);
                body = new BufferedInputStream(Channels.newInputStream(ch), 1 << 16);
            } else {
                body = peek;
            }
        }
        this.in = body;
        this.charset = EncodingDetector.charset(encoding);
        this.unitBytes = charset.name().startsWith("UTF-16") ? 2 : 1;
        if (unitBytes == 2) {
            this.reader = new InputStreamReader(body, charset);
            this.cbuf = new char[1 << 15];
            this.cline = new char[512];
        } else {
            this.reader = null;
            this.cbuf = null;
        }
        this.offset = startOffset;
        this.nextOffset = startOffset;
        this.number = startLine;
    }

    /**
     * Opens a file at its start.
     *
     * @param file the file
     * @param encoding its encoding
     * @param gzipLimit the most bytes a gzip file may inflate to, or 0 for the default (ratio and floor)
     */
    static LineReader open(Path file, String encoding, long gzipLimit) throws IOException {
        return new LineReader(file, encoding, gzipLimit, 0, 0);
    }

    /**
     * Opens a file at a known line start (from the sparse index).
     *
     * @param offset the byte offset of the line in the decompressed text
     * @param lineBefore the number of lines before it
     */
    static LineReader openAt(Path file, String encoding, long gzipLimit, long offset, long lineBefore) throws IOException {
        return new LineReader(file, encoding, gzipLimit, offset, lineBefore);
    }

    /** Reads up to n bytes of the decompressed start of a file. */
    static byte[] head(Path file, int n) throws IOException {
        try (InputStream f = Files.newInputStream(file)) {
            BufferedInputStream peek = new BufferedInputStream(f);
            peek.mark(2);
            int b1 = peek.read();
            int b2 = peek.read();
            peek.reset();
            InputStream s = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(peek) : peek;
            byte[] out = new byte[n];
            int k = 0;
            try {
                for (int r; k < n && (r = s.read(out, k, n - k)) > 0; ) {
                    k += r;
                }
            } catch (EOFException e) {
                // A short gzip head: keep what inflated.
            }
            return java.util.Arrays.copyOf(out, k);
        }
    }

    /**
     * Reads the next line.
     *
     * @return the line without its end, or null at the end of the input
     */
    String next() throws IOException {
        return unitBytes == 2 ? nextChars() : nextBytes();
    }

    private String nextBytes() throws IOException {
        int len = readRaw();
        return len < 0 ? null : decode(len);
    }

    /**
     * Reads the next line's bytes without decoding them (ASCII-compatible encodings only; not for UTF-16).
     *
     * @return the length of the line in {@link #rawLine()}, or -1 at the end of the input
     */
    int nextRaw() throws IOException {
        return readRaw();
    }

    /** The buffer holding the bytes of the line read by {@link #nextRaw()}. */
    byte[] rawLine() {
        return line;
    }

    /** Decodes the line read by {@link #nextRaw()}. */
    String decodeRaw(int len) {
        return decode(len);
    }

    /** Whether lines can be read raw (the encoding keeps ASCII bytes as they are). */
    boolean rawCapable() {
        return unitBytes == 1;
    }

    private int readRaw() throws IOException {
        int len = 0;
        cut = false;
        offset = nextOffset;
        while (true) {
            if (pos == end) {
                end = fill();
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (len == 0 && !cut) {
                        return -1;
                    }
                    number++;
                    return len;
                }
            }
            int start = pos;
            while (pos < end && buf[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            nextOffset += n;
            int room = MAX_LINE - len;
            if (n > room) {
                cut = true;
                n = room;
            }
            if (n > 0) {
                if (len + n > line.length) {
                    byte[] bigger = new byte[Math.min(MAX_LINE, Math.max(line.length * 2, len + n))];
                    System.arraycopy(line, 0, bigger, 0, len);
                    line = bigger;
                }
                System.arraycopy(buf, start, line, len, n);
                len += n;
            }
            if (pos < end) {
                pos++;
                nextOffset++;
                number++;
                return len;
            }
        }
    }

    private String decode(int len) {
        if (len > 0 && line[len - 1] == '\r' && !cut) {
            len--;
        }
        return new String(line, 0, len, charset);
    }

    private String nextChars() throws IOException {
        int len = 0;
        cut = false;
        offset = nextOffset;
        while (true) {
            if (pos == end) {
                end = fillChars();
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (len == 0 && !cut) {
                        return null;
                    }
                    number++;
                    return chars(len);
                }
            }
            int start = pos;
            while (pos < end && cbuf[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            nextOffset += 2L * n;
            int room = MAX_LINE / 2 - len;
            if (n > room) {
                cut = true;
                n = room;
            }
            if (n > 0) {
                if (len + n > cline.length) {
                    char[] bigger = new char[Math.min(MAX_LINE / 2, Math.max(cline.length * 2, len + n))];
                    System.arraycopy(cline, 0, bigger, 0, len);
                    cline = bigger;
                }
                System.arraycopy(cbuf, start, cline, len, n);
                len += n;
            }
            if (pos < end) {
                pos++;
                nextOffset += 2;
                number++;
                return chars(len);
            }
        }
    }

    private String chars(int len) {
        int from = 0;
        if (number == 1 && len > 0 && cline[0] == '\uFEFF') {
            from = 1;
        }
        if (len > from && cline[len - 1] == '\r' && !cut) {
            len--;
        }
        return new String(cline, from, len - from);
    }

    private int fill() throws IOException {
        if (brokenInput != null) {
            return -1;
        }
        try {
            int n = in.read(buf, 0, buf.length);
            checkBomb(n);
            return n;
        } catch (EOFException | ZipException e) {
            brokenInput = brokenMessage(e);
            return -1;
        }
    }

    private int fillChars() throws IOException {
        if (brokenInput != null) {
            return -1;
        }
        try {
            int n = reader.read(cbuf, 0, cbuf.length);
            checkBomb(n * 2);
            return n;
        } catch (EOFException | ZipException e) {
            brokenInput = brokenMessage(e);
            return -1;
        }
    }

    private void checkBomb(int n) {
        if (gzip && n > 0 && nextOffset + n > gzipLimit) {
            brokenInput = "inflates beyond " + gzipLimit + " bytes (a gzip bomb?); the rest was not read";
        }
    }

    private static String brokenMessage(IOException e) {
        return "compressed data " + (e instanceof EOFException ? "ends early" : "is damaged (" + e.getMessage() + ")")
                + "; the rest of the file is lost";
    }

    /** Returns why the input stopped before its end (damaged gzip, bomb guard), or null. */
    String brokenInput() {
        return brokenInput;
    }

    /** Returns whether the last line was longer than {@link #MAX_LINE} and cut. */
    boolean wasCut() {
        return cut;
    }

    /** Returns the byte offset, in the decompressed text, where the last line starts. */
    long offset() {
        return offset;
    }

    /** Returns the offset just after the last line read. */
    long endOffset() {
        return nextOffset;
    }

    /** Returns the 1-based number of the last line read. */
    long lineNumber() {
        return number;
    }

    /** Returns the bytes of the file itself (compressed for gzip) read so far. */
    long fileBytesRead() {
        return raw.count();
    }

    /** Returns whether the file is gzip. */
    boolean gzip() {
        return gzip;
    }

    @Override
    public void close() throws IOException {
        in.close();
        raw.close();
    }
}
