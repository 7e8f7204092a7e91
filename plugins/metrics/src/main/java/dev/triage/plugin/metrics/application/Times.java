package dev.triage.plugin.metrics.application;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the times and durations users type: ISO-8601 (UTC when no zone), epoch seconds, {@code now}, {@code now-1h}, {@code -30m}. */
public final class Times {

    private static final Pattern RELATIVE = Pattern.compile("(?:now)?\\s*-\\s*(\\d+)([smhdw])|now");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d|w)?");

    private Times() {
    }

    /**
     * Parses a time.
     *
     * @param text the text
     * @param now the current time, for relative times
     * @return the instant
     * @throws IllegalArgumentException with an example when it cannot be read
     */
    public static Instant parse(String text, Instant now) {
        String t = text.strip();
        Matcher rel = RELATIVE.matcher(t);
        if (rel.matches()) {
            return rel.group(1) == null ? now : now.minus(duration(rel.group(1) + rel.group(2)));
        }
        if (t.matches("\\d{9,10}(\\.\\d+)?")) {
            return Instant.ofEpochMilli(Math.round(Double.parseDouble(t) * 1000));
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("Cannot read the time '" + text
                        + "': use ISO-8601 such as 2024-03-01T10:00:00Z (UTC when no zone), epoch seconds, now or -1h");
            }
        }
    }

    /**
     * Parses a duration such as {@code 15s}, {@code 1m}, {@code 2h} or a number of seconds.
     *
     * @param text the text
     * @return the duration
     * @throws IllegalArgumentException when it cannot be read
     */
    public static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Cannot read the duration '" + text + "': use 15s, 1m, 2h or 1d");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double ms = n * switch (unit) {
            case "ms" -> 1;
            case "s" -> 1000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            default -> 604_800_000;
        };
        return Duration.ofMillis(Math.round(ms));
    }
}
