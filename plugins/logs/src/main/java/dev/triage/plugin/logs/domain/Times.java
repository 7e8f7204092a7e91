package dev.triage.plugin.logs.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads the times users type ({@code --since 2026-03-01T10:15:00Z}, {@code "2026-03-01 18:15"}, {@code 2026-03-01}). */
public final class Times {

    private Times() {
    }

    /**
     * Parses a time; one without zone is in the given zone.
     *
     * @param text the text, or null
     * @param zone the zone of times without one
     * @return microseconds since 1970, or null when text is null or blank
     * @throws IllegalArgumentException naming the text when it is no time
     */
    public static Long micros(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace(' ', 'T');
        Instant i;
        try {
            i = OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e1) {
            try {
                i = LocalDateTime.parse(t).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    i = LocalDate.parse(t).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException e3) {
                    throw new IllegalArgumentException("'" + text + "' is no time: give e.g. 2026-03-01T10:15:00Z or 2026-03-01 18:15:00");
                }
            }
        }
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    /**
     * Formats microseconds since 1970 as ISO-8601 UTC.
     *
     * @param micros the time, or null
     * @return the text, or null
     */
    public static String iso(Long micros) {
        if (micros == null) {
            return null;
        }
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L).toString();
    }
}
