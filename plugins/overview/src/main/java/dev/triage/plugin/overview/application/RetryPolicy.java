package dev.triage.plugin.overview.application;

import java.time.Duration;

/**
 * How a failed delivery is tried again: up to {@code attempts} tries, waiting {@code initial}, then each wait times
 * {@code multiplier}, never more than {@code max}.
 *
 * @param attempts tries in all, at least 1
 * @param initial the first wait
 * @param multiplier growth of the wait
 * @param max the longest wait
 */
public record RetryPolicy(int attempts, Duration initial, double multiplier, Duration max) {

    /** Four tries, waiting 2 s, 4 s, 8 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(2), 2, Duration.ofMinutes(1));

    /** Validates. */
    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("retry attempts must be at least 1");
        }
    }

    /**
     * The wait before try {@code n + 1}, after {@code n} failed tries.
     *
     * @param n failed tries so far, from 1
     * @return the wait
     */
    public Duration backoff(int n) {
        double ms = initial.toMillis() * Math.pow(multiplier, n - 1);
        return Duration.ofMillis((long) Math.min(ms, max.toMillis()));
    }
}
