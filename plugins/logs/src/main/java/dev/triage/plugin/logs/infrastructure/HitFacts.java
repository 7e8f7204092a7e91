package dev.triage.plugin.logs.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.Migration;
import dev.triage.core.cases.SchemaMigrations;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.logs.application.FactCount;
import dev.triage.plugin.logs.application.FactRow;
import dev.triage.plugin.logs.application.Hit;
import dev.triage.plugin.logs.application.HitFactsArgs;
import dev.triage.plugin.logs.application.HitFactsResult;
import dev.triage.plugin.logs.application.SearchResult;
import dev.triage.plugin.logs.domain.FactRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Facts from the hits of a search rather than whole files: runs the search, applies the fact rules (shipped and the case's)
 * to each hit line and keeps the facts in {@code logs_hit_facts} under the search's id, counted per rule and file in DuckDB.
 */
public final class HitFacts {

    /** Its own schema component, so it never collides with the logs tables' own migrations. */
    public static final SchemaMigrations MIGRATIONS = SchemaMigrations.of("logs-hit-facts", Migration.sql(1, "facts of search hits",
            "CREATE TABLE logs_hit_facts (search_id VARCHAR, query VARCHAR, file_id INTEGER, line BIGINT, time VARCHAR, rule VARCHAR,"
                    + " severity VARCHAR, fields VARCHAR, text VARCHAR, created TIMESTAMP)"));

    private final LogSearcher searcher;

    /**
     * Creates the use case over a searcher.
     *
     * @param searcher the log searcher
     */
    public HitFacts(LogSearcher searcher) {
        this.searcher = searcher;
    }

    /**
     * Searches, extracts the facts of the hits and stores them.
     *
     * @param c the case
     * @param a the search and how many facts to list
     * @param ctx cancellation
     * @return counts per rule and file, the first facts and the time the extraction took
     * @throws Exception when the query or a rule file is wrong or the database fails
     */
    public HitFactsResult run(Case c, HitFactsArgs a, TaskContext ctx) throws Exception {
        SearchResult found = searcher.search(c, a.search(), ctx);
        long t0 = System.nanoTime();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        List<FactRule> rules = RuleLoader.forCase(c.folder());
        List<FactRow> facts = extract(rules, found.hits());
        String searchId = UUID.randomUUID().toString();
        List<FactCount> counts = List.of();
        if (!facts.isEmpty()) {
            try (Connection conn = c.newConnection()) {
                store(conn, searchId, a.toString(), found.hits(), facts);
                counts = counts(conn, searchId);
            }
        }
        double millis = (System.nanoTime() - t0) / 1e6;
        double cpuMillis = cpu0 < 0 ? -1 : (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
        int limit = a.limit() == null ? 50 : a.limit();
        return new HitFactsResult(searchId, found.hits().size(), found.stats().truncated(), millis, cpuMillis, counts,
                facts.subList(0, Math.min(limit, facts.size())));
    }

    /**
     * Applies every rule to every hit's line.
     *
     * @param rules the fact rules
     * @param hits the search hits
     * @return the facts, in hit order then rule order
     */
    public static List<FactRow> extract(List<FactRule> rules, List<Hit> hits) {
        List<FactRow> out = new ArrayList<>();
        if (rules.isEmpty()) {
            return out;
        }
        // one pass of all rules at once (group names made plain, as two rules may name a group alike) skips the hits
        // no rule matches; only the others are tried rule by rule for their fields
        StringBuilder union = new StringBuilder();
        for (FactRule r : rules) {
            union.append(union.length() == 0 ? "" : "|").append("(?:")
                    .append(r.pattern().replaceAll("\\(\\?P<[A-Za-z_][A-Za-z0-9_]*>", "(")).append(')');
        }
        com.google.re2j.Pattern any = com.google.re2j.Pattern.compile(union.toString());
        for (Hit h : hits) {
            if (!any.matcher(h.text()).find()) {
                continue;
            }
            for (FactRule rule : rules) {
                Map<String, String> fields = rule.match(h.text());
                if (fields != null) {
                    out.add(new FactRow(h.time(), h.file(), h.line(), rule.name(), rule.severity(), Json.object(fields),
                            FactExtractor.firstLine(h.text())));
                }
            }
        }
        return out;
    }

    /** Appends the facts through the DuckDB appender (one batch, far cheaper than row-by-row inserts). */
    private static void store(Connection conn, String searchId, String query, List<Hit> hits, List<FactRow> facts) throws SQLException {
        Map<String, Integer> fileIds = new java.util.HashMap<>();
        hits.forEach(h -> fileIds.put(h.file(), h.fileId()));
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
        try (DuckDBAppender a = conn.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "logs_hit_facts")) {
            for (FactRow f : facts) {
                a.beginRow();
                a.append(searchId);
                a.append(query);
                a.append(fileIds.get(f.file()).intValue());
                a.append(f.line());
                a.append(f.time());
                a.append(f.rule());
                a.append(f.severity());
                a.append(f.fields());
                a.append(f.text());
                a.append(now);
                a.endRow();
            }
        }
    }

    private static List<FactCount> counts(Connection conn, String searchId) throws SQLException {
        List<FactCount> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT x.rule, any_value(x.severity), f.name, count(*), min(x.time), max(x.time)"
                + " FROM logs_hit_facts x JOIN logs_files f USING (file_id) WHERE x.search_id = ? GROUP BY x.rule, f.file_id, f.name"
                + " ORDER BY CASE any_value(x.severity) WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, x.rule, f.file_id")) {
            ps.setString(1, searchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FactCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }
}
