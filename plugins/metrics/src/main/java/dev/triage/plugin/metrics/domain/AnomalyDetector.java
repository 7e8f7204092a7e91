package dev.triage.plugin.metrics.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Marks the points of a series beyond a rolling median ± k·MAD (the median absolute deviation, scaled by 1.4826),
 * computed over the {@code window} points before each point (once 10 are known), and lists across series when each
 * first left its band: "what changed first". NaN and infinite values are never marks and never enter the band.
 *
 * <p>Floors keep flat and near-zero series from flooding a chart with marks: the band is at least 0.1% of the median
 * wide, and k × 1% of the series' own scale (its 1st to 99th percentile range) wide, or of its chart's scale when
 * marked with the other series of a chart, so what is too small to see on the chart is never marked. Where the window is flat (a MAD of 0: more than half its points on one value; the mean
 * absolute deviation stands in), a point must also depart twice as far from its rolling median as any of the
 * {@value #HISTORY_WINDOWS} windows of points before it did: blips that recur all along a quiet series are its normal, a new level is not. The window is kept sorted as
 * it slides, so a series costs O(points × window) instead of two sorts per point.
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
    /** The MAD is at least this share of the series' 1st-99th percentile range. */
    static final double SCALE_FLOOR = 0.01;
    /** In a flat window, a mark must depart this many times further than the points before it did. */
    static final double FLAT_FACTOR = 2;
    /** How many windows of points before a point count as its history, for {@link #FLAT_FACTOR}. */
    static final int HISTORY_WINDOWS = 10;
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
        return marks(s, 0);
    }

    /**
     * Returns the anomalous points of the series of one chart: the scale floor is taken from the whole chart (the
     * lowest 1st percentile to the highest 99th), so a series that looks flat beside the others is not covered in marks.
     *
     * @param chart the series drawn together
     * @return the marks of each series, series after series
     */
    public List<Anomaly> marks(List<Series> chart) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : chart) {
            double[] r = percentiles(s.values());
            if (r != null) {
                lo = Math.min(lo, r[0]);
                hi = Math.max(hi, r[1]);
            }
        }
        double scale = hi > lo ? hi - lo : 0;
        List<Anomaly> out = new ArrayList<>();
        for (Series s : chart) {
            out.addAll(marks(s, scale));
        }
        return out;
    }

    /** The 1st and 99th percentiles of the finite values, or null when there is none. */
    private static double[] percentiles(double[] v) {
        double[] f = new double[v.length];
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                f[n++] = x;
            }
        }
        if (n == 0) {
            return null;
        }
        Arrays.sort(f, 0, n);
        return new double[] {f[(int) (0.01 * (n - 1))], f[(int) (0.99 * (n - 1))]};
    }

    private List<Anomaly> marks(Series s, double chartScale) {
        double[] v = s.values();
        int n = v.length;
        double[] medians = new double[n];
        double[] spreads = new double[n];
        double[] residuals = new double[n];
        int nf = 0;
        Window w = new Window(window);
        for (int i = 0; i < n; i++) {
            medians[i] = Double.NaN;
            if (!Double.isFinite(v[i])) {
                continue;
            }
            nf++;
            if (w.size >= Math.min(window, MIN_POINTS)) {
                medians[i] = w.median();
                spreads[i] = w.mad(medians[i]) * SCALE;
                if (spreads[i] == 0) {
                    spreads[i] = -w.meanDeviation(medians[i]) * MEAN_SCALE; // negative: the window is flat
                }
                residuals[i] = Math.abs(v[i] - medians[i]);
            }
            w.add(v[i]);
        }
        if (nf == 0) {
            return List.of();
        }
        double[] own = percentiles(v);
        double scaleFloor = SCALE_FLOOR * Math.max(own[1] - own[0], chartScale);
        int history = HISTORY_WINDOWS * window;
        int[] deque = new int[n]; // indices of the largest residuals of the history, decreasing (a sliding maximum)
        int head = 0;
        int tail = 0;
        List<Anomaly> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(medians[i])) {
                continue;
            }
            while (head < tail && deque[head] < i - history) {
                head++;
            }
            double usual = head < tail ? residuals[deque[head]] : 0;
            while (head < tail && residuals[deque[tail - 1]] <= residuals[i]) {
                tail--;
            }
            deque[tail++] = i;
            double median = medians[i];
            boolean flat = spreads[i] <= 0;
            double mad = Math.max(Math.max(Math.abs(spreads[i]), minDeviation), Math.max(RELATIVE_FLOOR * Math.abs(median), scaleFloor));
            double distance = v[i] - median;
            if (Math.abs(distance) > k * mad && Math.abs(distance) > minDeviation && (!flat || Math.abs(distance) > FLAT_FACTOR * usual)) {
                out.add(new Anomaly(s.key(), s.times()[i], v[i], median, mad, distance / mad));
            }
        }
        return out;
    }

    /** The last {@code capacity} values in arrival order and sorted, updated in O(capacity) per value. */
    private static final class Window {
        private final double[] ring;
        private final double[] sorted;
        private int size;
        private int next;

        Window(int capacity) {
            ring = new double[capacity];
            sorted = new double[capacity];
        }

        void add(double x) {
            if (size == ring.length) {
                int at = Arrays.binarySearch(sorted, 0, size, ring[next]);
                System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
                size--;
            }
            ring[next] = x;
            next = (next + 1) % ring.length;
            int at = Arrays.binarySearch(sorted, 0, size, x);
            at = at < 0 ? -at - 1 : at;
            System.arraycopy(sorted, at, sorted, at + 1, size - at);
            sorted[at] = x;
            size++;
        }

        double median() {
            return size % 2 == 1 ? sorted[size / 2] : (sorted[size / 2 - 1] + sorted[size / 2]) / 2;
        }

        /** The median of |x - m|: the deviations below and above m are each sorted, so merge them up to the middle. */
        double mad(double m) {
            int split = 0;
            while (split < size && sorted[split] < m) {
                split++;
            }
            int lo = split - 1;
            int hi = split;
            double prev = 0;
            double cur = 0;
            for (int taken = 0; taken <= size / 2; taken++) {
                prev = cur;
                if (hi >= size || lo >= 0 && m - sorted[lo] <= sorted[hi] - m) {
                    cur = m - sorted[lo--];
                } else {
                    cur = sorted[hi++] - m;
                }
            }
            return size % 2 == 1 ? cur : (prev + cur) / 2;
        }

        double meanDeviation(double m) {
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += Math.abs(sorted[i] - m);
            }
            return sum / size;
        }
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
}
