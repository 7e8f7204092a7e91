package dev.triage.plugin.flame.infrastructure;

import dev.triage.plugin.flame.domain.FrameTable;
import dev.triage.plugin.flame.domain.Profile;
import dev.triage.plugin.flame.domain.ProfileFormat;
import dev.triage.plugin.flame.domain.StackTrie;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads folded stacks ({@code a;b;c 12}, FlameGraph and async-profiler collapsed output), UTF-8 or UTF-16 with a byte
 * order mark, LF or CRLF; lines without a trailing count are counted as skipped.
 */
public final class FoldedParser {

    private FoldedParser() {
    }

    /**
     * Parses folded text.
     *
     * @param in the unzipped stream
     * @param source the file name for messages
     * @return the profile
     * @throws IOException when the stream cannot be read
     */
    public static Profile parse(InputStream in, String source) throws IOException {
        java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in, 1 << 16);
        buffered.mark(4);
        int b1 = buffered.read();
        int b2 = buffered.read();
        int b3 = buffered.read();
        buffered.reset();
        Charset cs = StandardCharsets.UTF_8;
        if (b1 == 0xFF && b2 == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            buffered.skipNBytes(2);
        } else if (b1 == 0xFE && b2 == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            buffered.skipNBytes(2);
        } else {
            if (b1 == 0xEF && b2 == 0xBB && b3 == 0xBF) {
                buffered.skipNBytes(3);
            }
            return parseBytes(buffered, source);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(buffered, cs), 1 << 16);
        FrameTable frames = new FrameTable();
        StackTrie trie = new StackTrie(frames);
        int[] ids = new int[256];
        long skipped = 0;
        List<String> problems = new ArrayList<>();
        long lineNo = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            int end = line.length();
            while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
                end--;
            }
            if (end == 0) {
                continue;
            }
            int space = end - 1;
            while (space >= 0 && line.charAt(space) != ' ' && line.charAt(space) != '\t') {
                space--;
            }
            long count = space < 0 ? -1 : count(line, space + 1, end);
            if (count < 0) {
                skipped++;
                if (problems.size() < 100) {
                    problems.add(source + " line " + lineNo + ": expected 'frame;frame;... count', got: " + cut(line));
                }
                continue;
            }
            int stackEnd = space;
            while (stackEnd > 0 && (line.charAt(stackEnd - 1) == ' ' || line.charAt(stackEnd - 1) == '\t')) {
                stackEnd--;
            }
            int n = 0;
            int start = 0;
            for (int i = 0; i <= stackEnd; i++) {
                if (i == stackEnd || line.charAt(i) == ';') {
                    if (i > start) {
                        if (n == ids.length) {
                            ids = java.util.Arrays.copyOf(ids, n * 2);
                        }
                        ids[n++] = frames.intern(line.substring(start, i));
                    }
                    start = i + 1;
                }
            }
            trie.add(ids, n, count);
        }
        return new Profile(source, ProfileFormat.FOLDED, "samples", "count", trie, skipped, problems, List.of("samples"));
    }

    /**
     * Parses UTF-8 folded text without making a String per frame: names are hashed from the bytes and only new ones are
     * decoded, which matters for files of hundreds of megabytes.
     */
    private static Profile parseBytes(InputStream in, String source) throws IOException {
        FrameTable frames = new FrameTable();
        StackTrie trie = new StackTrie(frames);
        TrieFeeder feeder = new TrieFeeder(trie);
        int[] ids = new int[256];
        byte[] buf = new byte[1 << 22];
        try {
            return parseLines(in, source, frames, trie, feeder, ids, buf);
        } finally {
            feeder.close();
        }
    }

    private static Profile parseLines(InputStream in, String source, FrameTable frames, StackTrie trie,
            TrieFeeder feeder, int[] ids, byte[] buf) throws IOException {
        long skipped = 0;
        List<String> problems = new ArrayList<>();
        long lineNo = 0;
        int len = 0;
        boolean eof = false;
        int pos = 0;
        while (true) {
            int nl = -1;
            for (int i = pos; i < len; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            if (nl < 0) {
                if (eof) {
                    if (pos >= len) {
                        break;
                    }
                    nl = len;
                } else {
                    // move the partial line to the front, grow for very long lines, and read more
                    System.arraycopy(buf, pos, buf, 0, len - pos);
                    len -= pos;
                    pos = 0;
                    if (len == buf.length) {
                        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                    }
                    int n = in.read(buf, len, buf.length - len);
                    if (n < 0) {
                        eof = true;
                    } else {
                        len += n;
                    }
                    continue;
                }
            }
            lineNo++;
            int start = pos;
            int end = nl;
            pos = Math.min(len, nl + 1);
            while (end > start && (buf[end - 1] == '\r' || buf[end - 1] == ' ' || buf[end - 1] == '\t')) {
                end--;
            }
            if (end == start) {
                continue;
            }
            int space = end - 1;
            while (space >= start && buf[space] != ' ' && buf[space] != '\t') {
                space--;
            }
            long count = -1;
            if (space >= start && space + 1 < end) {
                count = 0;
                for (int i = space + 1; i < end; i++) {
                    int c = buf[i];
                    if (c == '.') {
                        for (int j = i + 1; j < end && count >= 0; j++) {
                            if (buf[j] < '0' || buf[j] > '9') {
                                count = -1;
                            }
                        }
                        break;
                    }
                    if (c < '0' || c > '9' || count > (Long.MAX_VALUE - 9) / 10) {
                        // not a number, or one too large for a long: the line is reported, not wrapped around
                        count = -1;
                        break;
                    }
                    count = count * 10 + (c - '0');
                }
            }
            if (count < 0) {
                skipped++;
                if (problems.size() < 100) {
                    problems.add(source + " line " + lineNo + ": expected 'frame;frame;... count', got: "
                            + cut(new String(buf, start, end - start, StandardCharsets.UTF_8)));
                }
                continue;
            }
            int stackEnd = space;
            while (stackEnd > start && (buf[stackEnd - 1] == ' ' || buf[stackEnd - 1] == '\t')) {
                stackEnd--;
            }
            int n = 0;
            int from = start;
            for (int i = start; i <= stackEnd; i++) {
                if (i == stackEnd || buf[i] == ';') {
                    if (i > from) {
                        if (n == ids.length) {
                            ids = java.util.Arrays.copyOf(ids, n * 2);
                        }
                        ids[n++] = frames.intern(buf, from, i);
                    }
                    from = i + 1;
                }
            }
            feeder.add(ids, n, count);
        }
        feeder.finish();
        return new Profile(source, ProfileFormat.FOLDED, "samples", "count", trie, skipped, problems, List.of("samples"));
    }

    /**
     * Hands parsed stacks (frame ids and counts) to a second thread that adds them to the trie, so that tokenising and
     * interning on the reading thread overlap with the trie's work: the two share no data but the batches passed
     * through a small queue, and stacks reach the trie in file order, so the result equals a one-thread parse.
     */
    private static final class TrieFeeder {
        private static final int BATCH_IDS = 1 << 16;
        private static final Batch END = new Batch();
        private final StackTrie trie;
        private final java.util.concurrent.ArrayBlockingQueue<Batch> full = new java.util.concurrent.ArrayBlockingQueue<>(4);
        private final java.util.concurrent.ArrayBlockingQueue<Batch> free = new java.util.concurrent.ArrayBlockingQueue<>(8);
        private final Thread worker;
        private volatile Throwable failure;
        private volatile boolean stop;
        private Batch current = new Batch();

        TrieFeeder(StackTrie trie) {
            this.trie = trie;
            for (int i = 0; i < 5; i++) {
                free.add(new Batch());
            }
            worker = new Thread(this::run, "flame-trie");
            worker.setDaemon(true);
            worker.start();
        }

        void add(int[] ids, int n, long count) throws IOException {
            if (current.idCount + n > current.ids.length || current.lines == current.counts.length) {
                flush();
            }
            if (n > current.ids.length) {
                current.ids = java.util.Arrays.copyOf(current.ids, n);
            }
            System.arraycopy(ids, 0, current.ids, current.idCount, n);
            current.idCount += n;
            current.lengths[current.lines] = n;
            current.counts[current.lines++] = count;
        }

        private void flush() throws IOException {
            if (current.lines > 0) {
                hand(current);
                current = take(free);
                current.lines = 0;
                current.idCount = 0;
            }
        }

        /** Waits for the trie thread to add every stack; rethrows what it failed with. */
        void finish() throws IOException {
            flush();
            hand(END);
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while building the trie");
            }
            rethrow();
        }

        /** Stops the trie thread when the parse ends early (a read error). */
        void close() {
            stop = true;
            worker.interrupt();
        }

        private void hand(Batch b) throws IOException {
            try {
                while (!full.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    rethrow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading");
            }
        }

        private Batch take(java.util.concurrent.ArrayBlockingQueue<Batch> q) throws IOException {
            try {
                Batch b;
                while ((b = q.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS)) == null) {
                    rethrow();
                }
                return b;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading");
            }
        }

        private void rethrow() throws IOException {
            Throwable t = failure;
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IOException("building the call tree failed: " + t, t);
            }
        }

        private void run() {
            try {
                int[] path = new int[256];
                while (!stop) {
                    Batch b = full.take();
                    if (b == END) {
                        return;
                    }
                    int at = 0;
                    for (int i = 0; i < b.lines; i++) {
                        int n = b.lengths[i];
                        if (n > path.length) {
                            path = new int[n];
                        }
                        System.arraycopy(b.ids, at, path, 0, n);
                        trie.add(path, n, b.counts[i]);
                        at += n;
                    }
                    free.put(b);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                failure = t;
            }
        }

        /** Stacks of consecutive lines: their frame ids end to end, each line's length and count. */
        private static final class Batch {
            private int[] ids = new int[BATCH_IDS];
            private final int[] lengths = new int[BATCH_IDS / 4];
            private final long[] counts = new long[BATCH_IDS / 4];
            private int idCount;
            private int lines;
        }
    }

    private static long count(String line, int from, int to) {
        if (from >= to) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c == '.') {
                // fractional counts (vtune, perf-sched): keep the integer part
                for (int j = i + 1; j < to; j++) {
                    if (!Character.isDigit(line.charAt(j))) {
                        return -1;
                    }
                }
                return v;
            }
            if (c < '0' || c > '9' || v > (Long.MAX_VALUE - 9) / 10) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static String cut(String line) {
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }
}
