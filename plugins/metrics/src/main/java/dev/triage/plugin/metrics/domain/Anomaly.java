package dev.triage.plugin.metrics.domain;

/**
 * A point of a series outside its normal band (rolling median ± k·MAD).
 *
 * @param key the series
 * @param timeMillis when
 * @param value the value there
 * @param median the rolling median there
 * @param mad the rolling median absolute deviation there (scaled by 1.4826 to estimate a standard deviation)
 * @param score how many scaled MADs the value is from the median, signed (positive: above)
 */
public record Anomaly(SeriesKey key, long timeMillis, double value, double median, double mad, double score) {
}
