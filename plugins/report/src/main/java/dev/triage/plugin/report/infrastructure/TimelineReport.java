package dev.triage.plugin.report.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.Severity;
import dev.triage.core.report.Block;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Contributes the incident timeline: findings (warning and above), log facts and the slow log's busiest minutes, in
 * time order, from whichever of these tables the case holds.
 */
public final class TimelineReport implements ReportContributor {

    private static final int MAX_ROWS = 60;

    private final String title;
    private final List<String> headers;

    /**
     * Creates the contributor.
     *
     * @param title the section title
     * @param headers the table headers: time, source, event
     */
    public TimelineReport(String title, List<String> headers) {
        this.title = title;
        this.headers = List.copyOf(headers);
    }

    @Override
    public String name() {
        return title;
    }

    /** One timeline row. */
    private record Event(Instant at, String source, String text) {
    }

    @Override
    public List<ReportSection> contribute(ReportRequest request) throws Exception {
        List<Event> events = new ArrayList<>();
        for (Finding f : request.findings().list(Severity.WARNING)) {
            events.add(new Event(f.source().time(), f.source().pluginId(), "[" + f.severity() + "] " + f.title()));
        }
        Case c = request.currentCase();
        Set<String> tables = tables(c);
        if (tables.contains("logs_facts")) {
            query(c, "SELECT make_timestamp(ts_us), rule, coalesce(text, rule) FROM logs_facts WHERE ts_us IS NOT NULL ORDER BY ts_us LIMIT "
                    + MAX_ROWS, events);
        }
        if (tables.contains("slowlog_events")) {
            query(c, "SELECT date_trunc('minute', ts), 'slowlog', count(*) || ' slow queries, ' || round(sum(query_time), 1) || ' s in total'"
                    + " FROM slowlog_events WHERE ts IS NOT NULL GROUP BY 1 ORDER BY sum(query_time) DESC LIMIT 5", events);
        }
        if (events.isEmpty()) {
            return List.of();
        }
        events.sort(Comparator.comparing(Event::at));
        List<List<String>> rows = events.stream().limit(MAX_ROWS).map(e -> List.of(e.at().toString(), e.source(), e.text())).toList();
        return List.of(ReportSection.of(title, new Block.Table(headers, rows)));
    }

    private static void query(Case c, String sql, List<Event> out) throws SQLException {
        try (Connection conn = c.newConnection(); Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Object t = rs.getObject(1);
                Instant at = t instanceof OffsetDateTime o ? o.toInstant()
                        : t instanceof java.time.LocalDateTime l ? l.toInstant(java.time.ZoneOffset.UTC)
                        : t instanceof java.sql.Timestamp ts ? ts.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC) : null;
                if (at != null) {
                    out.add(new Event(at, rs.getString(2), rs.getString(3)));
                }
            }
        }
    }

    private static Set<String> tables(Case c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Connection conn = c.newConnection(); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT lower(table_name) FROM information_schema.tables")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
