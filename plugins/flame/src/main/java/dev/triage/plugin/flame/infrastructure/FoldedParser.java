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
        ByteInterner interner = new ByteInterner(frames);
        int[] ids = new int[256];
        long skipped = 0;
        List<String> problems = new ArrayList<>();
        long lineNo = 0;
        byte[] buf = new byte[1 << 22];
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
                    if (c < '0' || c > '9') {
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
                        ids[n++] = interner.intern(buf, from, i);
                    }
                    from = i + 1;
                }
            }
            trie.add(ids, n, count);
        }
        return new Profile(source, ProfileFormat.FOLDED, "samples", "count", trie, skipped, problems, List.of("samples"));
    }

    /**
     * Interns frame names straight from bytes: an open-addressing table of frame ids keyed by a hash of the bytes; a
     * candidate is confirmed against the stored name, so no copy of the bytes is kept.
     */
    private static final class ByteInterner {
        private final FrameTable frames;
        private int[] table = new int[1 << 16];
        private int[] hashes = new int[1 << 12];
        private int size;

        ByteInterner(FrameTable frames) {
            this.frames = frames;
            java.util.Arrays.fill(table, -1);
        }

        int intern(byte[] b, int from, int to) {
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            h ^= h >>> 16;
            int mask = table.length - 1;
            int slot = h & mask;
            int id;
            while ((id = table[slot]) != -1) {
                if (hashes[id] == h && same(frames.name(id), b, from, to)) {
                    return id;
                }
                slot = (slot + 1) & mask;
            }
            id = frames.addNew(new String(b, from, to - from, StandardCharsets.UTF_8));
            if (id >= hashes.length) {
                hashes = java.util.Arrays.copyOf(hashes, Math.max(id + 1, hashes.length + (hashes.length >> 1)));
            }
            hashes[id] = h;
            table[slot] = id;
            if (++size * 2 > table.length) {
                int[] bigger = new int[table.length * 2];
                java.util.Arrays.fill(bigger, -1);
                int m = bigger.length - 1;
                for (int k = 0; k < table.length; k++) {
                    int v = table[k];
                    if (v != -1) {
                        int s = hashes[v] & m;
                        while (bigger[s] != -1) {
                            s = (s + 1) & m;
                        }
                        bigger[s] = v;
                    }
                }
                table = bigger;
            }
            return id;
        }

        private static boolean same(String name, byte[] b, int from, int to) {
            int n = to - from;
            if (name.length() == n) {
                boolean ascii = true;
                for (int i = 0; i < n; i++) {
                    int c = b[from + i];
                    if (c < 0) {
                        ascii = false;
                        break;
                    }
                    if (name.charAt(i) != c) {
                        return false;
                    }
                }
                if (ascii) {
                    return true;
                }
            }
            return name.equals(new String(b, from, n, StandardCharsets.UTF_8));
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
            if (c < '0' || c > '9') {
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
