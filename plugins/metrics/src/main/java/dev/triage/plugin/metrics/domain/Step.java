package dev.triage.plugin.metrics.domain;

import java.time.Duration;

/** Chooses the step of a range query so that no series has more points than Prometheus returns (11,000). */
public final class Step {

    /** Prometheus refuses range queries with more than this many points per series. */
    public static final int MAX_POINTS = 11_000;

    private static final long[] NICE_SECONDS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400};

    private Step() {
    }

    /**
     * Returns the smallest "nice" step (1 s, 2 s, 5 s, 10 s, 15 s, 30 s, 1 m, ...) that keeps a range under the limit,
     * never below the given minimum (the scrape interval).
     *
     * @param range the length of the range
     * @param maxPoints the most points wanted per series, at most {@link #MAX_POINTS}
     * @param minimum the smallest step wanted
     * @return the step
     */
    public static Duration forRange(Duration range, int maxPoints, Duration minimum) {
        int limit = Math.max(1, Math.min(maxPoints, MAX_POINTS));
        double needed = Math.max(range.toMillis() / 1000.0 / (limit - 1 <= 0 ? 1 : limit - 1), minimum.toMillis() / 1000.0);
        for (long s : NICE_SECONDS) {
            if (s >= needed) {
                return Duration.ofSeconds(s);
            }
        }
        return Duration.ofSeconds((long) Math.ceil(needed));
    }

    /**
     * Returns how many points a range query with this step returns per series.
     *
     * @param range the range
     * @param step the step
     * @return the number of points (both ends included)
     */
    public static long points(Duration range, Duration step) {
        return range.toMillis() / step.toMillis() + 1;
    }
}
