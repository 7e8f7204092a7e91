package dev.triage.plugin.metrics.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Marks the points of a series beyond a rolling median ± k·MAD (the median absolute deviation, scaled by 1.4826),
 * computed over the {@code window} points before each point (once 10 are known; the mean absolute deviation stands in for a MAD of 0, and the band is at least 0.1% of the median wide),
 * and lists across series when each first left its band:
 * "what changed first". NaN and infinite values are never marks and never enter the band.
 *
 * @param window how many preceding points make the band (at least 3)
 * @param k how many scaled MADs away a point must be
 * @param minDeviation the smallest absolute deviation that counts, so a flat series with noise of 0 does not flag
 *     every tiny change; also used as the MAD floor
 */
public record AnomalyDetector(int window, double k, double minDeviation) {

    /** The usual settings: 30 points, k = 5, no absolute floor beyond 1e-9. */
    public static final AnomalyDetector DEFAULT = new AnomalyDetector(30, 5, 1e-9);

    private static final double SCALE = 1.4826;
    /** Points needed before the band is trusted. */
    static final int MIN_POINTS = 10;
    /** The band is at least this share of the median wide, so a flat series does not flag rounding noise. */
    static final double RELATIVE_FLOOR = 0.001;
    /** Scales a mean absolute deviation to a standard deviation (normal data). */
    private static final double MEAN_SCALE = 1.2533;

    /** Checks the settings. */
    public AnomalyDetector {
        if (window < 3 || k <= 0 || minDeviation < 0) {
            throw new IllegalArgumentException("window >= 3 and k > 0 expected, got " + window + " and " + k);
        }
    }

    /**
     * Returns the anomalous points of a series in time order.
     *
     * @param s the series
     * @return the marks
     */
    public List<Anomaly> marks(Series s) {
        List<Anomaly> out = new ArrayList<>();
        double[] buf = new double[window];
        double[] dev = new double[window];
        int filled = 0;
        int next = 0;
        for (int i = 0; i < s.size(); i++) {
            double v = s.values()[i];
            if (!Double.isFinite(v)) {
                continue;
            }
            if (filled >= Math.min(window, MIN_POINTS)) {
                double[] w = Arrays.copyOf(buf, filled);
                double median = median(w);
                for (int j = 0; j < filled; j++) {
                    dev[j] = Math.abs(w[j] - median);
                }
                double spread = median(Arrays.copyOf(dev, filled)) * SCALE;
                if (spread == 0) {
                    // more than half the window sits on one value: the mean absolute deviation still sees the rest
                    spread = Arrays.stream(dev, 0, filled).average().orElse(0) * MEAN_SCALE;
                }
                double mad = Math.max(Math.max(spread, minDeviation), RELATIVE_FLOOR * Math.abs(median));
                double distance = v - median;
                if (Math.abs(distance) > k * mad && Math.abs(distance) > minDeviation) {
                    out.add(new Anomaly(s.key(), s.times()[i], v, median, mad, distance / mad));
                }
            }
            buf[next] = v;
            next = (next + 1) % window;
            filled = Math.min(filled + 1, window);
        }
        return out;
    }

    /**
     * Returns, for each series with at least one mark inside the window, its first mark, earliest first: the order in
     * which the series left their normal bands.
     *
     * @param series the series
     * @param fromMillis the window's start
     * @param toMillis the window's end
     * @return the first marks, earliest first (ties: largest score first)
     */
    public List<Anomaly> changedFirst(List<Series> series, long fromMillis, long toMillis) {
        List<Anomaly> firsts = new ArrayList<>();
        for (Series s : series) {
            marks(s).stream().filter(a -> a.timeMillis() >= fromMillis && a.timeMillis() <= toMillis).findFirst()
                    .ifPresent(firsts::add);
        }
        firsts.sort(Comparator.comparingLong(Anomaly::timeMillis).thenComparing(a -> -Math.abs(a.score())));
        return firsts;
    }

    static double median(double[] a) {
        Arrays.sort(a);
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }
}
