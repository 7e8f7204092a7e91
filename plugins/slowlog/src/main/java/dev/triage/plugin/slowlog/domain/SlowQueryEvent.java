package dev.triage.plugin.slowlog.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a slow query log.
 *
 * @param line the 1-based line number in its file where the entry starts
 * @param timestamp when the statement ran (the entry's {@code # Time:}, else {@code SET timestamp=}, else the last time
 *     seen earlier in the file, as pt-query-digest inherits it); null when the file never says
 * @param queryTime seconds the statement took; null when the entry has no {@code Query_time}
 * @param lockTime seconds spent waiting for locks; null when absent
 * @param rowsSent rows sent to the client; null when absent
 * @param rowsExamined rows read by the server; null when absent
 * @param user the account's user name; null when absent
 * @param host the client host (or IP when the host is empty); null when absent
 * @param db the default database ({@code use db;}, else {@code Schema}/{@code DB}, else the last one seen earlier in the
 *     file, as MySQL logs {@code use} only on a change and pt-query-digest inherits it); null when the file never says
 * @param threadId the connection id ({@code Id:}, {@code Thread_id} or TiDB's {@code Conn_ID}); null when absent
 * @param attributes every other {@code # Name: value} attribute, as logged
 * @param statement the statement text without its final semicolon
 * @param fingerprint the pt-query-digest compatible fingerprint of the statement
 * @param checksum the pt-query-digest compatible class id of the fingerprint
 * @param planDigest TiDB's {@code Plan_digest}; null for other servers
 */
public record SlowQueryEvent(long line, Instant timestamp, Double queryTime, Double lockTime, Long rowsSent, Long rowsExamined,
        String user, String host, String db, Long threadId, Map<String, String> attributes, String statement,
        String fingerprint, String checksum, String planDigest) {

    /** Copies the attribute map so the event stays immutable. */
    public SlowQueryEvent {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
