package dev.triage.plugin.slowlog.infrastructure;

import dev.triage.plugin.slowlog.application.CompareRow;
import dev.triage.plugin.slowlog.application.DigestFilter;
import dev.triage.plugin.slowlog.application.SavedCompare;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps the last comparison of a case in its database, replacing the one before, so the report can show it. */
final class SavedCompares {

    private SavedCompares() {
    }

    static String label(DigestFilter before, DigestFilter after) {
        return window(before) + " vs " + window(after);
    }

    private static String window(DigestFilter f) {
        return (f.since() == null ? "start" : f.since().toString()) + ".." + (f.until() == null ? "end" : f.until().toString());
    }

    static void save(Connection conn, String label, List<CompareRow> rows) throws SQLException {
        boolean auto = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement();
             PreparedStatement ps = conn.prepareStatement("INSERT INTO " + SlowLogSchema.COMPARES
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.execute("DELETE FROM " + SlowLogSchema.COMPARES);
            LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
            int pos = 0;
            for (CompareRow r : rows) {
                ps.setObject(1, now);
                ps.setString(2, label);
                ps.setInt(3, pos++);
                ps.setString(4, r.checksum());
                ps.setString(5, r.fingerprint());
                ps.setString(6, r.status().name());
                ps.setLong(7, r.countA());
                ps.setLong(8, r.countB());
                ps.setDouble(9, r.totalA());
                ps.setDouble(10, r.totalB());
                ps.setObject(11, r.p95A());
                ps.setObject(12, r.p95B());
                ps.setDouble(13, r.impact());
                ps.addBatch();
            }
            ps.executeBatch();
            conn.commit();
        } catch (SQLException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(auto);
        }
    }

    static Optional<SavedCompare> last(Connection conn) throws SQLException {
        List<CompareRow> rows = new ArrayList<>();
        String label = null;
        String madeAt = null;
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + SlowLogSchema.COMPARES + " ORDER BY pos")) {
            while (rs.next()) {
                label = rs.getString("label");
                madeAt = rs.getObject("made_at", LocalDateTime.class).atOffset(ZoneOffset.UTC).toInstant().toString();
                double p95a = rs.getDouble("p95_a");
                Double pa = rs.wasNull() ? null : p95a;
                double p95b = rs.getDouble("p95_b");
                Double pb = rs.wasNull() ? null : p95b;
                rows.add(new CompareRow(rs.getString("checksum"), rs.getString("fingerprint"),
                        CompareRow.Status.valueOf(rs.getString("status")), rs.getLong("n_a"), rs.getLong("n_b"),
                        rs.getDouble("total_a"), rs.getDouble("total_b"), pa, pb, rs.getDouble("impact")));
            }
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(new SavedCompare(label, madeAt, rows));
    }
}
