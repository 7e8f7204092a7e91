package dev.triage.plugin.overview.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One sample of one target: whether it answered (a down target is a sample too), its version and its metrics.
 *
 * @param target the saved connection id
 * @param time when the sample was taken
 * @param up whether the target answered within its timeout
 * @param version the server version, empty when down
 * @param metrics metric name to value (gauges and rates, never raw counters)
 * @param error why the target is down, empty when up
 */
public record Sample(String target, Instant time, boolean up, String version, Map<String, Double> metrics, String error) {

    /** The availability metric: 1 when up, 0 when down. */
    public static final String UP = "up";

    /** Validates and copies. */
    public Sample {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(time, "time");
        version = version == null ? "" : version;
        error = error == null ? "" : error;
        TreeMap<String, Double> m = new TreeMap<>(metrics == null ? Map.of() : metrics);
        m.values().removeIf(v -> v == null || v.isNaN() || v.isInfinite());
        m.put(UP, up ? 1.0 : 0.0);
        metrics = Collections.unmodifiableMap(m);
    }

    /**
     * A down sample.
     *
     * @param target the connection id
     * @param time when it was tried
     * @param error why it failed
     * @return the sample with up = 0
     */
    public static Sample down(String target, Instant time, String error) {
        return new Sample(target, time, false, "", Map.of(), error);
    }

    /**
     * A metric's value.
     *
     * @param name the metric
     * @return the value or NaN when absent
     */
    public double metric(String name) {
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }
}
