package dev.triage.plugin.slowlog.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Which events a digest looks at; every field is optional (null means no condition).
 *
 * @param since only events at or after this time
 * @param until only events before this time
 * @param db only this default database
 * @param user only this user
 * @param host only this client host
 * @param minQueryTime only events that took at least this many seconds
 * @param match only classes whose fingerprint contains this text, ignoring case
 */
public record DigestFilter(Instant since, Instant until, String db, String user, String host, Double minQueryTime, String match) {

    /** No condition: every event. */
    public static final DigestFilter ALL = new DigestFilter(null, null, null, null, null, null, null);

    /**
     * Reads a time given on the command line: {@code 2024-03-01T10:00:00Z}, {@code 2024-03-01T12:00:00+02:00},
     * {@code 2024-03-01 10:00:00} or {@code 2024-03-01} (times without a zone are UTC, as slow logs are read).
     *
     * @param text the time, or null
     * @return the instant, or null when text is null or blank
     * @throws IllegalArgumentException when the text is no such time
     */
    public static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().replace(' ', 'T');
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time like 2024-03-01T10:00:00Z or 2024-03-01", e);
        }
    }
}
