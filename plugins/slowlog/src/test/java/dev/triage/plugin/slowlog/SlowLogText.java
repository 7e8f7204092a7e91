package dev.triage.plugin.slowlog;

import java.time.Instant;
import java.util.Locale;

/** Writes slow-log entries as MySQL 5.7+ logs them, for tests that need a small log of their own. */
public final class SlowLogText {

    private SlowLogText() {
    }

    /**
     * One entry: header lines, {@code SET timestamp} and the statement.
     *
     * @param time the entry's time, ISO-8601 in UTC
     * @param user the user (also the account name)
     * @param host the client host
     * @param ip the client IP
     * @param id the connection id
     * @param queryTime seconds
     * @param lockTime seconds
     * @param sent rows sent
     * @param examined rows examined
     * @param statement the statement, without its semicolon
     * @return the entry's lines
     */
    public static String entry(String time, String user, String host, String ip, int id, double queryTime, double lockTime,
            long sent, long examined, String statement) {
        return String.format(Locale.ROOT, "# Time: %s%n# User@Host: %s[%s] @ %s [%s]  Id:    %d%n"
                + "# Query_time: %.6f  Lock_time: %.6f Rows_sent: %d  Rows_examined: %d%nSET timestamp=%d;%n%s;%n",
                time.replace("Z", ".000000Z"), user, user, host, ip, id, queryTime, lockTime, sent, examined,
                Instant.parse(time).getEpochSecond(), statement).replace("\r\n", "\n");
    }
}
