package dev.triage.plugin.logs.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.plugin.logs.application.FactCount;
import dev.triage.plugin.logs.application.FactRow;
import dev.triage.plugin.logs.application.FactsArgs;
import dev.triage.plugin.logs.application.FactsResult;
import dev.triage.plugin.logs.application.LogQueries;
import dev.triage.plugin.logs.application.LogsReportData;
import dev.triage.plugin.logs.application.NoteRow;
import dev.triage.plugin.logs.application.RememberArgs;
import dev.triage.plugin.logs.application.TimelineArgs;
import dev.triage.plugin.logs.application.TimelinePage;
import dev.triage.plugin.logs.application.TimelineRow;
import dev.triage.plugin.logs.domain.LogLevel;
import dev.triage.plugin.logs.domain.Times;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Timeline pages, facts, notes and report data read from the case database. */
public final class DuckDbLogQueries implements LogQueries {

    /** Rows per timeline page when no limit is given. */
    public static final int DEFAULT_PAGE = 200;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx", Locale.ROOT);

    private final DuckDbLogs logs;

    /**
     * Creates the queries.
     *
     * @param logs the logs service (current case, fact extractor)
     */
    public DuckDbLogQueries(DuckDbLogs logs) {
        this.logs = logs;
    }

    /**
     * Formats a time in a zone the way the timeline shows it.
     *
     * @param micros microseconds since 1970
     * @param zone the zone
     * @return {@code 2026-03-01 18:15:00.123 +08:00}
     */
    public static String shown(long micros, ZoneId zone) {
        return SHOWN.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L).atZone(zone));
    }

    /** The WHERE clause (after {@code WHERE e.ts_us IS NOT NULL}) and its parameters for the timeline filters. */
    static String filters(TimelineArgs args, ZoneId zone, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        Long since = Times.micros(args.since(), zone);
        Long until = Times.micros(args.until(), zone);
        if (since != null) {
            sql.append(" AND e.ts_us >= ?");
            params.add(since);
        }
        if (until != null) {
            sql.append(" AND e.ts_us < ?");
            params.add(until);
        }
        if (args.level() != null && !args.level().isBlank()) {
            LogLevel min = LogLevel.parse(args.level());
            if (min == null) {
                throw new IllegalArgumentException("Unknown level '" + args.level() + "': TRACE, DEBUG, INFO, WARN, ERROR or FATAL");
            }
            List<String> levels = new ArrayList<>();
            for (LogLevel l : LogLevel.values()) {
                if (l != LogLevel.UNKNOWN && l.ordinal() >= min.ordinal()) {
                    levels.add("'" + l.name() + "'");
                }
            }
            sql.append(" AND e.level IN (").append(String.join(",", levels)).append(')');
        }
        if (args.file() != null && !args.file().isBlank()) {
            sql.append(" AND e.file_id IN (SELECT file_id FROM logs_files WHERE name = ? OR CAST(file_id AS VARCHAR) = ?)");
            params.add(args.file());
            params.add(args.file());
        }
        if (args.text() != null && !args.text().isBlank()) {
            sql.append(" AND contains(lower(e.message), ?)");
            params.add(args.text().toLowerCase(Locale.ROOT));
        }
        if (args.fact() != null && !args.fact().isBlank()) {
            sql.append(" AND EXISTS (SELECT 1 FROM logs_facts x WHERE x.file_id = e.file_id AND x.line = e.line AND x.rule = ?)");
            params.add(args.fact());
        }
        return sql.toString();
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    @Override
    public dev.triage.plugin.logs.application.TimelineWindow window(Case c, TimelineArgs args) throws SQLException {
        return DuckDbTimelineWindow.open(c, args);
    }

    @Override
    public List<dev.triage.plugin.logs.application.DensityBin> density(Case c, TimelineArgs args, int buckets) throws SQLException {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be at least 1");
        }
        try (Connection conn = c.newConnection()) {
            ZoneId zone = LogImporter.caseZone(conn);
            TimelineArgs span = new TimelineArgs(args.since(), args.until(), null, null, null, null, null, null);
            List<Object> params = new ArrayList<>();
            String where = filters(span, zone, params);
            long lo;
            long hi;
            try (PreparedStatement ps = conn.prepareStatement("SELECT min(ts_us), max(ts_us) FROM logs_entries e WHERE e.ts_us IS NOT NULL"
                    + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getObject(1) == null) {
                        return List.of();
                    }
                    lo = rs.getLong(1);
                    hi = rs.getLong(2);
                }
            }
            Long since = Times.micros(args.since(), zone);
            Long until = Times.micros(args.until(), zone);
            lo = since != null ? since : lo;
            hi = until != null ? until : hi + 1;
            long width = Math.max(1, (hi - lo + buckets - 1) / buckets);
            params.clear();
            where = filters(args, zone, params);
            List<dev.triage.plugin.logs.application.DensityBin> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT e.file_id, f.name, (e.ts_us - ?) // ? AS b, count(*)"
                    + " FROM logs_entries e JOIN logs_files f USING (file_id) WHERE e.ts_us IS NOT NULL" + where
                    + " GROUP BY e.file_id, f.name, b ORDER BY e.file_id, b")) {
                List<Object> all = new ArrayList<>();
                all.add(lo);
                all.add(width);
                all.addAll(params);
                bind(ps, all);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new dev.triage.plugin.logs.application.DensityBin(rs.getInt(1), rs.getString(2), lo + rs.getLong(3) * width,
                                width, rs.getLong(4)));
                    }
                }
            }
            return out;
        }
    }

    @Override
    public dev.triage.plugin.logs.application.SearchResult search(Case c, dev.triage.plugin.logs.application.SearchArgs args,
            dev.triage.core.task.TaskContext ctx) throws Exception {
        return new LogSearcher().search(c, args, ctx);
    }

    @Override
    public TimelinePage timeline(Case c, TimelineArgs a) throws SQLException {
        TimelineArgs args = a == null ? new TimelineArgs(null, null, null, null, null, null, null, null) : a;
        int limit = args.limit() == null ? DEFAULT_PAGE : args.limit();
        if (limit < 1 || limit > 100_000) {
            throw new IllegalArgumentException("--limit must be 1 to 100000, not " + limit);
        }
        try (Connection conn = c.newConnection()) {
            ZoneId zone = LogImporter.caseZone(conn);
            List<Object> params = new ArrayList<>();
            StringBuilder sql = new StringBuilder("SELECT e.ts_us, e.file_id, f.name, e.line, e.line_count, e.level, e.message"
                    + " FROM logs_entries e JOIN logs_files f USING (file_id) WHERE e.ts_us IS NOT NULL").append(filters(args, zone, params));
            if (args.cursor() != null && !args.cursor().isBlank()) {
                String[] p = args.cursor().split(":");
                if (p.length != 3) {
                    throw new IllegalArgumentException("Bad cursor '" + args.cursor() + "': pass the nextCursor of the last page");
                }
                long ts = Long.parseLong(p[0]);
                int file = Integer.parseInt(p[1]);
                long line = Long.parseLong(p[2]);
                sql.append(" AND (e.ts_us > ? OR e.ts_us = ? AND (e.file_id > ? OR e.file_id = ? AND e.line > ?))");
                params.add(ts);
                params.add(ts);
                params.add(file);
                params.add(file);
                params.add(line);
            }
            sql.append(" ORDER BY e.ts_us, e.file_id, e.line LIMIT ").append(limit + 1);
            List<TimelineRow> rows = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long ts = rs.getLong(1);
                        rows.add(new TimelineRow(ts, shown(ts, zone), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                                rs.getString(6), FactExtractor.firstLine(rs.getString(7))));
                    }
                }
            }
            String next = null;
            if (rows.size() > limit) {
                rows.remove(rows.size() - 1);
                TimelineRow last = rows.get(rows.size() - 1);
                next = last.micros() + ":" + last.fileId() + ":" + last.line();
            }
            return new TimelinePage(zone.getId(), rows, next);
        }
    }

    /**
     * Reads the full text of an entry (up to 4 KiB) and the lines around it, for context expansion.
     *
     * @param c the case
     * @param fileId the file
     * @param line the entry's first line
     * @param before lines before
     * @param after lines after the entry's first line
     * @return the lines, each prefixed by its number and a tab
     * @throws Exception when the file cannot be read
     */
    @Override
    public List<String> context(Case c, int fileId, long line, int before, int after) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection conn = c.newConnection()) {
            for (LogSearcher.FileInfo f : LogSearcher.files(c, conn, Integer.toString(fileId))) {
                long from = Math.max(1, line - before);
                long[] seek = LogSearcher.seek(conn, fileId, from);
                try (LineReader r = LineReader.openAt(f.path(), f.encoding(), 0, seek[1], seek[0] - 1)) {
                    for (String l; (l = r.next()) != null; ) {
                        long n = r.lineNumber();
                        if (n > line + after) {
                            break;
                        }
                        if (n >= from) {
                            out.add(n + "\t" + l);
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Lists facts, re-extracting them first when asked.
     *
     * @param a the arguments
     * @return counts per rule and file, and the facts
     * @throws Exception when a rule file is wrong or the database fails
     */
    public FactsResult facts(FactsArgs a) throws Exception {
        Case c = logs.current();
        FactsArgs args = a == null ? new FactsArgs(null, null, null) : a;
        try (Connection conn = c.newConnection()) {
            if (Boolean.TRUE.equals(args.refresh())) {
                FactExtractor fx = logs.facts();
                conn.setAutoCommit(false);
                try {
                    for (var f : logs.files(c)) {
                        if ("ok".equals(f.status())) {
                            fx.extractFile(conn, f.id());
                        }
                    }
                    conn.commit();
                } catch (SQLException | RuntimeException e) {
                    conn.rollback();
                    throw e;
                } finally {
                    conn.setAutoCommit(true);
                }
            }
            List<FactRow> facts = new ArrayList<>();
            int limit = args.limit() == null ? 50 : args.limit();
            try (PreparedStatement ps = conn.prepareStatement("SELECT x.ts_us, f.name, x.line, x.rule, x.severity, x.fields, x.text"
                    + " FROM logs_facts x JOIN logs_files f USING (file_id) WHERE (? IS NULL OR x.rule = ?)"
                    + " ORDER BY x.ts_us NULLS LAST, x.file_id, x.line LIMIT ?")) {
                ps.setString(1, args.rule());
                ps.setString(2, args.rule());
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        facts.add(new FactRow(Times.iso((Long) rs.getObject(1)), rs.getString(2), rs.getLong(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return new FactsResult(factCounts(conn), facts);
        }
    }

    private static List<FactCount> factCounts(Connection conn) throws SQLException {
        List<FactCount> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT x.rule, any_value(x.severity), f.name, count(*), min(x.ts_us), max(x.ts_us)"
                + " FROM logs_facts x JOIN logs_files f USING (file_id) GROUP BY x.rule, f.file_id, f.name"
                + " ORDER BY CASE any_value(x.severity) WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, x.rule, f.file_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new FactCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), Times.iso((Long) rs.getObject(5)),
                        Times.iso((Long) rs.getObject(6))));
            }
        }
        return out;
    }

    /**
     * Keeps a note or bookmark on a line.
     *
     * @param a the note
     * @return the stored note
     * @throws Exception when the file or line is unknown
     */
    @Override
    public NoteRow remember(RememberArgs a) throws Exception {
        if (a == null || a.file() == null || a.line() == null) {
            throw new IllegalArgumentException("Give the line: --file NAME --line N [--kind note|bookmark] [--key K] --text '...'");
        }
        String kind = a.kind() == null ? "note" : a.kind().toLowerCase(Locale.ROOT);
        if (!kind.equals("note") && !kind.equals("bookmark")) {
            throw new IllegalArgumentException("--kind must be note or bookmark, not " + a.kind());
        }
        Case c = logs.current();
        try (Connection conn = c.newConnection()) {
            var files = LogSearcher.files(c, conn, a.file());
            var f = files.get(0);
            Long ts = LogSearcher.entryTime(conn, f.id(), a.line());
            String id = UUID.randomUUID().toString();
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO logs_notes VALUES (?,?,?,?,?,?,?, current_timestamp::TIMESTAMP)")) {
                ps.setString(1, id);
                ps.setInt(2, f.id());
                ps.setLong(3, a.line());
                ps.setObject(4, ts);
                ps.setString(5, kind);
                ps.setString(6, a.key());
                ps.setString(7, a.text());
                ps.executeUpdate();
            }
            return new NoteRow(id, Times.iso(ts), f.name(), a.line(), kind, a.key(), a.text());
        }
    }

    private static List<NoteRow> notes(Connection conn) throws SQLException {
        List<NoteRow> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT n.id, n.ts_us, f.name, n.line, n.kind, n.note_key, n.text FROM logs_notes n"
                + " JOIN logs_files f USING (file_id) ORDER BY n.ts_us NULLS LAST, n.created"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new NoteRow(rs.getString(1), Times.iso((Long) rs.getObject(2)), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)));
            }
        }
        return out;
    }

    /**
     * Lists the notes and bookmarks of the open case.
     *
     * @return the notes, oldest line first
     * @throws SQLException when the database fails
     */
    public List<NoteRow> notes() throws SQLException {
        try (Connection conn = logs.current().newConnection()) {
            return notes(conn);
        }
    }

    @Override
    public LogsReportData report(Case c) throws SQLException {
        var files = logs.files(c);
        try (Connection conn = c.newConnection()) {
            ZoneId zone = LogImporter.caseZone(conn);
            List<TimelineRow> events = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT e.ts_us, e.file_id, f.name, e.line, e.line_count, e.level, e.message"
                    + " FROM logs_entries e JOIN logs_files f USING (file_id) WHERE e.ts_us IS NOT NULL AND (e.level IN ('ERROR', 'FATAL')"
                    + " OR EXISTS (SELECT 1 FROM logs_facts x WHERE x.file_id = e.file_id AND x.line = e.line AND x.severity <> 'INFO')"
                    + " OR EXISTS (SELECT 1 FROM logs_notes n WHERE n.file_id = e.file_id AND n.line = e.line))"
                    + " ORDER BY e.ts_us, e.file_id, e.line LIMIT 100"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long ts = rs.getLong(1);
                    events.add(new TimelineRow(ts, shown(ts, zone), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getInt(5), rs.getString(6),
                            FactExtractor.firstLine(rs.getString(7))));
                }
            }
            String first = null;
            String last = null;
            try (PreparedStatement ps = conn.prepareStatement("SELECT min(first_us), max(last_us) FROM logs_files WHERE status = 'ok'");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    first = Times.iso((Long) rs.getObject(1));
                    last = Times.iso((Long) rs.getObject(2));
                }
            }
            return new LogsReportData(zone.getId(), first, last, files, events, factCounts(conn), notes(conn));
        }
    }

    @Override
    public java.util.Map<String, String> viewFilters(Case c) throws SQLException {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        try (Connection conn = c.newConnection(); PreparedStatement ps = conn.prepareStatement(
                "SELECT name, value FROM logs_settings WHERE name LIKE 'view.%'"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1).substring("view.".length()), rs.getString(2));
            }
        }
        return out;
    }

    @Override
    public void saveViewFilters(Case c, java.util.Map<String, String> filters) throws SQLException {
        try (Connection conn = c.newConnection()) {
            for (var e : filters.entrySet()) {
                String sql = e.getValue() == null || e.getValue().isBlank() ? "DELETE FROM logs_settings WHERE name = ?"
                        : "INSERT OR REPLACE INTO logs_settings VALUES (?, ?)";
                try (PreparedStatement ps = conn.prepareStatement(sql)) {
                    ps.setString(1, "view." + e.getKey());
                    if (e.getValue() != null && !e.getValue().isBlank()) {
                        ps.setString(2, e.getValue());
                    }
                    ps.executeUpdate();
                }
            }
        }
    }
}
