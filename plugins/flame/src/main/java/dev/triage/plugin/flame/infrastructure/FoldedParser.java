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
        } else if (b1 == 0xEF && b2 == 0xBB && b3 == 0xBF) {
            buffered.skipNBytes(3);
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
