package dev.triage.plugin.sql.application;

import java.util.List;
import java.util.Map;

/** One open connection to a target, as the editor uses it; implementations keep JDBC out of the application layer. */
public interface SqlSession extends AutoCloseable {

    /**
     * Returns the name of the target, for the audit log and titles.
     *
     * @return the target name
     */
    String target();

    /**
     * Tells whether the target is a live server (audited) rather than the case's own DuckDB.
     *
     * @return true for a live server
     */
    boolean live();

    /**
     * Tells whether writes are refused by the session (the driver's read-only mode).
     *
     * @return true when read-only
     */
    boolean readOnly();

    /**
     * Switches the driver's read-only mode, for a confirmed write on a production target.
     *
     * @param readOnly the mode
     * @throws Exception when the driver refuses
     */
    void readOnly(boolean readOnly) throws Exception;

    /**
     * Runs one statement; result sets are fetched in pages of fetchSize.
     *
     * @param sql the statement
     * @param fetchSize rows per round trip
     * @return the result
     * @throws Exception when the statement fails or is cancelled
     */
    StatementResult execute(String sql, int fetchSize) throws Exception;

    /**
     * Runs one query streaming its rows as the server produces them (the first page comes at once, however large the
     * result); the session's next statement closes the stream, so it suits a single statement, not a script.
     *
     * @param sql the statement
     * @return the result
     * @throws Exception when the statement fails or is cancelled
     */
    default StatementResult executeStreaming(String sql) throws Exception {
        return execute(sql, 1000);
    }

    /**
     * Runs one query of a script so that its first page comes at once and its result stays readable while the session runs
     * the script's next statements: a MySQL-protocol session streams it on a reader connection of its own when nothing in
     * the session (user variables, temporary tables, SET, an open transaction) could make that reader see other data, and
     * otherwise falls back to {@link #execute(String, int)} (a server-side cursor, which the server fills before the first row).
     *
     * @param sql the statement
     * @param fetchSize rows per round trip for the fallback
     * @return the result
     * @throws Exception when the statement fails or is cancelled
     */
    default StatementResult executeDetached(String sql, int fetchSize) throws Exception {
        return execute(sql, fetchSize);
    }

    /**
     * Runs one statement and streams its first result set row by row, for a full export.
     *
     * @param sql the statement
     * @return the cursor
     * @throws Exception when the statement fails
     */
    ResultCursor stream(String sql) throws Exception;

    /**
     * Cancels the running statement: the driver's cancel first, then KILL QUERY from a second connection.
     *
     * @throws Exception when neither works
     */
    void cancel() throws Exception;

    /**
     * Returns whether each statement commits on its own.
     *
     * @return the autocommit mode
     * @throws Exception when the connection is closed
     */
    boolean autoCommit() throws Exception;

    /**
     * Sets autocommit or manual transactions.
     *
     * @param on true for autocommit
     * @throws Exception when the connection is closed
     */
    void autoCommit(boolean on) throws Exception;

    /**
     * Commits the open transaction.
     *
     * @throws Exception when the commit fails
     */
    void commit() throws Exception;

    /**
     * Rolls back the open transaction.
     *
     * @throws Exception when the rollback fails
     */
    void rollback() throws Exception;

    /**
     * Runs a small query fully (schema browser, EXPLAIN) and returns its rows by column label.
     *
     * @param sql the query
     * @return the rows
     * @throws Exception when it fails
     */
    List<Map<String, String>> rows(String sql) throws Exception;

    /**
     * Returns the schemas (databases) of the target.
     *
     * @return the names
     * @throws Exception when they cannot be read
     */
    List<String> schemas() throws Exception;

    /**
     * Returns the tables of a schema.
     *
     * @param schema the schema
     * @return the names
     * @throws Exception when they cannot be read
     */
    List<String> tables(String schema) throws Exception;

    /**
     * Returns a table's columns as name and type.
     *
     * @param schema the schema
     * @param table the table
     * @return column descriptions such as {@code id BIGINT}
     * @throws Exception when they cannot be read
     */
    List<String> columns(String schema, String table) throws Exception;

    /**
     * Returns a table's indexes as name and columns.
     *
     * @param schema the schema
     * @param table the table
     * @return index descriptions such as {@code PRIMARY (id)}
     * @throws Exception when they cannot be read
     */
    List<String> indexes(String schema, String table) throws Exception;

    /**
     * Returns the optimizer's estimate of a table's row count.
     *
     * @param schema the schema
     * @param table the table
     * @return the estimate, or -1 when unknown
     * @throws Exception when it cannot be read
     */
    default long rowEstimate(String schema, String table) throws Exception {
        return -1;
    }

    /**
     * Returns a table's CREATE statement.
     *
     * @param schema the schema
     * @param table the table
     * @return the DDL
     * @throws Exception when it cannot be read
     */
    String ddl(String schema, String table) throws Exception;

    @Override
    void close();
}
