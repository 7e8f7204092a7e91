package dev.triage.plugin.metrics.application;

import dev.triage.plugin.metrics.domain.Series;
import java.util.Arrays;
import java.util.List;
import org.jfree.data.DomainInfo;
import org.jfree.data.Range;
import org.jfree.data.RangeInfo;
import org.jfree.data.xy.AbstractXYDataset;
import org.jfree.data.xy.XYRangeInfo;

/**
 * A JFreeChart dataset over the series' own arrays (nothing copied), with the minimum and maximum of each block of
 * {@value #BLOCK} points kept beside them, so fitting the value axis to a panned time window reads blocks instead of
 * every point. Values a chart cannot show (NaN, infinities, and non-positive values on a log scale) read as NaN.
 */
final class SeriesDataset extends AbstractXYDataset implements DomainInfo, RangeInfo, XYRangeInfo {

    /** Points per block of kept minimum and maximum. */
    static final int BLOCK = 64;

    private final List<Series> series;
    private final List<String> keys;
    private final boolean logScale;
    private final double[][] blockMin;
    private final double[][] blockMax;

    /**
     * Wraps series.
     *
     * @param series the series
     * @param keys one unique legend per series
     * @param logScale true to hide non-positive values
     */
    SeriesDataset(List<Series> series, List<String> keys, boolean logScale) {
        this.series = List.copyOf(series);
        this.keys = List.copyOf(keys);
        this.logScale = logScale;
        this.blockMin = new double[series.size()][];
        this.blockMax = new double[series.size()][];
        for (int s = 0; s < series.size(); s++) {
            double[] v = series.get(s).values();
            int blocks = (v.length + BLOCK - 1) / BLOCK;
            double[] lo = new double[blocks];
            double[] hi = new double[blocks];
            Arrays.fill(lo, Double.POSITIVE_INFINITY);
            Arrays.fill(hi, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < v.length; i++) {
                if (shown(v[i])) {
                    int b = i / BLOCK;
                    lo[b] = Math.min(lo[b], v[i]);
                    hi[b] = Math.max(hi[b], v[i]);
                }
            }
            blockMin[s] = lo;
            blockMax[s] = hi;
        }
    }

    /**
     * Tells whether a value is drawn.
     *
     * @param v the value
     * @return false for NaN, infinities and (log scale) non-positive values
     */
    boolean shown(double v) {
        return Double.isFinite(v) && (!logScale || v > 0);
    }

    /**
     * Returns a series.
     *
     * @param s its index
     * @return the series
     */
    Series series(int s) {
        return series.get(s);
    }

    /**
     * Tells whether non-positive values are hidden.
     *
     * @return true on a log scale
     */
    boolean logScale() {
        return logScale;
    }

    @Override
    public int getSeriesCount() {
        return series.size();
    }

    @Override
    public Comparable<?> getSeriesKey(int s) {
        return keys.get(s);
    }

    @Override
    public int getItemCount(int s) {
        return series.get(s).size();
    }

    @Override
    public Number getX(int s, int item) {
        return series.get(s).times()[item];
    }

    @Override
    public double getXValue(int s, int item) {
        return series.get(s).times()[item];
    }

    @Override
    public Number getY(int s, int item) {
        return getYValue(s, item);
    }

    @Override
    public double getYValue(int s, int item) {
        double v = series.get(s).values()[item];
        return shown(v) ? v : Double.NaN;
    }

    @Override
    public double getDomainLowerBound(boolean includeInterval) {
        return end(getDomainBounds(includeInterval), false);
    }

    @Override
    public double getDomainUpperBound(boolean includeInterval) {
        return end(getDomainBounds(includeInterval), true);
    }

    @Override
    public Range getDomainBounds(boolean includeInterval) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            if (s.size() > 0) {
                lo = Math.min(lo, s.times()[0]);
                hi = Math.max(hi, s.times()[s.size() - 1]);
            }
        }
        return lo > hi ? null : new Range(lo, hi);
    }

    @Override
    public double getRangeLowerBound(boolean includeInterval) {
        return end(getRangeBounds(includeInterval), false);
    }

    @Override
    public double getRangeUpperBound(boolean includeInterval) {
        return end(getRangeBounds(includeInterval), true);
    }

    @Override
    public Range getRangeBounds(boolean includeInterval) {
        return getRangeBounds(keys, new Range(-Double.MAX_VALUE, Double.MAX_VALUE), includeInterval);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Range getRangeBounds(List visibleSeriesKeys, Range xRange, boolean includeInterval) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < series.size(); s++) {
            if (visibleSeriesKeys != null && !visibleSeriesKeys.contains(keys.get(s))) {
                continue;
            }
            long[] t = series.get(s).times();
            double[] v = series.get(s).values();
            int a = lowerBound(t, xRange.getLowerBound());
            int b = upperBound(t, xRange.getUpperBound());
            int i = a;
            while (i < b) {
                if (i % BLOCK == 0 && i + BLOCK <= b) {
                    lo = Math.min(lo, blockMin[s][i / BLOCK]);
                    hi = Math.max(hi, blockMax[s][i / BLOCK]);
                    i += BLOCK;
                } else {
                    if (shown(v[i])) {
                        lo = Math.min(lo, v[i]);
                        hi = Math.max(hi, v[i]);
                    }
                    i++;
                }
            }
        }
        return lo > hi ? null : new Range(lo, hi);
    }

    private static double end(Range r, boolean upper) {
        return r == null ? Double.NaN : upper ? r.getUpperBound() : r.getLowerBound();
    }

    /**
     * Returns the first index whose time is at least x.
     *
     * @param t the times
     * @param x the time
     * @return the index, t.length when none
     */
    static int lowerBound(long[] t, double x) {
        int lo = 0;
        int hi = t.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Returns the first index whose time is after x.
     *
     * @param t the times
     * @param x the time
     * @return the index, t.length when none
     */
    static int upperBound(long[] t, double x) {
        int lo = 0;
        int hi = t.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
