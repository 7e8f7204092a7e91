package dev.triage.plugin.metrics.application;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.RectangleEdge;

/**
 * An XY plot that draws the lines of its {@link SeriesDataset} itself, one pixel column at a time: for every column
 * the minimum, maximum, first and last value of the points that fall in it, joined to the neighbouring columns. So a
 * series costs one pass over its visible points and at most two short spans per column, whatever its length, and
 * spikes and gaps stay visible at any zoom (the idea of min/max decimation, without building a smaller dataset). The
 * lines are drawn into an image of the data area (no anti-aliasing) and copied once; axes, grid, markers, legend and
 * the anomaly dots stay JFreeChart's.
 */
final class ColumnPlot extends XYPlot {

    private static final long serialVersionUID = 1L;

    private transient BufferedImage image;

    /**
     * Per-column aggregates of one series over a time window.
     *
     * @param min the smallest value in each column (NaN when the column has no point)
     * @param max the largest value
     * @param first the value of the first point
     * @param last the value of the last point
     * @param gapBefore true when a hidden value (NaN, infinity) lies between the previous point and the first of this column
     */
    record Columns(double[] min, double[] max, double[] first, double[] last, boolean[] gapBefore) {

        /**
         * Returns how many columns hold at least one point.
         *
         * @return the count
         */
        int filled() {
            int n = 0;
            for (double m : min) {
                n += Double.isNaN(m) ? 0 : 1;
            }
            return n;
        }
    }

    /**
     * Creates the plot.
     *
     * @param dataset the lines
     * @param domain the time axis
     * @param range the value axis
     * @param renderer gives each series its colour and legend entry
     */
    ColumnPlot(SeriesDataset dataset, ValueAxis domain, ValueAxis range, XYItemRenderer renderer) {
        super(dataset, domain, range, renderer);
    }

    /**
     * Aggregates a series into pixel columns. Index 0 and {@code width + 1} stand for the nearest point left and right
     * of the window, so lines run to the edges.
     *
     * @param ds the dataset (says which values are hidden)
     * @param s the series index
     * @param from the window's start (epoch ms)
     * @param to the window's end
     * @param width the number of columns
     * @return the columns, {@code width + 2} long
     */
    static Columns columns(SeriesDataset ds, int s, double from, double to, int width) {
        return columns(ds, s, from, to, width, null);
    }

    /**
     * Aggregates a series into pixel columns, reusing the arrays of an earlier result of the same width.
     *
     * @param ds the dataset
     * @param s the series index
     * @param from the window's start
     * @param to the window's end
     * @param width the number of columns
     * @param reuse an earlier result to overwrite, or null
     * @return the columns
     */
    static Columns columns(SeriesDataset ds, int s, double from, double to, int width, Columns reuse) {
        long[] t = ds.series(s).times();
        double[] v = ds.series(s).values();
        boolean fits = reuse != null && reuse.min().length == width + 2;
        double[] min = fits ? reuse.min() : new double[width + 2];
        double[] max = fits ? reuse.max() : new double[width + 2];
        double[] first = fits ? reuse.first() : new double[width + 2];
        double[] last = fits ? reuse.last() : new double[width + 2];
        boolean[] gap = fits ? reuse.gapBefore() : new boolean[width + 2];
        Arrays.fill(min, Double.NaN);
        Arrays.fill(gap, false);
        int a = Math.max(0, SeriesDataset.lowerBound(t, from) - 1);
        int b = Math.min(t.length, SeriesDataset.upperBound(t, to) + 1);
        double scale = width / (to - from);
        boolean pendingGap = false;
        for (int i = a; i < b; i++) {
            double y = v[i];
            if (!ds.shown(y)) {
                pendingGap = true;
                continue;
            }
            double x = (t[i] - from) * scale;
            int c = x < 0 ? 0 : x > width ? width + 1 : x == width ? width : 1 + (int) x;
            if (Double.isNaN(min[c])) {
                min[c] = y;
                max[c] = y;
                first[c] = y;
                gap[c] = pendingGap;
            } else {
                min[c] = Math.min(min[c], y);
                max[c] = Math.max(max[c], y);
            }
            last[c] = y;
            pendingGap = false;
        }
        return new Columns(min, max, first, last, gap);
    }

