package dev.triage.plugin.metrics.domain;

/**
 * One sample of a series as read from an exposition or a query result.
 *
 * @param key the series
 * @param type the metric family's type
 * @param timeMillis the sample's time in milliseconds since the epoch
 * @param value the value (NaN, +Inf and -Inf allowed)
 */
public record Sample(SeriesKey key, MetricType type, long timeMillis, double value) {
}
