package dev.triage.plugin.metrics.domain;

import java.util.Locale;

/** The metric types of the Prometheus text exposition format ({@code # TYPE name type}). */
public enum MetricType {
    /** A monotonically increasing count (resets to 0 when the process restarts). */
    COUNTER,
    /** A value that goes up and down. */
    GAUGE,
    /** Buckets ({@code _bucket{le=..}}), {@code _sum} and {@code _count}. */
    HISTOGRAM,
    /** Quantiles ({@code {quantile=..}}), {@code _sum} and {@code _count}. */
    SUMMARY,
    /** No or an unknown {@code # TYPE} line. */
    UNTYPED;

    /**
     * Parses the type word of a {@code # TYPE} line.
     *
     * @param word the word, any case
     * @return the type, UNTYPED when unknown
     */
    public static MetricType parse(String word) {
        try {
            return valueOf(word.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNTYPED;
        }
    }
}
