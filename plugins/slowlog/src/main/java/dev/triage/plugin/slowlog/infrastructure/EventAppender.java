package dev.triage.plugin.slowlog.infrastructure;

import dev.triage.plugin.slowlog.domain.SlowLogFormat;
import dev.triage.plugin.slowlog.domain.SlowQueryEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Bulk-loads events into {@code slowlog_events} with the DuckDB appender, one row per event. */
final class EventAppender implements AutoCloseable {

    private final DuckDBAppender appender;
    private final String importId;
    private final String file;
    private final String format;
    private final boolean attributes;
    private long rows;

    EventAppender(Connection connection, String importId, String file, SlowLogFormat format, boolean attributes) throws SQLException {
        this.format = format.name();
        this.attributes = attributes;
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
        text(e.fingerprint());
        text(e.statement());
        appender.append((long) e.statement().length());
        if (attributes) {
            appender.append(e.attributes());
        } else {
            appender.appendNull();
        }
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
