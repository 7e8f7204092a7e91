package dev.triage.plugin.metrics.domain;

import java.util.Arrays;

/**
 * A series with its points in time order.
 *
 * @param key the series
 * @param type its type (UNTYPED when the source does not say)
 * @param times the sample times, milliseconds since the epoch, ascending
 * @param values the values, one per time
 */
public record Series(SeriesKey key, MetricType type, long[] times, double[] values) {

    /** Checks that times and values have the same length. */
    public Series {
        if (times.length != values.length) {
            throw new IllegalArgumentException(key + ": " + times.length + " times but " + values.length + " values");
        }
    }

    /**
     * Returns how many points the series has.
     *
     * @return the count
     */
    public int size() {
        return times.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && s.key.equals(key) && s.type == type && Arrays.equals(s.times, times)
                && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return key + " (" + times.length + " points)";
    }
}
