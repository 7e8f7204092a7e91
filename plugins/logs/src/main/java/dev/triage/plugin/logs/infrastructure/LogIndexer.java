package dev.triage.plugin.logs.infrastructure;

import dev.triage.core.task.TaskContext;
import dev.triage.plugin.logs.domain.EncodingDetector;
import dev.triage.plugin.logs.domain.LineClassifier;
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
 * one row per entry and one sparse-index row per {@link LogSchema#BLOCK_LINES} lines through the DuckDB appender (the
 * work is done by {@link ByteIndexer}, on two threads).
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
        return ByteIndexer.index(file, fileId, encoding, detected, kinds, zone, year, gzipLimit, entries, blocks, ctx, fileSize);
    }
}
