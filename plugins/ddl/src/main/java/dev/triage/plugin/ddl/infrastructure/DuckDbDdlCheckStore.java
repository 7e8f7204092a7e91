package dev.triage.plugin.ddl.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.Migration;
import dev.triage.core.cases.SchemaMigrations;
import dev.triage.plugin.ddl.api.DdlCheckResult;
import dev.triage.plugin.ddl.api.DdlStatementCheck;
import dev.triage.plugin.ddl.application.DdlCheckStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The checks made in a case, in its DuckDB table {@code ddl_checks}. */
public final class DuckDbDdlCheckStore implements DdlCheckStore {

    /** Version 1: one row per checked statement. */
    public static final SchemaMigrations MIGRATIONS = SchemaMigrations.of("ddl", Migration.sql(1, "checked DDL statements",
            "CREATE TABLE ddl_checks (checked_at TIMESTAMP, dialect VARCHAR, line INTEGER, statement VARCHAR, verdict VARCHAR, "
                    + "reasons VARCHAR)"));

    @Override
    public void save(Case c, DdlCheckResult result, String dialect, Instant at) throws Exception {
        try (Connection conn = c.newConnection();
             PreparedStatement ps = conn.prepareStatement("INSERT INTO ddl_checks VALUES (?, ?, ?, ?, ?, ?)")) {
            for (DdlStatementCheck s : result.statements()) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setString(2, dialect);
                ps.setInt(3, s.line());
                ps.setString(4, s.statement());
                ps.setString(5, s.verdict().name());
                ps.setString(6, s.reasons().stream().map(r -> (r.table().isEmpty() ? "" : r.table()
                        + (r.column().isEmpty() ? "" : "." + r.column()) + ": ") + r.message()).collect(Collectors.joining("\n")));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public List<StoredCheck> load(Case c) throws Exception {
        List<StoredCheck> out = new ArrayList<>();
        try (Connection conn = c.newConnection();
             PreparedStatement ps = conn.prepareStatement("SELECT checked_at, dialect, line, statement, verdict, reasons FROM ddl_checks "
                     + "ORDER BY checked_at, line");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredCheck(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)));
            }
        }
        return out;
    }
}
