package dev.triage.plugin.logs.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.logs.application.Hit;
import dev.triage.plugin.logs.application.SearchArgs;
import dev.triage.plugin.logs.application.SearchResult;
import dev.triage.plugin.logs.application.SearchStats;
import dev.triage.plugin.logs.domain.LineClassifier;
import dev.triage.plugin.logs.domain.LineMatcher;
import dev.triage.plugin.logs.domain.LogLevel;
import dev.triage.plugin.logs.domain.StampParser;
import dev.triage.plugin.logs.domain.Times;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Searches the case's log files line by line (the staged copies, plain or gzip), jumping to the time window through the
 * sparse index; hits come in file and line order, a page at a time.
 */
public final class LogSearcher {

    /** The time budget when none is given. */
    public static final long DEFAULT_BUDGET_MS = 30_000;

    /** The threads that scan files in parallel, shared by all searches (one per core; daemons). */
    private static final ExecutorService SCANS = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
            r -> {
                Thread t = new Thread(r, "logs-scan");
                t.setDaemon(true);
                return t;
            });

    /** A searchable file. */
    record FileInfo(int id, String name, Path path, String encoding, List<StampParser.Kind> kinds, ZoneId zone, int year) {
    }

    /**
     * Runs a search and records it in the case's search history.
     *
     * @param c the case
     * @param a the query
     * @param ctx cancellation
     * @return the hits and statistics
     * @throws Exception when the query is wrong or a file cannot be read
     */
    public SearchResult search(Case c, SearchArgs a, TaskContext ctx) throws Exception {
        long t0 = System.nanoTime();
        boolean ignoreCase = Boolean.TRUE.equals(a.ignoreCase());
        LineMatcher matcher = new LineMatcher(a.must(), a.any(), a.none(), a.regex(), ignoreCase);
        int maxHits = a.maxHits() == null ? SearchArgs.DEFAULT_MAX_HITS : a.maxHits();
        if (maxHits < 1) {
            throw new IllegalArgumentException("--max-hits must be at least 1, not " + maxHits);
        }
        int context = a.context() == null ? 0 : a.context();
        if (context < 0 || context > SearchArgs.MAX_CONTEXT) {
            throw new IllegalArgumentException("--context must be 0 to " + SearchArgs.MAX_CONTEXT + ", not " + context);
        }
        long budgetNanos = (a.budgetMs() == null ? DEFAULT_BUDGET_MS : a.budgetMs()) * 1_000_000L;
        int cursorFile = 0;
        long cursorLine = 0;
        if (a.cursor() != null && !a.cursor().isBlank()) {
            String[] p = a.cursor().split(":");
            try {
                cursorFile = Integer.parseInt(p[0]);
                cursorLine = Long.parseLong(p[1]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Bad cursor '" + a.cursor() + "': pass the nextCursor of the last page");
            }
        }
        List<Hit> hits = new ArrayList<>();
        int filesScanned = 0;
        long bytes = 0;
        long candidates = 0;
        String reason = null;
        String next = null;
        AtomicBoolean stop = new AtomicBoolean();
        try (Connection conn = c.newConnection()) {
            ZoneId caseZone = LogImporter.caseZone(conn);
            Long since = Times.micros(a.since(), caseZone);
            Long until = Times.micros(a.until(), caseZone);
            boolean window = since != null || until != null;
            long lo = since == null ? Long.MIN_VALUE : since;
            long hi = until == null ? Long.MAX_VALUE : until;
            List<FileInfo> files = files(c, conn, a.file());
            Map<Integer, Future<KeywordScan.Result>> fast = window || context > 0 ? Map.of()
                    : submitKeywordScans(conn, a, files, cursorFile, cursorLine, maxHits, t0 + budgetNanos, stop, ctx);
            outer:
            for (FileInfo f : files) {
                if (f.id() < cursorFile) {
                    continue;
                }
                long startLine = f.id() == cursorFile ? cursorLine + 1 : 1;
                long endLine = Long.MAX_VALUE;
                Long startTs = null;
                if (window) {
                    if (f.kinds().isEmpty()) {
                        continue;
                    }
                    long[] range = lineRange(conn, f.id(), lo, hi);
                    if (range == null) {
                        continue;
                    }
                    startLine = Math.max(startLine, range[0]);
                    endLine = range[1];
                }
                Future<KeywordScan.Result> scanned = fast.get(f.id());
                long[] seek = scanned != null ? null : seek(conn, f.id(), startLine);
                if (window) {
                    startTs = entryTime(conn, f.id(), seek[0]);
                }
                filesScanned++;
                if (scanned != null) {
                    // Fast path, scanned in parallel: times and levels of the hits come from the entries table.
                    KeywordScan.Result res = join(scanned);
                    int firstHit = hits.size();
                    candidates += res.candidates;
                    bytes += res.bytes;
                    for (Hit h : res.hits) {
                        if (hits.size() == maxHits) {
                            reason = "max hits " + maxHits;
                            next = cursorOf(hits);
                            break;
                        }
                        hits.add(h);
                    }
                    if (reason == null && res.stop != null) {
                        reason = "time budget of " + budgetNanos / 1_000_000 + " ms";
                        next = hits.isEmpty() ? f.id() + ":" + res.stopLine : cursorOf(hits);
                    }
                    if (!f.kinds().isEmpty()) {
                        entryTimes(conn, f.id(), hits, firstHit);
                    }
                    if (reason != null) {
                        break;
                    }
                    continue;
                }
                LineClassifier cls = new LineClassifier(f.kinds(), f.zone(), f.year());
                boolean timed = !f.kinds().isEmpty();
                Long curTs = startTs;
                String entryStart = null;
                ArrayDeque<String> ring = new ArrayDeque<>();
                List<List<String>> pendingAfter = new ArrayList<>();
                try (LineReader r = LineReader.openAt(f.path(), f.encoding(), 0, seek[1], seek[0] - 1)) {
                    long startOffset = seek[1];
                    int after = 0;
                    for (String line; (line = r.next()) != null; ) {
                        long ln = r.lineNumber();
                        if (timed && cls.startsEntryTimeOnly(line)) {
                            curTs = cls.micros();
                            entryStart = line;
                        }
                        if (after > 0) {
                            for (List<String> p : pendingAfter) {
                                if (p.size() < context) {
                                    p.add(line);
                                }
                            }
                            after--;
                        }
                        if (ln > endLine || reason != null) {
                            if (after == 0) {
                                break;
                            }
                            continue;
                        }
                        if (ln >= startLine) {
                            candidates++;
                            if ((candidates & 0xFFF) == 0) {
                                ctx.checkCancelled();
                                if (System.nanoTime() - t0 > budgetNanos) {
                                    reason = "time budget of " + budgetNanos / 1_000_000 + " ms";
                                    next = hits.isEmpty() ? f.id() + ":" + (ln - 1) : cursorOf(hits);
                                    bytes += r.offset() - startOffset;
                                    break outer;
                                }
                            }
                            boolean inWindow = !window || curTs != null && curTs >= lo && curTs < hi;
                            if (inWindow && matcher.matches(line)) {
                                if (hits.size() == maxHits) {
                                    reason = "max hits " + maxHits;
                                    next = cursorOf(hits);
                                    bytes += r.offset() - startOffset;
                                    if (after == 0) {
                                        break;
                                    }
                                    continue;
                                }
                                List<String> afterLines = new ArrayList<>();
                                if (context > 0) {
                                    pendingAfter.removeIf(p -> p.size() >= context);
                                    pendingAfter.add(afterLines);
                                    after = context;
                                }
                                hits.add(new Hit(f.id(), f.name(), ln, timed ? Times.iso(curTs) : null, level(cls, entryStart, line, timed).name(),
                                        line, r.wasCut(), List.copyOf(ring), afterLines, matcher.highlights(line)));
                            }
                        }
                        if (context > 0) {
                            ring.addLast(line.length() > 2000 ? line.substring(0, 2000) : line);
                            if (ring.size() > context) {
                                ring.removeFirst();
                            }
                        }
                    }
                    if (reason == null) {
                        bytes += r.endOffset() - startOffset;
                    }
                }
                if (reason != null) {
                    break;
                }
            }
            stop.set(true);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            SearchStats stats = new SearchStats(filesScanned, bytes, candidates, hits.size(), millis, reason != null, reason);
            remember(conn, a, stats);
            return new SearchResult(freeze(hits), stats, next);
        } finally {
            stop.set(true);
        }
    }

    /**
     * Starts the fast keyword scan of every file it applies to (a case-sensitive ASCII must term, an encoding other than
     * UTF-16), on the shared scan threads, so that files are read in parallel; the search then takes the results in file
     * order. A scan gives up when hits of earlier files already fill the page, or when {@code stop} is set.
     */
    private static Map<Integer, Future<KeywordScan.Result>> submitKeywordScans(Connection conn, SearchArgs a, List<FileInfo> files,
            int cursorFile, long cursorLine, int maxHits, long deadline, AtomicBoolean stop, TaskContext ctx) throws SQLException {
        boolean ignoreCase = Boolean.TRUE.equals(a.ignoreCase());
        byte[] needle = new LineMatcher(a.must(), a.any(), a.none(), a.regex(), ignoreCase).requiredAscii();
        if (needle == null) {
            return Map.of();
        }
        Map<Integer, Future<KeywordScan.Result>> out = new HashMap<>();
        AtomicIntegerArray found = new AtomicIntegerArray(files.size());
        for (int i = 0; i < files.size(); i++) {
            FileInfo f = files.get(i);
            if (f.id() < cursorFile || f.encoding().startsWith("UTF-16")) {
                continue;
            }
            long startLine = f.id() == cursorFile ? cursorLine + 1 : 1;
            long[] seek = seek(conn, f.id(), startLine);
            int index = i;
            BooleanSupplier abandon = () -> {
                if (stop.get()) {
                    return true;
                }
                long before = 0;
                for (int j = 0; j < index; j++) {
                    before += found.get(j);
                }
                return before > maxHits;
            };
            out.put(f.id(), SCANS.submit(() -> {
                KeywordScan.Result r = KeywordScan.scan(f, seek[1], seek[0] - 1, startLine, needle,
                        new LineMatcher(a.must(), a.any(), a.none(), a.regex(), ignoreCase), maxHits, deadline, abandon, ctx);
                found.set(index, r.hits.size());
                return r;
            }));
        }
        return out;
    }

    private static KeywordScan.Result join(Future<KeywordScan.Result> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw e;
        }
    }

    private static List<Hit> freeze(List<Hit> hits) {
        List<Hit> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            out.add(new Hit(h.fileId(), h.file(), h.line(), h.time(), h.level(), h.text(), h.cut(), h.before(), List.copyOf(h.after()),
                    h.highlights()));
        }
        return out;
    }

    private static String cursorOf(List<Hit> hits) {
        Hit last = hits.get(hits.size() - 1);
        return last.fileId() + ":" + last.line();
    }

    private static LogLevel level(LineClassifier cls, String entryStart, String line, boolean timed) {
        if (!timed) {
            return LineClassifier.findLevel(line, 0);
        }
        if (entryStart == null) {
            return LogLevel.UNKNOWN;
        }
        cls.startsEntry(entryStart);
        return cls.level();
    }

    /**
     * Gives hits from {@code from} on (all of one file) the time and level of their entries. Many hits: their lines go into a
     * temporary table through the appender and one hash join finds those that start an entry; the others (inside
     * multi-line entries), or all when few, take ASOF joins over literal lists of lines.
     */
    static void entryTimes(Connection conn, int fileId, List<Hit> hits, int from) throws SQLException {
        if (from >= hits.size()) {
            return;
        }
        Map<Long, Object[]> byLine = new java.util.HashMap<>();
        if (hits.size() - from > 200) {
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE OR REPLACE TEMP TABLE logs_hit_lines (line BIGINT)");
            }
            try (DuckDBAppender ap = conn.unwrap(DuckDBConnection.class).createAppender("temp", "main", "logs_hit_lines")) {
                for (int i = from; i < hits.size(); i++) {
                    ap.beginRow();
                    ap.append(hits.get(i).line());
                    ap.endRow();
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT e.line, e.ts_us, e.level FROM logs_entries e"
                    + " JOIN logs_hit_lines h ON e.line = h.line WHERE e.file_id = ? AND e.line BETWEEN ? AND ?")) {
                ps.setInt(1, fileId);
                ps.setLong(2, hits.get(from).line());
                ps.setLong(3, hits.get(hits.size() - 1).line());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byLine.put(rs.getLong(1), new Object[] {rs.getObject(2), rs.getString(3)});
                    }
                }
            }
            try (Statement st = conn.createStatement()) {
                st.execute("DROP TABLE IF EXISTS temp.main.logs_hit_lines");
            }
        }
        List<Long> missing = new ArrayList<>();
        for (int i = from; i < hits.size(); i++) {
            if (!byLine.containsKey(hits.get(i).line())) {
                missing.add(hits.get(i).line());
            }
        }
        // ASOF joins over literal lists (chunked: a huge list literal is slow for DuckDB to bind).
        for (int chunk = 0; chunk < missing.size(); chunk += 500) {
            int to = Math.min(missing.size(), chunk + 500);
            StringBuilder lines = new StringBuilder("[");
            for (int i = chunk; i < to; i++) {
                lines.append(i == chunk ? "" : ",").append(missing.get(i));
            }
            lines.append(']');
            long lo = missing.get(chunk);
            long hi = missing.get(to - 1);
            try (PreparedStatement ps = conn.prepareStatement("SELECT h.line, e.ts_us, e.level FROM (SELECT unnest(" + lines
                    + "::BIGINT[]) AS line) h ASOF JOIN (SELECT line, ts_us, level FROM logs_entries WHERE file_id = ? AND line <= ?"
                    + " AND line >= (SELECT coalesce(max(line), 0) FROM logs_entries WHERE file_id = ? AND line <= ?)) e"
                    + " ON h.line >= e.line")) {
                ps.setInt(1, fileId);
                ps.setLong(2, hi);
                ps.setInt(3, fileId);
                ps.setLong(4, lo);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byLine.put(rs.getLong(1), new Object[] {rs.getObject(2), rs.getString(3)});
                    }
                }
            }
        }
        for (int i = from; i < hits.size(); i++) {
            Hit h = hits.get(i);
            Object[] e = byLine.get(h.line());
            if (e != null) {
                hits.set(i, new Hit(h.fileId(), h.file(), h.line(), Times.iso(e[0] == null ? null : ((Number) e[0]).longValue()), (String) e[1],
                        h.text(), h.cut(), h.before(), h.after(), h.highlights()));
            }
        }
    }

    /** The case's searchable files, optionally only one (by name or id). */
    static List<FileInfo> files(Case c, Connection conn, String only) throws SQLException {
        List<FileInfo> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT file_id, name, path, encoding, formats, zone, coalesce(stamp_year, 1970) FROM logs_files"
                + " WHERE status = 'ok' ORDER BY file_id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(2);
                if (only != null && !only.isBlank() && !only.equals(name) && !only.equals(Integer.toString(rs.getInt(1)))) {
                    continue;
                }
                String formats = rs.getString(5);
                List<StampParser.Kind> kinds = formats == null || formats.isEmpty() ? List.of()
                        : Arrays.stream(formats.split(",")).map(StampParser.Kind::valueOf).toList();
                out.add(new FileInfo(rs.getInt(1), name, c.folder().resolve(rs.getString(3)), rs.getString(4), kinds, ZoneId.of(rs.getString(6)),
                        rs.getInt(7)));
            }
        }
        if (only != null && !only.isBlank() && out.isEmpty()) {
            throw new IllegalArgumentException("The case has no log file '" + only + "'");
        }
        return out;
    }

    /** The first and last line of the entries of a file inside a time window, or null when none is inside. */
    static long[] lineRange(Connection conn, int fileId, long lo, long hi) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT min(line), max(line + line_count - 1) FROM logs_entries"
                + " WHERE file_id = ? AND ts_us >= ? AND ts_us < ?")) {
            ps.setInt(1, fileId);
            ps.setLong(2, lo);
            ps.setLong(3, hi);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1) == null ? null : new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** The sparse-index row at or before a line: {first line, byte offset}. */
    static long[] seek(Connection conn, int fileId, long line) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT first_line, byte_offset FROM logs_blocks WHERE file_id = ? AND first_line <= ?"
                + " ORDER BY first_line DESC LIMIT 1")) {
            ps.setInt(1, fileId);
            ps.setLong(2, line);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : new long[] {1, 0};
            }
        }
    }

    /** The time of the entry holding a line, or null. */
    static Long entryTime(Connection conn, int fileId, long line) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ts_us FROM logs_entries WHERE file_id = ? AND line <= ?"
                + " ORDER BY line DESC LIMIT 1")) {
            ps.setInt(1, fileId);
            ps.setLong(2, line);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getObject(1) != null ? rs.getLong(1) : null;
            }
        }
    }

    private static void remember(Connection conn, SearchArgs a, SearchStats s) throws SQLException {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("must", a.must() == null ? null : String.join("\u001f", a.must()));
        q.put("any", a.any() == null ? null : String.join("\u001f", a.any()));
        q.put("none", a.none() == null ? null : String.join("\u001f", a.none()));
        q.put("regex", a.regex());
        q.put("ignoreCase", a.ignoreCase());
        q.put("since", a.since());
        q.put("until", a.until());
        q.put("file", a.file());
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO logs_searches VALUES (current_timestamp::TIMESTAMP, ?, ?, ?, ?)")) {
            ps.setString(1, Json.object(q));
            ps.setLong(2, s.hits());
            ps.setLong(3, s.millis());
            ps.setBoolean(4, s.truncated());
            ps.executeUpdate();
        }
    }
}
