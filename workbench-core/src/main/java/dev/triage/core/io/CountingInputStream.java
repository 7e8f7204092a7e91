package dev.triage.core.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that counts the bytes read (and skipped) through it, for progress and gzip-bomb guards. */
public final class CountingInputStream extends FilterInputStream {

    private long count;

    /**
     * Wraps a stream.
     *
     * @param in the stream to count
     */
    public CountingInputStream(InputStream in) {
        super(in);
    }

    /**
     * Returns how many bytes were read or skipped so far.
     *
     * @return the byte count
     */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        count += s;
        return s;
    }
}
