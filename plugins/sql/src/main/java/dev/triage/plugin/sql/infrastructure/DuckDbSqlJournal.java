package dev.triage.plugin.sql.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.Migration;
import dev.triage.core.cases.SchemaMigrations;
import dev.triage.plugin.sql.application.AuditEntry;
import dev.triage.plugin.sql.application.SqlJournal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit log ({@code sql_audit}) and per-connection history ({@code sql_history}) in the case's DuckDB. */
public final class DuckDbSqlJournal implements SqlJournal {

    /** Version 1: audit and history tables. */
    public static final SchemaMigrations MIGRATIONS = SchemaMigrations.of("sql",
            Migration.sql(1, "SQL editor audit log and history",
                    "CREATE TABLE sql_audit (ran_at TIMESTAMP, target VARCHAR, statement VARCHAR, row_count BIGINT, outcome VARCHAR)",
                    "CREATE TABLE sql_history (ran_at TIMESTAMP, target VARCHAR, statement VARCHAR)"));

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbSqlJournal.class);

    private final Case kase;

    /**
     * Creates the journal of a case.
     *
     * @param kase the open case
     */
    public DuckDbSqlJournal(Case kase) {
        this.kase = kase;
    }

    @Override
    public void audit(AuditEntry e) {
        try (Connection c = kase.newConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO sql_audit VALUES (?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.valueOf(e.at().atOffset(ZoneOffset.UTC).toLocalDateTime()));
            ps.setString(2, e.target());
            ps.setString(3, e.statement());
            ps.setLong(4, e.rows());
            ps.setString(5, e.outcome());
            ps.executeUpdate();
        } catch (SQLException x) {
            LOG.warn("Could not write the SQL audit log of case {}: {}", kase.folder(), x.getMessage());
        }
    }

    @Override
    public List<AuditEntry> audits(int limit) {
        List<AuditEntry> out = new ArrayList<>();
        try (Connection c = kase.newConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM sql_audit ORDER BY ran_at DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getTimestamp(1).toLocalDateTime().toInstant(ZoneOffset.UTC), rs.getString(2),
                            rs.getString(3), rs.getLong(4), rs.getString(5)));
                }
            }
        } catch (SQLException x) {
            LOG.warn("Could not read the SQL audit log of case {}: {}", kase.folder(), x.getMessage());
        }
        return out;
    }

    @Override
    public void remember(String target, String statement) {
        try (Connection c = kase.newConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO sql_history VALUES (now(), ?, ?)")) {
            ps.setString(1, target);
            ps.setString(2, statement);
            ps.executeUpdate();
        } catch (SQLException x) {
            LOG.warn("Could not write the SQL history of case {}: {}", kase.folder(), x.getMessage());
        }
    }

    @Override
    public List<String> history(String target, String contains, int limit) {
        List<String> out = new ArrayList<>();
        try (Connection c = kase.newConnection();
             PreparedStatement ps = c.prepareStatement("SELECT statement, max(ran_at) AS last FROM sql_history WHERE target = ? "
                     + "AND statement ILIKE ? GROUP BY statement ORDER BY last DESC LIMIT ?")) {
            ps.setString(1, target);
            ps.setString(2, "%" + contains.replace("%", "\\%").replace("_", "\\_") + "%");
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException x) {
            LOG.warn("Could not read the SQL history of case {}: {}", kase.folder(), x.getMessage());
        }
        return out;
    }
}
