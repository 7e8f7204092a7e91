package dev.triage.plugin.slowlog.infrastructure;

import dev.triage.plugin.slowlog.domain.SlowLogFormat;
import dev.triage.plugin.slowlog.domain.SlowQueryEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Bulk-loads events into {@code slowlog_events} with the DuckDB appender, one row per event. */
final class EventAppender implements AutoCloseable {

    private final DuckDBAppender appender;
    private final String importId;
    private final String file;
    private final String format;
    private final boolean full;
    /** In lean mode: the longest query time seen so far per class, to keep only the statements that can be samples. */
    private final Map<String, Double> slowest = new HashMap<>();
    private long rows;

    /**
     * Opens an appender on the events table.
     *
     * @param full true to keep every row whole (a case); false for a one-off digest, which keeps no attributes, the
     *     fingerprint only on a class's first row and the statement only on rows slower than all before them in
     *     their class, enough for the digest's sample and far smaller
     */
    EventAppender(Connection connection, String importId, String file, SlowLogFormat format, boolean full) throws SQLException {
        this.format = format.name();
        this.full = full;
        DuckDBConnection duck = connection instanceof DuckDBConnection d ? d : connection.unwrap(DuckDBConnection.class);
        this.appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, SlowLogSchema.EVENTS);
        this.importId = importId;
        this.file = file;
    }

    void append(SlowQueryEvent e) throws SQLException {
        appender.beginRow();
        text(importId);
        text(file);
        appender.append(e.line());
        text(format);
        if (e.timestamp() == null) {
            appender.appendNull();
        } else {
            appender.append(LocalDateTime.ofInstant(e.timestamp(), ZoneOffset.UTC));
        }
        number(e.queryTime());
        number(e.lockTime());
        number(e.rowsSent());
        number(e.rowsExamined());
        text(e.user());
        text(e.host());
        text(e.db());
        number(e.threadId());
        text(e.checksum());
        if (full) {
            text(e.fingerprint());
            text(e.statement());
        } else {
            double qt = e.queryTime() == null ? -1 : e.queryTime();
            Double before = slowest.get(e.checksum());
            text(before == null ? e.fingerprint() : null);
            if (before == null || qt > before) {
                slowest.put(e.checksum(), qt);
                text(e.statement());
            } else {
                appender.appendNull();
            }
        }
        appender.append((long) e.statement().length());
        if (full) {
            appender.append(e.attributes());
        } else {
            appender.appendNull();
        }
        text(e.planDigest());
        appender.endRow();
        rows++;
    }

    long rows() {
        return rows;
    }

    private void number(Double d) throws SQLException {
        if (d == null) {
            appender.appendNull();
        } else {
            appender.append(d.doubleValue());
        }
    }

    private void number(Long n) throws SQLException {
        if (n == null) {
            appender.appendNull();
        } else {
            appender.append(n.longValue());
        }
    }

    private void text(String s) throws SQLException {
        if (s == null) {
            appender.appendNull();
        } else {
            appender.append(s);
        }
    }

    @Override
    public void close() throws SQLException {
        appender.close();
    }
}
