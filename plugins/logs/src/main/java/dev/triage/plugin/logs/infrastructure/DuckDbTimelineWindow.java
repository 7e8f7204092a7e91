package dev.triage.plugin.logs.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.plugin.logs.application.TimelineArgs;
import dev.triage.plugin.logs.application.TimelineRow;
import dev.triage.plugin.logs.application.TimelineWindow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The filtered timeline numbered once in time order: a temporary table of (row number, file, line) on a connection of
 * its own, so a page is a range of row numbers joined back to the entries, without sorting again or keeping rows in the heap.
 */
final class DuckDbTimelineWindow implements TimelineWindow {

    private final Connection conn;
    private final ZoneId zone;
    private final long size;

    private DuckDbTimelineWindow(Connection conn, ZoneId zone, long size) {
        this.conn = conn;
        this.zone = zone;
        this.size = size;
    }

    static DuckDbTimelineWindow open(Case c, TimelineArgs args) throws SQLException {
        Connection conn = c.newConnection();
        try {
            ZoneId zone = LogImporter.caseZone(conn);
            List<Object> params = new ArrayList<>();
            String where = DuckDbLogQueries.filters(args, zone, params);
            try (PreparedStatement ps = conn.prepareStatement("CREATE OR REPLACE TEMP TABLE logs_window AS SELECT"
                    + " (row_number() OVER (ORDER BY e.ts_us, e.file_id, e.line) - 1)::BIGINT AS rn, e.ts_us, e.file_id, e.line"
                    + " FROM logs_entries e WHERE e.ts_us IS NOT NULL" + where + " ORDER BY rn")) {
                DuckDbLogQueries.bind(ps, params);
                ps.execute();
            }
            long size;
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM logs_window")) {
                rs.next();
                size = rs.getLong(1);
            }
            return new DuckDbTimelineWindow(conn, zone, size);
        } catch (SQLException | RuntimeException e) {
            conn.close();
            throw e;
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public synchronized List<TimelineRow> rows(long from, int count) throws SQLException {
        List<TimelineRow> out = new ArrayList<>(count);
        try (PreparedStatement ps = conn.prepareStatement("SELECT w.ts_us, w.file_id, f.name, w.line, e.line_count, e.level, e.message"
                + " FROM (SELECT * FROM logs_window WHERE rn >= ? AND rn < ?) w"
                + " JOIN logs_entries e ON e.file_id = w.file_id AND e.line = w.line JOIN logs_files f ON f.file_id = w.file_id ORDER BY w.rn")) {
            ps.setLong(1, from);
            ps.setLong(2, from + count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long ts = rs.getLong(1);
                    out.add(new TimelineRow(ts, DuckDbLogQueries.shown(ts, zone), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                            rs.getString(6), FactExtractor.firstLine(rs.getString(7))));
                }
            }
        }
        return out;
    }

    @Override
    public synchronized long positionOf(long micros) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT min(rn) FROM logs_window WHERE ts_us >= ?")) {
            ps.setLong(1, micros);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1) == null ? size : rs.getLong(1);
            }
        }
    }

    @Override
    public synchronized long positionOfLine(String fileName, long line) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT w.rn FROM logs_window w JOIN logs_files f ON f.file_id = w.file_id"
                + " WHERE f.name = ? AND w.line <= ? ORDER BY w.line DESC LIMIT 1")) {
            ps.setString(1, fileName);
            ps.setLong(2, line);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            // Closing a connection of a closed case: nothing left to release.
        }
    }
}
