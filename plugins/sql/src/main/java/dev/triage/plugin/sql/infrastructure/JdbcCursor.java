package dev.triage.plugin.sql.infrastructure;

import dev.triage.plugin.sql.application.ResultColumn;
import dev.triage.plugin.sql.application.ResultCursor;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** A forward-only JDBC result read in pages; closing it closes its statement when it owns it. */
final class JdbcCursor implements ResultCursor {

    private final ResultSet rs;
    private final Statement owned;
    private final List<ResultColumn> columns;
    private final boolean[] binary;
    private final boolean text;
    private Runnable beforeClose = () -> { };
    private Runnable afterClose = () -> { };
    private boolean closed;
    private boolean exhausted;
    private long read;

    JdbcCursor(ResultSet rs, Statement owned) throws SQLException {
        this(rs, owned, false);
    }

    /** A cursor; in text mode values come as the driver's text (bytes for binary columns), cheapest for exports. */
    JdbcCursor(ResultSet rs, Statement owned, boolean text) throws SQLException {
        this.rs = rs;
        this.owned = owned;
        this.text = text;
        ResultSetMetaData md = rs.getMetaData();
        List<ResultColumn> cols = new ArrayList<>();
        binary = new boolean[md.getColumnCount()];
        for (int i = 1; i <= md.getColumnCount(); i++) {
            cols.add(new ResultColumn(md.getColumnLabel(i), md.getColumnTypeName(i), numeric(md.getColumnType(i))));
            int t = md.getColumnType(i);
            binary[i - 1] = t == Types.BINARY || t == Types.VARBINARY || t == Types.LONGVARBINARY || t == Types.BLOB;
        }
        this.columns = List.copyOf(cols);
    }

    private static boolean numeric(int type) {
        return switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.FLOAT, Types.REAL, Types.DOUBLE, Types.NUMERIC,
                 Types.DECIMAL -> true;
            default -> false;
        };
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public synchronized List<Object[]> next(int max) throws SQLException {
        List<Object[]> page = new ArrayList<>(Math.min(max, 4096));
        int n = columns.size();
        while (!exhausted && page.size() < max) {
            if (!rs.next()) {
                exhausted = true;
                break;
            }
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                row[i] = !text ? rs.getObject(i + 1) : binary[i] ? rs.getBytes(i + 1) : rs.getString(i + 1);
            }
            page.add(row);
            read++;
        }
        return page;
    }

    @Override
    public boolean exhausted() {
        return exhausted;
    }

    @Override
    public long rowsRead() {
        return read;
    }

    /** Runs before the result is closed while rows are left (a streamed result: stop the server sending first). */
    void beforeClose(Runnable action) {
        this.beforeClose = action;
    }

    /** Runs after the result and its statement are closed (a reader connection of a script: release it). */
    void afterClose(Runnable action) {
        this.afterClose = action;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!exhausted) {
            beforeClose.run();
        }
        try {
            rs.close();
        } catch (SQLException ignored) {
            // closing an aborted result can fail; nothing is left to release
        }
        if (owned != null) {
            try {
                owned.close();
            } catch (SQLException ignored) {
                // same
            }
        }
        afterClose.run();
    }
}
