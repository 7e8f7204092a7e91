package dev.triage.core.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.core.cases.Case;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Saves and lists the findings of a case in its {@code findings} table (created by the core schema, version 2).
 * Times are kept to the microsecond, as DuckDB stores them.
 */
public final class FindingStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "severity, title, evidence, suggestion, plugin_id, target, found_at";

    private final Case owner;

    /**
     * Creates a store over a case's database.
     *
     * @param owner the open case
     */
    public FindingStore(Case owner) {
        this.owner = owner;
    }

    /**
     * Saves one finding.
     *
     * @param finding the finding
     * @throws SQLException when the case database cannot be written
     */
    public void save(Finding finding) throws SQLException {
        saveAll(List.of(finding));
    }

    /**
     * Saves findings together: all of them are kept, or none when one fails.
     *
     * @param findings the findings
     * @throws SQLException when the case database cannot be written
     */
    public void saveAll(Collection<Finding> findings) throws SQLException {
        write(null, null, findings);
    }

    /**
     * Replaces what a plugin found on a target with new findings, as when a diagnostic runs again; all or nothing.
     *
     * @param pluginId the plugin whose earlier findings on the target are removed
     * @param target the target, as in {@link FindingSource#target()}
     * @param findings the new findings
     * @throws SQLException when the case database cannot be written
     */
    public void replace(String pluginId, String target, Collection<Finding> findings) throws SQLException {
        write(pluginId, target == null ? "" : target, findings);
    }

    private void write(String deletePlugin, String deleteTarget, Collection<Finding> findings) throws SQLException {
        try (Connection c = owner.newConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM findings WHERE plugin_id = ? AND target = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO findings (id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                if (deletePlugin != null) {
                    delete.setString(1, deletePlugin);
                    delete.setString(2, deleteTarget);
                    delete.executeUpdate();
                }
                for (Finding f : findings) {
                    bind(insert, f);
                    insert.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Lists every finding of the case, most serious first, then oldest first, then by title.
     *
     * @return the findings
     * @throws SQLException when the case database cannot be read
     */
    public List<Finding> list() throws SQLException {
        return query("", null);
    }

    /**
     * Lists the findings at or above a severity, in the same order as {@link #list()}.
     *
     * @param atLeast the lowest severity to include
     * @return the findings
     * @throws SQLException when the case database cannot be read
     */
    public List<Finding> list(Severity atLeast) throws SQLException {
        return query(" WHERE severity >= CAST(? AS finding_severity)", atLeast.name());
    }

    private List<Finding> query(String where, String parameter) throws SQLException {
        List<Finding> out = new ArrayList<>();
        try (Connection c = owner.newConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM findings" + where + " ORDER BY severity DESC, found_at, title")) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    private static void bind(PreparedStatement ps, Finding f) throws SQLException {
        ps.setString(1, UUID.randomUUID().toString());
        ps.setString(2, f.severity().name());
        ps.setString(3, f.title());
        ps.setString(4, evidenceJson(f.evidence()));
        ps.setString(5, f.suggestion());
        ps.setString(6, f.source().pluginId());
        ps.setString(7, f.source().target());
        ps.setObject(8, f.source().time().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
    }

    private static Finding read(ResultSet rs) throws SQLException {
        Instant time = rs.getObject(7, OffsetDateTime.class).toInstant();
        FindingSource source = new FindingSource(rs.getString(5), rs.getString(6), time);
        return new Finding(Severity.valueOf(rs.getString(1)), rs.getString(2), evidence(rs.getString(3)), rs.getString(4), source);
    }

    private static String evidenceJson(List<Evidence> evidence) {
        return FindingJson.evidenceToJson(evidence).toString();
    }

    private static List<Evidence> evidence(String json) throws SQLException {
        try {
            return FindingJson.evidenceFromJson(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new SQLException("The findings table holds unreadable evidence: " + e.getOriginalMessage(), e);
        }
    }
}
