package dev.triage.core.finding;

import java.util.Objects;

/**
 * One piece of evidence behind a finding: either a line (a log line, a statement) or a named metric value.
 *
 * @param name the metric name, or null for a plain line
 * @param value the line, or the metric's value as shown to users (such as {@code "412 s"})
 */
public record Evidence(String name, String value) {

    /** Checks the value is present and turns a blank name into a plain line. */
    public Evidence {
        Objects.requireNonNull(value, "evidence value");
        name = name == null || name.isBlank() ? null : name;
    }

    /**
     * Makes a plain-line piece of evidence.
     *
     * @param line the line, such as a log line
     * @return the evidence
     */
    public static Evidence line(String line) {
        return new Evidence(null, line);
    }

    /**
     * Makes a metric piece of evidence.
     *
     * @param name the metric name, such as {@code Seconds_Behind_Source}
     * @param value the value as shown to users
     * @return the evidence
     */
    public static Evidence metric(String name, String value) {
        return new Evidence(Objects.requireNonNull(name, "metric name"), value);
    }

    /**
     * Tells whether this is a named metric rather than a plain line.
     *
     * @return true for a metric
     */
    public boolean isMetric() {
        return name != null;
    }
}
