package dev.triage.core.diagnostics;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of a quick reachability check of a live target.
 *
 * @param reachable whether the target answered
 * @param version the server version it reported, empty when unknown
 * @param message a short explanation for users, such as the connection error
 * @param latency how long the check took
 */
public record HealthCheck(boolean reachable, String version, String message, Duration latency) {

    /** Turns missing texts into empty ones and checks the latency is present. */
    public HealthCheck {
        version = version == null ? "" : version;
        message = message == null ? "" : message;
        Objects.requireNonNull(latency, "latency");
    }
}
