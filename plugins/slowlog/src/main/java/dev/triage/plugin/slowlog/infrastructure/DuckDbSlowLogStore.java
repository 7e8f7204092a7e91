package dev.triage.plugin.slowlog.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.slowlog.application.CompareRow;
import dev.triage.plugin.slowlog.application.DigestAttribute;
import dev.triage.plugin.slowlog.application.DigestFilter;
import dev.triage.plugin.slowlog.application.DigestGroup;
import dev.triage.plugin.slowlog.application.DigestOrder;
import dev.triage.plugin.slowlog.application.DigestQuery;
import dev.triage.plugin.slowlog.application.DigestRow;
import dev.triage.plugin.slowlog.application.SlowLogStore;
import dev.triage.plugin.slowlog.application.TimelinePoint;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores slow-query events in DuckDB and computes the digest there, in SQL. */
public final class DuckDbSlowLogStore implements SlowLogStore {

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbSlowLogStore.class);

    /** An in-memory database with the plugin's tables, for a digest or comparison without a case. */
    private static Connection temporaryStore() throws SQLException {
        Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = conn.createStatement()) {
            st.execute(SlowLogSchema.CREATE_EVENTS);
            st.execute(SlowLogSchema.CREATE_FILES);
            st.execute(SlowLogSchema.ADD_PLAN_DIGEST);
        } catch (SQLException e) {
            conn.close();
            throw e;
        }
        return conn;
    }

    /** Digests files in Java as they stream by ({@link StreamingDigest}): a one-off digest stores no event. */
    @Override
    public List<DigestRow> digestFiles(List<Path> files, DigestQuery query, TaskContext context) throws Exception {
        return StreamingDigest.digest(files, query, context);
    }

    /** Loads files into a temporary store and digests them in SQL, as a case is digested; for tests against the above. */
    static List<DigestRow> digestFilesInSql(List<Path> files, DigestQuery query, TaskContext context) throws Exception {
        try (Connection conn = temporaryStore()) {
            for (Path f : files) {
                var r = SlowLogLoader.load(conn, "digest", f, f, false, context, p -> { });
                if (r.problemCount() > 0) {
                    LOG.warn("{}: {} entries or lines skipped or cut, first: {}", f, r.problemCount(), r.problems().get(0));
                }
            }
            return digest(conn, query);
        }
    }

    @Override
    public List<CompareRow> compareFiles(List<Path> a, List<Path> b, int limit, TaskContext context) throws Exception {
        try (Connection conn = temporaryStore()) {
            for (Path f : a) {
                SlowLogLoader.load(conn, "a", f, f, false, context, p -> { });
            }
            for (Path f : b) {
                SlowLogLoader.load(conn, "b", f, f, false, context, p -> { });
            }
            return compare(conn, limit);
        }
    }

    /** Compares the classes of the rows imported as {@code a} with those imported as {@code b}, in SQL. */
    static List<CompareRow> compare(Connection conn, int limit) throws SQLException {
        return compare(conn, "import_id = ?", List.of("a"), "import_id = ?", List.of("b"), limit);
    }

    /** Compares the classes of the events matching one condition (the baseline) with those matching another, in SQL. */
    static List<CompareRow> compare(Connection conn, String sideA, List<Object> paramsA, String sideB, List<Object> paramsB,
            int limit) throws SQLException {
        String side = "SELECT checksum, count(*) AS n, coalesce(sum(query_time), 0)::DOUBLE AS total, "
                + "quantile_cont(query_time, 0.95)::DOUBLE AS p95 FROM " + SlowLogSchema.EVENTS + " WHERE ";
        String sql = "WITH names AS (SELECT checksum, any_value(fingerprint) AS fingerprint FROM " + SlowLogSchema.EVENTS
                + " WHERE fingerprint IS NOT NULL GROUP BY checksum), a AS (" + side + sideA + " GROUP BY checksum), b AS ("
                + side + sideB + " GROUP BY checksum) "
                + "SELECT checksum, names.fingerprint, coalesce(a.n, 0) AS n_a, coalesce(b.n, 0) AS n_b, "
                + "coalesce(a.total, 0) AS total_a, coalesce(b.total, 0) AS total_b, a.p95 AS p95_a, b.p95 AS p95_b, "
                + "coalesce(b.total, 0) - coalesce(a.total, 0) AS impact "
                + "FROM a FULL OUTER JOIN b USING (checksum) JOIN names USING (checksum) "
                + "ORDER BY abs(impact) DESC, checksum LIMIT ?";
        List<CompareRow> rows = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int i = 1;
            for (Object p : paramsA) {
                ps.setObject(i++, p);
            }
            for (Object p : paramsB) {
                ps.setObject(i++, p);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(compareRow(rs));
                }
            }
        }
        return rows;
    }

    private static CompareRow compareRow(ResultSet rs) throws SQLException {
        long na = rs.getLong("n_a");
        long nb = rs.getLong("n_b");
        double ta = rs.getDouble("total_a");
        double tb = rs.getDouble("total_b");
        Double pa = value(rs, "p95_a");
        Double pb = value(rs, "p95_b");
        return new CompareRow(rs.getString("checksum"), rs.getString("fingerprint"), CompareRow.Status.of(na, nb, ta, tb, pa, pb),
                na, nb, ta, tb, pa, pb, rs.getDouble("impact"));
    }

    @Override
    public List<CompareRow> compareCase(Case c, DigestFilter before, DigestFilter after, int limit) throws Exception {
        List<Object> paramsA = new ArrayList<>();
        List<Object> paramsB = new ArrayList<>();
        String a = where(before, paramsA);
        String b = where(after, paramsB);
        try (Connection conn = c.newConnection()) {
            List<CompareRow> rows = compare(conn, a.isEmpty() ? "true" : a.substring(" WHERE ".length()), paramsA,
                    b.isEmpty() ? "true" : b.substring(" WHERE ".length()), paramsB, limit);
            SavedCompares.save(conn, SavedCompares.label(before, after), rows);
            return rows;
        }
    }

    @Override
    public java.util.Map<String, List<TimelinePoint>> timelines(Case c, List<String> checksums, int buckets) throws Exception {
        java.util.Map<String, List<TimelinePoint>> out = new java.util.LinkedHashMap<>();
        if (checksums.isEmpty()) {
            return out;
        }
        String keys = String.join(", ", java.util.Collections.nCopies(checksums.size(), "?"));
        String sql = "WITH e AS (SELECT checksum, epoch(ts) AS t, query_time FROM " + SlowLogSchema.EVENTS
                + " WHERE ts IS NOT NULL AND checksum IN (" + keys + ")), "
                + "r AS (SELECT min(t) AS lo, greatest((max(t) - min(t)) / ?, 1) AS width FROM e) "
                + "SELECT checksum, least(floor((t - lo) / width), ? - 1)::BIGINT AS b, any_value(lo) AS lo, "
                + "any_value(width) AS width, count(*) AS calls, coalesce(sum(query_time), 0) AS qt_sum, "
                + "coalesce(max(query_time), 0) AS qt_max FROM e, r GROUP BY checksum, b ORDER BY checksum, b";
        try (Connection conn = c.newConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            int i = 1;
            for (String k : checksums) {
                ps.setString(i++, k);
            }
            ps.setDouble(i++, buckets);
            ps.setInt(i, buckets);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double start = rs.getDouble("lo") + rs.getLong("b") * rs.getDouble("width");
                    out.computeIfAbsent(rs.getString("checksum"), k -> new ArrayList<>()).add(new TimelinePoint(
                            java.time.Instant.ofEpochMilli(Math.round(start * 1000)), rs.getLong("calls"),
                            rs.getDouble("qt_sum"), rs.getDouble("qt_max")));
                }
            }
        }
        return out;
    }

    @Override
    public java.util.Optional<dev.triage.plugin.slowlog.application.SavedCompare> lastCompare(Case c) throws Exception {
        try (Connection conn = c.newConnection()) {
            return SavedCompares.last(conn);
        }
    }

    @Override
    public List<DigestRow> digestCase(Case c, DigestQuery query) throws Exception {
        try (Connection conn = c.newConnection()) {
            return digest(conn, query);
        }
    }

    @Override
    public List<TimelinePoint> timelineCase(Case c, DigestGroup group, String key, DigestFilter filter, int buckets) throws Exception {
        try (Connection conn = c.newConnection()) {
            return timeline(conn, group, key, filter, buckets);
        }
    }

    /** Cuts the time range of one class's executions into equal buckets; the range comes from the filtered events. */
    static List<TimelinePoint> timeline(Connection conn, DigestGroup group, String key, DigestFilter filter, int buckets) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        String events = "SELECT epoch(ts) AS t, query_time FROM " + SlowLogSchema.EVENTS
                + (where.isEmpty() ? " WHERE " : where + " AND ") + group.column() + " = ? AND ts IS NOT NULL";
        params.add(key);
        String sql = "WITH e AS (" + events + "), r AS (SELECT min(t) AS lo, greatest((max(t) - min(t)) / ?, 1) AS width FROM e) "
                + "SELECT least(floor((t - lo) / width), ? - 1)::BIGINT AS b, any_value(lo) AS lo, any_value(width) AS width, "
                + "count(*) AS calls, coalesce(sum(query_time), 0) AS qt_sum, coalesce(max(query_time), 0) AS qt_max "
                + "FROM e, r GROUP BY b ORDER BY b";
        List<TimelinePoint> points = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int i = 1;
            for (Object p : params) {
                ps.setObject(i++, p);
            }
            ps.setDouble(i++, buckets);
            ps.setInt(i, buckets);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double start = rs.getDouble("lo") + rs.getLong("b") * rs.getDouble("width");
                    points.add(new TimelinePoint(java.time.Instant.ofEpochMilli(Math.round(start * 1000)), rs.getLong("calls"),
                            rs.getDouble("qt_sum"), rs.getDouble("qt_max")));
                }
            }
        }
        return points;
    }

    /**
     * Ranks the groups of the events table (query classes, or databases, users, hosts, plans): per group count, share of
     * total time, statistics of every attribute, V/M, the query-time histogram, first and last seen, the statement of
     * the slowest execution, and the databases, users, hosts and tables seen.
     */
    static List<DigestRow> digest(Connection conn, DigestQuery query) throws SQLException {
        if (query.group() == DigestGroup.FINGERPRINT && query.filter().equals(DigestFilter.ALL) && summaryIsFresh(conn)) {
            return fromSummary(conn, query);
        }
        return digestEvents(conn, query);
    }

    /** The digest aggregated from the events, never from the summary. */
    static List<DigestRow> digestEvents(Connection conn, DigestQuery query) throws SQLException {
        List<Object> filterParams = new ArrayList<>();
        String where = where(query.filter(), filterParams);
        List<Object> params = new ArrayList<>(filterParams);
        String key = query.group().column();
        String sql = groupsSql(key, query.group() == DigestGroup.FINGERPRINT, where)
                + (query.filter().match() == null ? "" : " WHERE contains(lower(names.fingerprint), lower(?))")
                + " ORDER BY " + orderColumn(query) + " DESC NULLS LAST, calls DESC, group_key LIMIT ?";
        if (query.filter().match() != null) {
            params.add(query.filter().match());
        }
        List<DigestRow> rows = rows(conn, sql, params, query.limit());
        return DigestBreakdown.fill(conn, key, rows, where, filterParams);
    }

    private static String orderColumn(DigestQuery query) {
        return query.order() == DigestOrder.COUNT ? "calls"
                : query.attribute().prefix() + "_" + query.order().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The statistics of every group of the events under a filter, with the fingerprint of the group's (top) class. */
    private static String groupsSql(String key, boolean classes, String where) {
        StringBuilder stats = new StringBuilder();
        for (DigestAttribute a : DigestAttribute.values()) {
            stats.append(stats(a.column(), a.prefix())).append(", ");
        }
        // A one-off digest stores a class's fingerprint on its first row only, so names come from all rows, unfiltered.
        return "WITH names AS (SELECT checksum, any_value(fingerprint) AS fingerprint FROM " + SlowLogSchema.EVENTS
                + " WHERE fingerprint IS NOT NULL GROUP BY checksum), "
                + "groups AS (SELECT " + key + " AS group_key, count(*) AS calls, "
                + "coalesce(sum(query_time) / nullif(sum(sum(query_time)) OVER (), 0), 0) AS share, " + stats
                + "var_pop(query_time) / nullif(avg(query_time), 0) AS vm, " + histogram()
                + "min(ts) AS first_seen, max(ts) AS last_seen, "
                + "arg_max(checksum, coalesce(query_time, -1)) AS top_class, "
                + "arg_max(statement, coalesce(query_time, -1)) FILTER (WHERE statement IS NOT NULL) AS sample "
                + "FROM " + SlowLogSchema.EVENTS + where + " GROUP BY " + key + ") "
                + "SELECT groups.*, names.fingerprint FROM groups JOIN names ON names.checksum = "
                + (classes ? "groups.group_key" : "groups.top_class");
    }

    private static List<DigestRow> rows(Connection conn, String sql, List<Object> params, int limit) throws SQLException {
        List<DigestRow> rows = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int i = 1;
            for (Object p : params) {
                ps.setObject(i++, p);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Long> histogram = new ArrayList<>();
                    for (int b = 0; b < DigestRow.BUCKETS.size(); b++) {
                        histogram.add(rs.getLong("h" + b));
                    }
                    String fingerprint = rs.getString("fingerprint");
                    rows.add(new DigestRow(rows.size() + 1, rs.getString("group_key"), fingerprint,
                            rs.getLong("calls"), rs.getDouble("share"), stats(rs, "qt"), stats(rs, "lt"), stats(rs, "rs"),
                            stats(rs, "re"), stats(rs, "qs"), value(rs, "vm"), histogram,
                            time(rs.getObject("first_seen", LocalDateTime.class)), time(rs.getObject("last_seen", LocalDateTime.class)),
                            cut(rs.getString("sample")), List.of(), List.of(), List.of(), TableNames.of(fingerprint)));
                }
            }
        }
        return rows;
    }

    /** The class summary written at import: every class of the case unfiltered, and the events it was made of. */
    static final String SUMMARY = "slowlog_summary";
    static final String SUMMARY_BREAKDOWN = "slowlog_summary_breakdown";
    static final String SUMMARY_EVENTS = "slowlog_summary_events";

    /**
     * Writes the unfiltered class digest of all events (statistics per class and their top databases, users and hosts)
     * into summary tables, so that reopening a case shows its digest without aggregating the events again. Called at
     * the end of every import, inside its transaction; the summary is used only while the number of events it was made
     * of is still the number in the events table.
     */
    static void writeSummary(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE " + SUMMARY + " AS " + groupsSql(DigestGroup.FINGERPRINT.column(), true, ""));
            st.execute("CREATE OR REPLACE TABLE " + SUMMARY_BREAKDOWN + " AS "
                    + DigestBreakdown.rankedSql(DigestGroup.FINGERPRINT.column(), ""));
            st.execute("CREATE OR REPLACE TABLE " + SUMMARY_EVENTS + " AS SELECT count(*) AS events FROM " + SlowLogSchema.EVENTS);
        }
    }

    /** Whether the summary exists and was made of the events the case holds now. */
    static boolean summaryIsFresh(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE table_name = '" + SUMMARY_EVENTS + "'")) {
            if (!rs.next() || rs.getLong(1) == 0) {
                return false;
            }
        }
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT max(events) FROM " + SUMMARY_EVENTS + ") = (SELECT count(*) FROM "
                     + SlowLogSchema.EVENTS + ")")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** The unfiltered class digest read from the summary tables, in any order. */
    static List<DigestRow> fromSummary(Connection conn, DigestQuery query) throws SQLException {
        List<DigestRow> rows = rows(conn, "SELECT * FROM " + SUMMARY + " ORDER BY " + orderColumn(query)
                + " DESC NULLS LAST, calls DESC, group_key LIMIT ?", List.of(), query.limit());
        return DigestBreakdown.fillFromSummary(conn, SUMMARY_BREAKDOWN, rows);
    }

    /** pt-query-digest's query-time buckets, each a power of ten wide; the first also holds anything faster. */
    private static String histogram() {
        StringBuilder sb = new StringBuilder();
        int buckets = DigestRow.BUCKETS.size();
        for (int b = 0; b < buckets; b++) {
            String lower = b == 0 ? null : "1e" + (b - 6);
            String upper = b == buckets - 1 ? null : "1e" + (b - 5);
            sb.append("count(*) FILTER (WHERE query_time IS NOT NULL")
                    .append(lower == null ? "" : " AND query_time >= " + lower)
                    .append(upper == null ? "" : " AND query_time < " + upper).append(") AS h").append(b).append(", ");
        }
        return sb.toString();
    }

    private static String where(DigestFilter f, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (f.since() != null) {
            conditions.add("ts >= ?");
            params.add(LocalDateTime.ofInstant(f.since(), ZoneOffset.UTC));
        }
        if (f.until() != null) {
            conditions.add("ts < ?");
            params.add(LocalDateTime.ofInstant(f.until(), ZoneOffset.UTC));
        }
        if (f.db() != null) {
            conditions.add("db = ?");
            params.add(f.db());
        }
        if (f.user() != null) {
            conditions.add("user_name = ?");
            params.add(f.user());
        }
        if (f.host() != null) {
            conditions.add("host = ?");
            params.add(f.host());
        }
        if (f.minQueryTime() != null) {
            conditions.add("query_time >= ?");
            params.add(f.minQueryTime());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Samples longer than this are cut for display (a 50 MB multi-row INSERT is no sample to print). */
    static final int MAX_SAMPLE = 4096;

    static String cut(String sample) {
        if (sample == null || sample.length() <= MAX_SAMPLE) {
            return sample;
        }
        return sample.substring(0, MAX_SAMPLE) + " /* ... " + (sample.length() - MAX_SAMPLE) + " more characters */";
    }

    private static String stats(String column, String prefix) {
        return "sum(" + column + ")::DOUBLE AS " + prefix + "_sum, min(" + column + ")::DOUBLE AS " + prefix + "_min, max("
                + column + ")::DOUBLE AS " + prefix + "_max, avg(" + column + ")::DOUBLE AS " + prefix + "_avg, quantile_cont("
                + column + ", 0.95)::DOUBLE AS " + prefix + "_p95, quantile_cont(" + column + ", 0.5)::DOUBLE AS " + prefix
                + "_median, stddev_pop(" + column + ")::DOUBLE AS " + prefix + "_stddev";
    }

    private static DigestRow.Stats stats(ResultSet rs, String prefix) throws SQLException {
        return new DigestRow.Stats(value(rs, prefix + "_sum"), value(rs, prefix + "_min"), value(rs, prefix + "_max"),
                value(rs, prefix + "_avg"), value(rs, prefix + "_p95"), value(rs, prefix + "_median"), value(rs, prefix + "_stddev"));
    }

    private static Double value(ResultSet rs, String column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }

    private static String time(LocalDateTime ts) {
        return ts == null ? null : ts.atOffset(ZoneOffset.UTC).toInstant().toString();
    }
}
