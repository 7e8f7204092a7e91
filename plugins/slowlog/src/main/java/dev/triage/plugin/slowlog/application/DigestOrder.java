package dev.triage.plugin.slowlog.application;

import java.util.Locale;

/** What the digest ranks query classes by, largest first. */
public enum DigestOrder {
    /** Total query time (pt-query-digest's default). */
    SUM,
    /** Longest single execution. */
    MAX,
    /** Average query time. */
    AVG,
    /** 95th percentile of query time. */
    P95,
    /** Number of executions. */
    COUNT;

    /**
     * Reads an order from its name, case-insensitively; {@code total} is a synonym of {@code sum}, blank means sum.
     *
     * @param text the name, such as {@code sum} or {@code count}
     * @return the order
     * @throws IllegalArgumentException when the name is unknown, listing the known ones
     */
    public static DigestOrder parse(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("total")) {
            return SUM;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown order '" + text + "': use one of sum, max, avg, p95, count", e);
        }
    }
}