    @Override
    public boolean render(Graphics2D g2, Rectangle2D dataArea, int index, PlotRenderingInfo info, CrosshairState crosshairState) {
        if (index != 0 || !(getDataset(0) instanceof SeriesDataset ds)) {
            return super.render(g2, dataArea, index, info, crosshairState);
        }
        int w = (int) Math.ceil(dataArea.getWidth());
        int h = (int) Math.ceil(dataArea.getHeight());
        if (w <= 0 || h <= 0 || ds.getSeriesCount() == 0) {
            return false;
        }
        if (image == null || image.getWidth() != w || image.getHeight() != h) {
            image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        }
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        Arrays.fill(px, 0);
        ValueAxis time = getDomainAxis();
        ValueAxis value = getRangeAxis();
        RectangleEdge edge = getRangeAxisEdge();
        Rectangle2D local = new Rectangle2D.Double(0, 0, w, h);
        double from = time.getLowerBound();
        double to = time.getUpperBound();
        XYItemRenderer r = getRenderer();
        int thick = ds.getSeriesCount() <= 8 ? 1 : 0;
        boolean any = false;
        Columns col = null;
        java.util.function.DoubleUnaryOperator toY;
        if (value instanceof org.jfree.chart.axis.NumberAxis && !value.isInverted() && RectangleEdge.isLeftOrRight(edge)) {
            // the linear axis' own formula, without its per-call lookups (four calls per column and series)
            double lo = value.getLowerBound();
            double perUnit = h / (value.getUpperBound() - lo);
            toY = yv -> h - (yv - lo) * perUnit;
        } else {
            toY = yv -> value.valueToJava2D(yv, local, edge);
        }
        for (int s = 0; s < ds.getSeriesCount(); s++) {
            if (r != null && !r.isSeriesVisible(s)) {
                continue;
            }
            Paint p = r == null ? null : r.getItemPaint(s, 0);
            int argb = (p instanceof Color c ? c : Color.GRAY).getRGB();
            col = columns(ds, s, from, to, w, col);
            any |= draw(px, w, h, col, argb, thick, toY);
        }
        g2.drawImage(image, (int) Math.round(dataArea.getX()), (int) Math.round(dataArea.getY()), null);
        return any;
    }

    /**
     * Draws one series' columns into the pixels: in each column a span from its lowest to its highest value, extended to
     * meet the previous column's last value; empty columns between two points get the straight line between them.
     */
    private static boolean draw(int[] px, int w, int h, Columns col, int argb, int thick, java.util.function.DoubleUnaryOperator toY) {
        boolean any = false;
        int prev = -1;
        double prevY = Double.NaN;
        for (int c = 0; c < w + 2; c++) {
            if (Double.isNaN(col.min()[c])) {
                continue;
            }
            double yFirst = toY.applyAsDouble(col.first()[c]);
            double yMin = toY.applyAsDouble(col.min()[c]);
            double yMax = toY.applyAsDouble(col.max()[c]);
            if (prev >= 0 && !col.gapBefore()[c]) {
                // straight line through the empty columns, then join into this one
                for (int k = prev + 1; k < c; k++) {
                    double ya = prevY + (yFirst - prevY) * (k - 1 - prev) / (c - prev);
                    double yb = prevY + (yFirst - prevY) * (k - prev) / (c - prev);
                    any |= span(px, w, h, k - 1, ya, yb, argb, thick);
                }
                double join = c == prev + 1 ? prevY : prevY + (yFirst - prevY) * (c - 1 - prev) / (c - prev);
                any |= span(px, w, h, c - 1, Math.min(Math.min(yMin, yMax), join), Math.max(Math.max(yMin, yMax), join), argb, thick);
            } else {
                any |= span(px, w, h, c - 1, Math.min(yMin, yMax), Math.max(yMin, yMax), argb, thick);
            }
            prev = c;
            prevY = toY.applyAsDouble(col.last()[c]);
        }
        return any;
    }

    private static boolean span(int[] px, int w, int h, int x, double ya, double yb, int argb, int thick) {
        if (x < 0 || x >= w || Double.isNaN(ya) || Double.isNaN(yb)) {
            return false;
        }
        int top = (int) Math.floor(Math.min(ya, yb));
        int bottom = (int) Math.floor(Math.max(ya, yb)) + thick;
        top = Math.max(0, top);
        bottom = Math.min(h - 1, bottom);
        for (int y = top; y <= bottom; y++) {
            px[y * w + x] = argb;
        }
        return top <= bottom;
    }
}
