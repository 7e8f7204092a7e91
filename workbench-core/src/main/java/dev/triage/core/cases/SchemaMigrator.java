package dev.triage.core.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies each component's pending migrations to a case database, one transaction per migration, recording versions. */
public final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final String TABLE = "triage_schema_version";

    private SchemaMigrator() {
    }

    /**
     * Brings every component up to its newest version.
     *
     * @param connection the case database
     * @param all the components' migrations
     * @throws CaseException when a migration fails or the case was written by a newer Triage
     */
    public static void migrate(Connection connection, Collection<SchemaMigrations> all) throws CaseException {
        try {
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                        + " (component VARCHAR, version INTEGER, description VARCHAR, applied_at TIMESTAMP DEFAULT now(),"
                        + " PRIMARY KEY (component, version))");
            }
            // refuse a case from a newer Triage before changing anything, so that it stays as that version left it
            for (SchemaMigrations m : all) {
                refuseNewer(connection, m);
            }
            for (SchemaMigrations m : all) {
                migrate(connection, m);
            }
        } catch (SQLException e) {
            throw new CaseException("Cannot prepare the case database: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the version a component's tables are at.
     *
     * @param connection the case database
     * @param component the component
     * @return the newest applied version, 0 when none
     * @throws SQLException when the version table cannot be read
     */
    public static int currentVersion(Connection connection, String component) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT coalesce(max(version), 0) FROM " + TABLE + " WHERE component = ?")) {
            ps.setString(1, component);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void refuseNewer(Connection connection, SchemaMigrations m) throws CaseException, SQLException {
        int current = currentVersion(connection, m.component());
        if (current > m.migrations().size()) {
            throw new CaseException("The case's tables of '" + m.component() + "' are at version " + current
                    + ", newer than this Triage knows (" + m.migrations().size() + "): update Triage; the case was not changed", null);
        }
    }

    private static void migrate(Connection connection, SchemaMigrations m) throws CaseException, SQLException {
        int current = currentVersion(connection, m.component());
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (Migration step : m.migrations().subList(current, m.migrations().size())) {
                try {
                    step.action().apply(connection);
                    try (PreparedStatement ps = connection.prepareStatement(
                            "INSERT INTO " + TABLE + " (component, version, description) VALUES (?, ?, ?)")) {
                        ps.setString(1, m.component());
                        ps.setInt(2, step.version());
                        ps.setString(3, step.description());
                        ps.executeUpdate();
                    }
                    connection.commit();
                    LOG.info("Migrated '{}' to version {}: {}", m.component(), step.version(), step.description());
                } catch (SQLException | RuntimeException e) {
                    try {
                        connection.rollback();
                    } catch (SQLException rollback) {
                        e.addSuppressed(rollback);
                    }
                    throw new CaseException("Migration " + step.version() + " of '" + m.component() + "' ("
                            + step.description() + ") failed: " + e.getMessage(), e);
                }
            }
        } finally {
            connection.setAutoCommit(auto);
        }
    }
}
