package dev.triage.plugin.sql.infrastructure;

import dev.triage.plugin.sql.application.ResultCursor;
import dev.triage.plugin.sql.application.SqlSession;
import dev.triage.plugin.sql.application.StatementResult;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session over JDBC: MySQL protocol (Connector/J with cursor fetch; cancel by the driver then KILL QUERY from a second
 * connection) or the case's DuckDB.
 */
public final class JdbcSqlSession implements SqlSession {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSqlSession.class);

    private final String target;
    private final boolean mysql;
    private final Connection connection;
    private final Callable<Connection> second;
    private final long connectionId;
    private final List<Statement> open = new ArrayList<>();
    private volatile Statement running;
    private volatile boolean afterCancel;
    private volatile JdbcCursor streaming;
    /** Reader connections streaming results of a script, closed with their cursors. */
    private final List<Connection> readers = new ArrayList<>();
    /** Set once a statement may have left session state (variables, temporary tables, SET, locks) a reader would miss. */
    private volatile boolean stateful;

    JdbcSqlSession(String target, boolean mysql, Connection connection, Callable<Connection> second) throws SQLException {
        this.target = target;
        this.mysql = mysql;
        this.connection = connection;
        this.second = second;
        long id = -1;
        if (mysql) {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        this.connectionId = id;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public boolean live() {
        return mysql;
    }

    @Override
    public boolean readOnly() {
        try {
            return !mysql || connection.isReadOnly();
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public void readOnly(boolean readOnly) throws SQLException {
        connection.setReadOnly(readOnly);
    }

    @Override
    public StatementResult execute(String sql, int fetchSize) throws SQLException {
        settle();
        noteState(sql);
        long t0 = System.nanoTime();
        // a prepared statement with a fetch size makes Connector/J open a server-side cursor (useCursorFetch), so
        // several results stay open and only a page at a time crosses the wire
        boolean prepared = mysql && isPreparable(sql);
        Statement st = prepared ? connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)
                : connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        st.setFetchSize(fetchSize);
        running = st;
        boolean keep = false;
        try {
            boolean hasRows = prepared ? ((PreparedStatement) st).execute() : st.execute(sql);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            List<ResultCursor> cursors = new ArrayList<>();
            long count = -1;
            if (hasRows) {
                cursors.add(new JdbcCursor(st.getResultSet(), st));
                keep = true;
            } else {
                count = st.getUpdateCount();
            }
            List<String> warnings = warnings(st.getWarnings());
            if (!hasRows) {
                // further results of a CALL or multi-result statement
                while (st.getMoreResults(Statement.KEEP_CURRENT_RESULT) || st.getUpdateCount() != -1) {
                    if (st.getResultSet() != null) {
                        cursors.add(new JdbcCursor(st.getResultSet(), null));
                        keep = true;
                    }
                }
            }
            synchronized (open) {
                if (keep) {
                    open.add(st);
                }
            }
            return new StatementResult(sql, cursors, count, millis, warnings);
        } finally {
            running = null;
            if (!keep) {
                st.close();
            }
        }
    }

    /**
     * Closes an open stream, and after a cancel probes the session until a query answers normally: a kill can land after
     * the statement it was meant for, and must not hit the user's next statement.
     */
    private void settle() {
        JdbcCursor open = streaming;
        streaming = null;
        if (open != null) {
            open.close();
        }
        if (!afterCancel) {
            return;
        }
        afterCancel = false;
        // a kill can land late (after the cancelled statement ended): probe until a query answers normally
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
                if (rs.next()) {
                    return;
                }
            } catch (SQLException e) {
                LOG.debug("Probe after cancel on {}: {}", target, e.getMessage());
            }
        }
    }

    @Override
    public StatementResult executeStreaming(String sql) throws SQLException {
        if (!mysql || !isPreparable(sql)) {
            return execute(sql, 1000);
        }
        settle();
        noteState(sql);
        long t0 = System.nanoTime();
        Statement st = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        st.setFetchSize(Integer.MIN_VALUE);
        running = st;
        try {
            JdbcCursor c = new JdbcCursor(st.executeQuery(sql), st);
            c.beforeClose(this::stopSending);
            streaming = c;
            return new StatementResult(sql, List.of(c), -1, (System.nanoTime() - t0) / 1_000_000, warnings(st.getWarnings()));
        } catch (SQLException e) {
            st.close();
            throw e;
        } finally {
            running = null;
        }
    }

    /** The most reader connections a session keeps open at once; further results of a script use server-side cursors. */
    static final int MAX_READERS = 8;

    @Override
    public StatementResult executeDetached(String sql, int fetchSize) throws SQLException {
        if (!mysql || !isPreparable(sql) || stateful || touchesSessionState(sql) || !connection.getAutoCommit()
                || readerCount() >= MAX_READERS) {
            return execute(sql, fetchSize);
        }
        settle();
        long t0 = System.nanoTime();
        String database;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
            database = rs.next() ? rs.getString(1) : null;
        }
        Connection reader;
        try {
            reader = second.call();
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException(e.getMessage(), e);
        }
        synchronized (readers) {
            readers.add(reader);
        }
        Statement st = null;
        try {
            if (database != null) {
                reader.setCatalog(database);
            }
            if (readOnly()) {
                reader.setReadOnly(true);
            }
            st = reader.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            // row by row as the server sends them: the first page does not wait for the whole result
            st.setFetchSize(Integer.MIN_VALUE);
            running = st;
            JdbcCursor c = new JdbcCursor(st.executeQuery(sql), st);
            // closing an unread stream would read every remaining row: drop the reader's socket instead
            c.beforeClose(() -> abort(reader));
            c.afterClose(() -> release(reader));
            return new StatementResult(sql, List.of(c), -1, (System.nanoTime() - t0) / 1_000_000, warnings(st.getWarnings()));
        } catch (SQLException e) {
            release(reader);
            throw e;
        } finally {
            running = null;
        }
    }

    /** Counts the reader connections open now. */
    int readerCount() {
        synchronized (readers) {
            return readers.size();
        }
    }

    private void abort(Connection reader) {
        try {
            reader.abort(Runnable::run);
        } catch (SQLException e) {
            LOG.debug("Could not abort a reader connection on {}: {}", target, e.getMessage());
        }
    }

    private void release(Connection reader) {
        synchronized (readers) {
            readers.remove(reader);
        }
        try {
            reader.close();
        } catch (SQLException e) {
            LOG.debug("Closing a reader connection on {} failed: {}", target, e.getMessage());
        }
    }

    /** Remembers when a statement may have changed what a second connection of the same session would see. */
    private void noteState(String sql) {
        if (mysql && !stateful && touchesSessionState(sql)) {
            stateful = true;
        }
    }

    /**
     * Tells whether a statement may set or read session state that another connection does not share: user variables,
     * SET, transactions, locks, temporary tables, prepared statements, procedures.
     */
    static boolean touchesSessionState(String sql) {
        if (sql.indexOf('@') >= 0) {
            return true;
        }
        String s = dev.triage.plugin.sql.domain.StatementSplitter.stripLeadingComments(sql).stripLeading().toUpperCase(java.util.Locale.ROOT)
                .replaceAll("\\s+", " ");
        for (String p : new String[] {"SET", "BEGIN", "START", "LOCK", "UNLOCK", "PREPARE", "EXECUTE", "DEALLOCATE", "DECLARE", "CALL",
                "HANDLER", "XA", "SAVEPOINT", "CREATE TEMPORARY", "DROP TEMPORARY", "/*!"}) {
            if (s.startsWith(p)) {
                return true;
            }
        }
        return s.contains("TEMPORARY") || s.contains("GET_LOCK") || s.contains("LAST_INSERT_ID") || s.contains("FOUND_ROWS")
                || s.contains("CONNECTION_ID");
    }

    /** Stops the server sending the rest of a streamed result, so closing it does not read every remaining row. */
    private void stopSending() {
        try (Connection c = second.call(); Statement kill = c.createStatement()) {
            afterCancel = true;
            kill.execute("KILL QUERY " + connectionId);
        } catch (Exception e) {
            LOG.debug("Could not stop the streamed result on {}: {}", target, e.getMessage());
        }
    }

    private static boolean isPreparable(String sql) {
        String s = dev.triage.plugin.sql.domain.StatementSplitter.stripLeadingComments(sql).stripLeading().toUpperCase(java.util.Locale.ROOT);
        return s.startsWith("SELECT") || s.startsWith("WITH") || s.startsWith("(");
    }

    @Override
    public ResultCursor stream(String sql) throws SQLException {
        settle();
        Statement st = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        // Connector/J streams row by row with Integer.MIN_VALUE; DuckDB streams by chunks anyway
        st.setFetchSize(mysql ? Integer.MIN_VALUE : 2048);
        running = st;
        try {
            JdbcCursor c = new JdbcCursor(st.executeQuery(sql), st, true);
            c.beforeClose(this::stopSending);
            return c;
        } catch (SQLException e) {
            st.close();
            throw e;
        } finally {
            running = null;
        }
    }

    @Override
    public void cancel() throws Exception {
        Statement st = running;
        if (st == null) {
            return;
        }
        afterCancel = mysql;
        try {
            st.cancel();
        } catch (SQLException e) {
            LOG.info("Driver cancel on {} failed ({}); killing the query", target, e.getMessage());
        }
        if (!mysql) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(700);
        while (running == st && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.sleep(20);
        }
        if (running == st) {
            try (Connection c = second.call(); Statement kill = c.createStatement()) {
                // only while the server still runs a query for this session: a late KILL QUERY would hit the next statement
                boolean busy;
                try (ResultSet rs = kill.executeQuery("SELECT COUNT(*) FROM information_schema.processlist WHERE id = " + connectionId
                        + " AND command = 'Query'")) {
                    busy = rs.next() && rs.getInt(1) > 0;
                }
                if (busy && running == st) {
                    LOG.info("Killing the query of session {} on {}", connectionId, target);
                    kill.execute("KILL QUERY " + connectionId);
                }
            }
        }
    }

    @Override
    public boolean autoCommit() throws SQLException {
        return connection.getAutoCommit();
    }

    @Override
    public void autoCommit(boolean on) throws SQLException {
        connection.setAutoCommit(on);
    }

    @Override
    public void commit() throws SQLException {
        connection.commit();
    }

    @Override
    public void rollback() throws SQLException {
        connection.rollback();
    }

    @Override
    public List<Map<String, String>> rows(String sql) throws SQLException {
        settle();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rows(rs);
        }
    }

    private static List<Map<String, String>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<Map<String, String>> out = new ArrayList<>();
        while (rs.next()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.put(md.getColumnLabel(i), rs.getString(i));
            }
            out.add(row);
        }
        return out;
    }

    @Override
    public List<String> schemas() throws SQLException {
        if (mysql) {
            return column(rows("SHOW DATABASES"), 0);
        }
        return column(rows("SELECT DISTINCT schema_name FROM information_schema.schemata WHERE catalog_name = current_database() ORDER BY 1"), 0);
    }

    @Override
    public List<String> tables(String schema) throws SQLException {
        return column(query("SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name", schema), 0);
    }

    @Override
    public List<String> columns(String schema, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Map<String, String> r : query("SELECT column_name, " + (mysql ? "column_type" : "data_type")
                + ", is_nullable FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
                schema, table)) {
            List<String> v = new ArrayList<>(r.values());
            out.add(v.get(0) + " " + v.get(1) + ("NO".equals(v.get(2)) ? " NOT NULL" : ""));
        }
        return out;
    }

    @Override
    public List<String> indexes(String schema, String table) throws SQLException {
        if (!mysql) {
            return column(query("SELECT index_name FROM duckdb_indexes() WHERE schema_name = ? AND table_name = ?", schema, table), 0);
        }
        List<String> out = new ArrayList<>();
        for (Map<String, String> r : query("SELECT index_name, GROUP_CONCAT(column_name ORDER BY seq_in_index) AS cols, MIN(non_unique) AS nu "
                + "FROM information_schema.statistics WHERE table_schema = ? AND table_name = ? GROUP BY index_name ORDER BY index_name",
                schema, table)) {
            out.add(r.get("index_name") + ("0".equals(r.get("nu")) ? " UNIQUE" : "") + " (" + r.get("cols") + ")");
        }
        return out;
    }

    @Override
    public long rowEstimate(String schema, String table) throws SQLException {
        List<Map<String, String>> r = mysql
                ? query("SELECT table_rows FROM information_schema.tables WHERE table_schema = ? AND table_name = ?", schema, table)
                : query("SELECT estimated_size FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?", schema, table);
        String v = r.isEmpty() ? null : r.get(0).values().iterator().next();
        return v == null ? -1 : Long.parseLong(v);
    }

    @Override
    public String ddl(String schema, String table) throws SQLException {
        if (!mysql) {
            List<Map<String, String>> r = query("SELECT sql FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?", schema, table);
            return r.isEmpty() ? "" : r.get(0).values().iterator().next();
        }
        List<Map<String, String>> r = rows("SHOW CREATE TABLE `" + schema.replace("`", "``") + "`.`" + table.replace("`", "``") + "`");
        return r.isEmpty() ? "" : new ArrayList<>(r.get(0).values()).get(1);
    }

    private List<Map<String, String>> query(String sql, String... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rows(rs);
            }
        }
    }

    private static List<String> column(List<Map<String, String>> rows, int index) {
        return rows.stream().map(r -> new ArrayList<>(r.values()).get(index)).toList();
    }

    private static List<String> warnings(SQLWarning w) {
        List<String> out = new ArrayList<>();
        for (SQLWarning x = w; x != null && out.size() < 100; x = x.getNextWarning()) {
            out.add(x.getMessage());
        }
        return out;
    }

    /** Exposes the connection's metadata to the connection test. */
    DatabaseMetaData metaData() throws SQLException {
        return connection.getMetaData();
    }

    @Override
    public void close() {
        List<Connection> left;
        synchronized (readers) {
            left = new ArrayList<>(readers);
        }
        left.forEach(this::abort);
        left.forEach(this::release);
        JdbcCursor open0 = streaming;
        streaming = null;
        if (open0 != null) {
            open0.close();
        }
        synchronized (open) {
            for (Statement s : open) {
                try {
                    s.close();
                } catch (SQLException ignored) {
                    // closing a cancelled statement can fail
                }
            }
            open.clear();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the session to {} failed: {}", target, e.getMessage());
        }
    }
}
