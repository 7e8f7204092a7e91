package dev.triage.plugin.logs.infrastructure;

import dev.triage.core.io.CountingInputStream;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The decompressed bytes of a plain or gzip log (told apart by its magic bytes) from a given offset, read in large
 * chunks, with the same gzip-bomb guard and damaged-input handling as {@link LineReader}.
 */
final class ByteSource implements AutoCloseable {

    private final FileChannel channel;
    private final CountingInputStream raw;
    private final InputStream in;
    private final boolean gzip;
    private final long limit;
    private long read;
    private String broken;

    private ByteSource(Path file, long gzipLimit, long startOffset) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        long size = channel.size();
        java.nio.ByteBuffer magic = java.nio.ByteBuffer.allocate(2);
        while (magic.hasRemaining() && channel.read(magic, magic.position()) > 0) {
            // Reads the two magic bytes (a one-byte file has none).
        }
        gzip = magic.position() == 2 && (magic.get(0) & 0xff) == 0x1f && (magic.get(1) & 0xff) == 0x8b;
        limit = gzipLimit > 0 ? gzipLimit : Math.max(LineReader.GZIP_FLOOR, size * LineReader.GZIP_RATIO);
        raw = new CountingInputStream(Channels.newInputStream(channel));
        if (gzip) {
            in = new GZIPInputStream(new BufferedInputStream(raw, 1 << 16), 1 << 16);
            if (startOffset > 0) {
                in.skipNBytes(startOffset);
            }
        } else {
            channel.position(startOffset);
            in = raw;
        }
        read = startOffset;
    }

    /**
     * Opens a file at an offset of its decompressed text.
     *
     * @param gzipLimit the most bytes a gzip file may inflate to, or 0 for the default (ratio and floor)
     */
    static ByteSource open(Path file, long gzipLimit, long startOffset) throws IOException {
        return new ByteSource(file, gzipLimit, startOffset);
    }

    /**
     * Reads until {@code len} bytes are read or the input ends.
     *
     * @return the number of bytes read, or -1 at the end (or where damaged input or the bomb guard stopped it)
     */
    int read(byte[] b, int off, int len) throws IOException {
        if (broken != null) {
            return -1;
        }
        if (gzip) {
            // The bomb guard stops just past the limit.
            len = (int) Math.max(1, Math.min(len, limit - read + 1));
        }
        int k = 0;
        try {
            while (k < len) {
                int n = in.read(b, off + k, len - k);
                if (n < 0) {
                    break;
                }
                k += n;
            }
        } catch (EOFException | ZipException e) {
            broken = "compressed data " + (e instanceof EOFException ? "ends early" : "is damaged (" + e.getMessage() + ")")
                    + "; the rest of the file is lost";
        }
        if (gzip && k > 0 && read + k > limit) {
            broken = "inflates beyond " + limit + " bytes (a gzip bomb?); the rest was not read";
        }
        read += k;
        return k == 0 && len > 0 ? -1 : k;
    }

    /** Returns why the input stopped before its end (damaged gzip, bomb guard), or null. */
    String brokenInput() {
        return broken;
    }

    /** Returns whether the file is gzip. */
    boolean gzip() {
        return gzip;
    }

    /** Returns the bytes of the file itself (compressed for gzip) read so far. */
    long fileBytesRead() {
        return gzip ? raw.count() : read;
    }

    @Override
    public void close() throws IOException {
        in.close();
        channel.close();
    }
}
