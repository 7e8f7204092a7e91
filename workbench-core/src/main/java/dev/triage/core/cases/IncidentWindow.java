package dev.triage.core.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * The time window an investigation is about (when the incident started and ended), kept in the case's
 * {@value Case#META}; plugins use it as their default range (the metrics plugin fetches it from Prometheus).
 *
 * @param from the start, inclusive
 * @param until the end, after {@code from}
 */
public record IncidentWindow(Instant from, Instant until) {

    /** Checks that both ends are given and the window is not empty. */
    public IncidentWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("The incident window must end after it starts: " + from + " .. " + until);
        }
    }

    /**
     * Tells how long the window is.
     *
     * @return the duration from start to end
     */
    public java.time.Duration length() {
        return java.time.Duration.between(from, until);
    }
}
