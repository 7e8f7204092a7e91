package dev.triage.plugin.logs.infrastructure;

import dev.triage.core.task.TaskContext;
import dev.triage.plugin.logs.domain.EncodingDetector;
import dev.triage.plugin.logs.domain.LineClassifier;
import dev.triage.plugin.logs.domain.LogLevel;
import dev.triage.plugin.logs.domain.StampParser;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;

/**
 * Reads one log file once: detects its encoding and stamp shapes from its head, groups lines into entries, and appends
 * one row per entry and one sparse-index row per {@link LogSchema#BLOCK_LINES} lines through the DuckDB appender. Files in
 * an ASCII-compatible encoding go through {@link ByteIndexer} (bytes, two threads); UTF-16 files line by line here.
 */
final class LogIndexer {

    /** The most characters of an entry's text kept in the entries table. */
    static final int MESSAGE_CHARS = 4096;
    private static final int HEAD_BYTES = 64 * 1024;

    /** What indexing found. */
    record Result(String encoding, String detectedEncoding, List<StampParser.Kind> kinds, long textBytes, long lines, long entries,
            long timedEntries, Long firstUs, Long lastUs, long cutLines, String broken, boolean gzip) {
    }

    private LogIndexer() {
    }

    /** Detects a file's encoding from its decompressed head. */
    static String detectEncoding(Path file) throws IOException {
        return EncodingDetector.detect(LineReader.head(file, HEAD_BYTES));
    }

    /** Detects a file's stamp shapes from its first lines. */
    static List<StampParser.Kind> detectKinds(Path file, String encoding, long gzipLimit) throws IOException {
        List<String> sample = new ArrayList<>();
        try (LineReader r = LineReader.open(file, encoding, gzipLimit)) {
            for (String l; sample.size() < LineClassifier.SAMPLE_LINES && (l = r.next()) != null; ) {
                sample.add(l.length() > 200 ? l.substring(0, 200) : l);
            }
        }
        return LineClassifier.detect(sample);
    }

    static Result index(Path file, int fileId, String encodingOverride, ZoneId zone, int year, long gzipLimit, DuckDBAppender entries,
            DuckDBAppender blocks, TaskContext ctx, long fileSize) throws IOException, SQLException {
        String detected = detectEncoding(file);
        String encoding = encodingOverride != null ? encodingOverride : detected;
        List<StampParser.Kind> kinds = detectKinds(file, encoding, gzipLimit);
        if (!EncodingDetector.charset(encoding).name().startsWith("UTF-16")) {
            return ByteIndexer.index(file, fileId, encoding, detected, kinds, zone, year, gzipLimit, entries, blocks, ctx, fileSize);
        }
        LineClassifier cls = new LineClassifier(kinds, zone, year);
        boolean timed = !kinds.isEmpty();
        long lines = 0;
        long entryCount = 0;
        long timedCount = 0;
        long cutLines = 0;
        Long first = null;
        Long last = null;
        long blockMin = Long.MAX_VALUE;
        long blockMax = Long.MIN_VALUE;
        long blockFirstLine = 1;
        long blockOffset = 0;
        // The open entry.
        long eLine = 0;
        long eOffset = 0;
        long eTs = 0;
        boolean eTimed = false;
        LogLevel eLevel = LogLevel.UNKNOWN;
        int eLines = 0;
        StringBuilder msg = new StringBuilder(256);
        long textBytes;
        String broken;
        boolean gz;
        try (LineReader r = LineReader.open(file, encoding, gzipLimit)) {
            for (String l; (l = r.next()) != null; ) {
                lines++;
                if (r.wasCut()) {
                    cutLines++;
                }
                if ((lines - 1) % LogSchema.BLOCK_LINES == 0) {
                    if (lines > 1) {
                        block(blocks, fileId, blockFirstLine, blockOffset, blockMin, blockMax);
                    }
                    blockFirstLine = lines;
                    blockOffset = r.offset();
                    blockMin = Long.MAX_VALUE;
                    blockMax = Long.MIN_VALUE;
                }
                if ((lines & 0xFFFF) == 0) {
                    ctx.checkCancelled();
                    ctx.progress(fileSize <= 0 ? 0 : Math.min(1.0, (double) r.fileBytesRead() / fileSize),
                            file.getFileName() + ": " + lines + " lines");
                }
                boolean starts = timed ? cls.startsEntry(l) : true;
                if (starts || eLines == 0) {
                    if (eLines > 0) {
                        entry(entries, fileId, eLine, eOffset, eTimed, eTs, eLevel, eLines, msg);
                        entryCount++;
                    }
                    eLine = lines;
                    eOffset = r.offset();
                    eTimed = timed && starts;
                    eLines = 0;
                    msg.setLength(0);
                    if (eTimed) {
                        eTs = cls.micros();
                        eLevel = cls.level();
                        timedCount++;
                        first = first == null ? eTs : Math.min(first, eTs);
                        last = last == null ? eTs : Math.max(last, eTs);
                        blockMin = Math.min(blockMin, eTs);
                        blockMax = Math.max(blockMax, eTs);
                    } else {
                        eLevel = timed ? LogLevel.UNKNOWN : LineClassifier.findLevel(l, 0);
                    }
                }
                eLines++;
                if (msg.length() < MESSAGE_CHARS) {
                    if (msg.length() > 0) {
                        msg.append('\n');
                    }
                    msg.append(l, 0, Math.min(l.length(), MESSAGE_CHARS - msg.length()));
                }
            }
            if (eLines > 0) {
                entry(entries, fileId, eLine, eOffset, eTimed, eTs, eLevel, eLines, msg);
                entryCount++;
            }
            if (lines > 0) {
                block(blocks, fileId, blockFirstLine, blockOffset, blockMin, blockMax);
            }
            textBytes = r.endOffset();
            broken = r.brokenInput();
            gz = r.gzip();
        }
        return new Result(encoding, detected, kinds, textBytes, lines, entryCount, timedCount, first, last, cutLines, broken, gz);
    }

    private static void entry(DuckDBAppender a, int fileId, long line, long offset, boolean timed, long ts, LogLevel level, int count,
            StringBuilder msg) throws SQLException {
        a.beginRow();
        a.append(fileId);
        a.append(line);
        a.append(offset);
        if (timed) {
            a.append(ts);
        } else {
            a.appendNull();
        }
        a.append(level.name());
        a.append(count);
        a.append(msg.toString());
        a.endRow();
    }

    private static void block(DuckDBAppender a, int fileId, long firstLine, long offset, long min, long max) throws SQLException {
        a.beginRow();
        a.append(fileId);
        a.append(firstLine);
        a.append(offset);
        if (min == Long.MAX_VALUE) {
            a.appendNull();
            a.appendNull();
        } else {
            a.append(min);
            a.append(max);
        }
        a.endRow();
    }
}
