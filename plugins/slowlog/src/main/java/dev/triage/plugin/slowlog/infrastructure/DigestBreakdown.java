package dev.triage.plugin.slowlog.infrastructure;

import dev.triage.plugin.slowlog.application.DigestRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Adds to each digest group the databases, users and hosts its executions came from, most executions first. */
final class DigestBreakdown {

    /** How many values of each breakdown a group keeps. */
    static final int TOP = 5;

    private DigestBreakdown() {
    }

    /** The top values of db, user and host per group key of the events in scope, as columns k, kind, value, n, pos. */
    static String rankedSql(String key, String scope) {
        return "WITH e AS (SELECT " + key + " AS k, db, user_name, host FROM " + SlowLogSchema.EVENTS + scope + "), "
                + "v AS (SELECT k, 'db' AS kind, db AS value, count(*) AS n FROM e WHERE db IS NOT NULL GROUP BY ALL "
                + "UNION ALL SELECT k, 'user', user_name, count(*) FROM e WHERE user_name IS NOT NULL GROUP BY ALL "
                + "UNION ALL SELECT k, 'host', host, count(*) FROM e WHERE host IS NOT NULL GROUP BY ALL), "
                + "r AS (SELECT *, row_number() OVER (PARTITION BY k, kind ORDER BY n DESC, value) AS pos FROM v) "
                + "SELECT k, kind, value, n, pos FROM r WHERE pos <= " + TOP;
    }

    /** One query for all groups: the top values of db, user and host per group key, under the digest's filter. */
    static List<DigestRow> fill(Connection conn, String key, List<DigestRow> rows, String where, List<Object> params)
            throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        String keys = String.join(", ", java.util.Collections.nCopies(rows.size(), "?"));
        String scope = (where.isEmpty() ? " WHERE " : where + " AND ") + key + " IN (" + keys + ")";
        return fill(conn, rankedSql(key, scope) + " ORDER BY k, kind, pos", params, rows);
    }

    /** The same from a table written by {@link #rankedSql} beforehand (the case's class summary). */
    static List<DigestRow> fillFromSummary(Connection conn, String table, List<DigestRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        String keys = String.join(", ", java.util.Collections.nCopies(rows.size(), "?"));
        return fill(conn, "SELECT k, kind, value, n FROM " + table + " WHERE k IN (" + keys + ") ORDER BY k, kind, pos",
                List.of(), rows);
    }

    private static List<DigestRow> fill(Connection conn, String sql, List<Object> params, List<DigestRow> rows)
            throws SQLException {
        Map<String, Map<String, List<String>>> found = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int i = 1;
            for (Object p : params) {
                ps.setObject(i++, p);
            }
            for (DigestRow r : rows) {
                ps.setString(i++, r.checksum());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                            .add(rs.getString(3) + " (" + rs.getLong(4) + ")");
                }
            }
        }
        List<DigestRow> out = new ArrayList<>(rows.size());
        for (DigestRow r : rows) {
            Map<String, List<String>> b = found.getOrDefault(r.checksum(), Map.of());
            out.add(r.withBreakdown(b.getOrDefault("db", List.of()), b.getOrDefault("user", List.of()),
                    b.getOrDefault("host", List.of()), r.tables()));
        }
        return out;
    }
}
