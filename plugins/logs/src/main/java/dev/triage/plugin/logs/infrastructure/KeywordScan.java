package dev.triage.plugin.logs.infrastructure;

import dev.triage.core.task.TaskContext;
import dev.triage.plugin.logs.application.Hit;
import dev.triage.plugin.logs.domain.EncodingDetector;
import dev.triage.plugin.logs.domain.LineClassifier;
import dev.triage.plugin.logs.domain.LineMatcher;
import dev.triage.plugin.logs.domain.LogLevel;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The fast path of a keyword search in one file (ASCII-compatible encoding, no time window, no context): reads the
 * decompressed text in large chunks, looks for the required term's bytes in the whole chunk (not line by line), counts
 * newlines only up to each occurrence, and decodes and tests only the lines that hold it. Hits are those of
 * {@link LineMatcher#matches} on the decoded line, so they equal the line-by-line scan's (lines over
 * {@link LineReader#MAX_LINE} bytes cut the same way).
 */
final class KeywordScan {

    /** Bytes read per chunk. */
    static final int CHUNK = 4 << 20;

    /** What the scan of one file found, and where and why it stopped early. */
    static final class Result {
        /** The hits, in line order (at most the limit given, plus one to tell that there are more). */
        final List<Hit> hits = new ArrayList<>();
        /** Lines looked at, from the first line asked for. */
        long candidates;
        /** Bytes of text read. */
        long bytes;
        /** "budget" or "abandoned" when the scan stopped before the end, else null. */
        String stop;
        /** The number of the last line fully looked at when the scan stopped early. */
        long stopLine;
    }

    private KeywordScan() {
    }

    /**
     * Scans one file.
     *
     * @param f the file
     * @param offset the byte offset to start at (a line start from the sparse index)
     * @param linesBefore the number of lines before that offset
     * @param startLine the first line that may hit
     * @param needle the bytes every hit contains
     * @param matcher this scan's own matcher (not shared)
     * @param limit the most hits wanted (one more is kept to tell that there are more)
     * @param deadline the {@link System#nanoTime()} after which the scan stops
     * @param abandon tells when hits of earlier files already fill the page (this file's are not needed)
     * @param ctx cancellation
     */
    static Result scan(LogSearcher.FileInfo f, long offset, long linesBefore, long startLine, byte[] needle, LineMatcher matcher,
            int limit, long deadline, BooleanSupplier abandon, TaskContext ctx) throws IOException {
        Result out = new Result();
        Charset cs = EncodingDetector.charset(f.encoding());
        String unknownLevel = LogLevel.UNKNOWN.name();
        boolean timed = !f.kinds().isEmpty();
        int rare = Bytes.rarest(needle);
        int n = needle.length;
        byte[] buf = new byte[CHUNK];
        int len = 0;
        long lineNo = linesBefore;
        long bufOffset = offset;
        boolean skipping = false;
        try (ByteSource src = ByteSource.open(f.path(), 0, offset)) {
            boolean eof = false;
            while (!eof) {
                ctx.checkCancelled();
                if (System.nanoTime() > deadline) {
                    out.stop = "budget";
                    break;
                }
                if (abandon.getAsBoolean()) {
                    out.stop = "abandoned";
                    break;
                }
                int r = src.read(buf, len, buf.length - len);
                if (r < 0) {
                    eof = true;
                } else {
                    len += r;
                }
                if (skipping) {
                    // The rest of a cut line: drop it up to its end.
                    int nl = Bytes.indexOf(buf, 0, len, (byte) '\n');
                    if (nl < 0) {
                        bufOffset += len;
                        len = 0;
                        continue;
                    }
                    skipping = false;
                    System.arraycopy(buf, nl + 1, buf, 0, len - nl - 1);
                    bufOffset += nl + 1;
                    len -= nl + 1;
                }
                int last = Bytes.lastIndexOf(buf, 0, len, (byte) '\n');
                int end;
                if (eof) {
                    end = len;
                } else if (last >= 0) {
                    end = last + 1;
                } else if (len == buf.length) {
                    // A line longer than the chunk: it is cut at MAX_LINE bytes, the rest skipped.
                    lineNo++;
                    if (lineNo >= startLine) {
                        hitIfMatches(out, f, buf, 0, LineReader.MAX_LINE, true, lineNo, needle, rare, matcher, cs, timed, unknownLevel);
                    }
                    bufOffset += len;
                    len = 0;
                    skipping = true;
                    continue;
                } else {
                    continue;
                }
                int pos = 0;
                while (pos < end && out.hits.size() <= limit) {
                    int m = Bytes.indexOf(buf, pos, end, needle, rare);
                    if (m < 0) {
                        break;
                    }
                    int ls = Bytes.lastIndexOf(buf, pos, m, (byte) '\n') + 1;
                    if (ls == 0) {
                        ls = pos;
                    }
                    lineNo += Bytes.count(buf, pos, ls, (byte) '\n');
                    int le = Bytes.indexOf(buf, m + n, end, (byte) '\n');
                    if (le < 0) {
                        le = end;
                    }
                    lineNo++;
                    if (lineNo >= startLine) {
                        boolean cut = le - ls > LineReader.MAX_LINE;
                        hitIfMatches(out, f, buf, ls, cut ? ls + LineReader.MAX_LINE : le, cut, lineNo, needle, rare, matcher, cs, timed,
                                unknownLevel);
                    }
                    pos = Math.min(end, le + 1);
                }
                if (out.hits.size() > limit) {
                    // Enough: the last hit is the one past the page; stop right after it.
                    out.bytes = bufOffset + pos - offset;
                    out.candidates = Math.max(0, lineNo - startLine + 1);
                    out.stopLine = lineNo;
                    return out;
                }
                lineNo += Bytes.count(buf, pos, end, (byte) '\n');
                if (eof && end > 0 && buf[end - 1] != '\n' && pos < end) {
                    lineNo++;
                }
                System.arraycopy(buf, end, buf, 0, len - end);
                bufOffset += end;
                len -= end;
            }
            out.bytes = bufOffset - offset;
            out.candidates = Math.max(0, lineNo - startLine + 1);
            out.stopLine = lineNo;
        }
        return out;
    }

    private static void hitIfMatches(Result out, LogSearcher.FileInfo f, byte[] buf, int from, int to, boolean cut, long lineNo,
            byte[] needle, int rare, LineMatcher matcher, Charset cs, boolean timed, String unknownLevel) {
        if (cut && Bytes.indexOf(buf, from, to, needle, rare) < 0) {
            return;
        }
        int e = to;
        if (!cut && e > from && buf[e - 1] == '\r') {
            e--;
        }
        String line = Bytes.decode(buf, from, e - from, cs);
        if (matcher.matches(line)) {
            out.hits.add(new Hit(f.id(), f.name(), lineNo, null, timed ? unknownLevel : LineClassifier.findLevel(line, 0).name(), line, cut,
                    List.of(), List.of(), matcher.highlights(line)));
        }
    }
}
