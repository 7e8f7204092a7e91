package dev.triage.core.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * One versioned change to a component's tables in the case database.
 *
 * @param version the schema version this migration brings the component to (1, 2, 3...)
 * @param description what it changes
 * @param action the change, run inside a transaction
 */
public record Migration(int version, String description, Action action) {

    /** A change applied to the case database. */
    @FunctionalInterface
    public interface Action {

        /**
         * Applies the change.
         *
         * @param connection the case database, in a transaction
         * @throws SQLException when the change fails; the transaction is then rolled back
         */
        void apply(Connection connection) throws SQLException;
    }

    /**
     * Makes a migration from SQL statements run in order.
     *
     * @param version the version it brings the component to
     * @param description what it changes
     * @param statements the SQL
     * @return the migration
     */
    public static Migration sql(int version, String description, String... statements) {
        List<String> sql = List.of(statements);
        return new Migration(version, description, c -> {
            try (Statement st = c.createStatement()) {
                for (String s : sql) {
                    st.execute(s);
                }
            }
        });
    }
}
