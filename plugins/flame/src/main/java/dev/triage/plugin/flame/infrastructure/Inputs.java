package dev.triage.plugin.flame.infrastructure;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens profile files, plain or gzip (told apart by the magic bytes), and reads their first bytes. */
public final class Inputs {

    private Inputs() {
    }

    /**
     * Opens a file, unzipping it when it starts with the gzip magic bytes.
     *
     * @param file the file
     * @return a buffered stream of the (unzipped) content
     * @throws IOException when it cannot be read
     */
    public static InputStream open(Path file) throws IOException {
        return unzip(Files.newInputStream(file));
    }

    /**
     * Wraps a stream, unzipping it when it starts with the gzip magic bytes.
     *
     * @param raw the stream
     * @return a buffered stream of the (unzipped) content
     * @throws IOException when it cannot be read
     */
    public static InputStream unzip(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    /**
     * Reads up to {@code max} bytes of the unzipped start of a file.
     *
     * @param file the file
     * @param max how many bytes at most
     * @return the bytes
     * @throws IOException when it cannot be read
     */
    public static byte[] head(Path file, int max) throws IOException {
        try (InputStream in = open(file)) {
            return in.readNBytes(max);
        }
    }

    /**
     * Unzips a head given as bytes when it is gzip, as far as the bytes go.
     *
     * @param head the first bytes of a file
     * @return the unzipped first bytes, or the head itself
     */
    public static byte[] unzipHead(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(head))) {
                byte[] buf = new byte[4096];
                for (int n; (n = in.read(buf)) > 0;) {
                    out.write(buf, 0, n);
                }
            } catch (IOException truncated) {
                // a head is a cut-off gzip stream: keep what was inflated
            }
            return out.toByteArray();
        }
        return head;
    }
}
