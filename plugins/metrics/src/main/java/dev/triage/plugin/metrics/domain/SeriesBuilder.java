package dev.triage.plugin.metrics.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gathers samples from several expositions or results into series: points sorted by time, one point per time (the
 * last one added wins), series in the order first seen.
 */
public final class SeriesBuilder {

    private final Map<SeriesKey, TreeMap<Long, Double>> points = new LinkedHashMap<>();
    private final Map<SeriesKey, MetricType> types = new LinkedHashMap<>();

    /**
     * Adds a sample.
     *
     * @param s the sample
     */
    public void add(Sample s) {
        add(s.key(), s.type(), s.timeMillis(), s.value());
    }

    /**
     * Adds a point.
     *
     * @param key the series
     * @param type its type
     * @param timeMillis the time
     * @param value the value
     */
    public void add(SeriesKey key, MetricType type, long timeMillis, double value) {
        points.computeIfAbsent(key, k -> new TreeMap<>()).put(timeMillis, value);
        types.merge(key, type, (a, b) -> b == MetricType.UNTYPED ? a : b);
    }

    /**
     * Returns how many points were added (after removing duplicates in time).
     *
     * @return the count
     */
    public long points() {
        return points.values().stream().mapToLong(Map::size).sum();
    }

    /**
     * Returns the series.
     *
     * @return the series, each sorted by time
     */
    public List<Series> build() {
        List<Series> out = new ArrayList<>(points.size());
        for (var e : points.entrySet()) {
            long[] t = new long[e.getValue().size()];
            double[] v = new double[t.length];
            int i = 0;
            for (var p : e.getValue().entrySet()) {
                t[i] = p.getKey();
                v[i++] = p.getValue();
            }
            out.add(new Series(e.getKey(), types.get(e.getKey()), t, v));
        }
        return out;
    }

    /**
     * Turns a counter into its per-second rate between consecutive points, as Prometheus' {@code rate} treats a
     * decrease: a counter reset, after which the whole new value is the increase.
     *
     * @param counter the counter series
     * @return the rate series, one point fewer, at the later time of each pair
     */
    public static Series rate(Series counter) {
        int n = Math.max(0, counter.size() - 1);
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double a = counter.values()[i];
            double b = counter.values()[i + 1];
            double dt = (counter.times()[i + 1] - counter.times()[i]) / 1000.0;
            double increase = b >= a ? b - a : b;
            t[i] = counter.times()[i + 1];
            v[i] = dt > 0 ? increase / dt : Double.NaN;
        }
        return new Series(counter.key(), MetricType.GAUGE, t, v);
    }

    /**
     * Returns the points of a series inside a time window.
     *
     * @param s the series
     * @param fromMillis the start, inclusive
     * @param toMillis the end, inclusive
     * @return the cut series
     */
    public static Series window(Series s, long fromMillis, long toMillis) {
        int a = lowerBound(s.times(), fromMillis);
        int b = lowerBound(s.times(), toMillis + 1);
        return new Series(s.key(), s.type(), Arrays.copyOfRange(s.times(), a, b), Arrays.copyOfRange(s.values(), a, b));
    }

    private static int lowerBound(long[] a, long x) {
        int i = Arrays.binarySearch(a, x);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && a[i - 1] == x) {
            i--;
        }
        return i;
    }
}
