package dev.triage.plugin.metrics.application;

import dev.triage.plugin.metrics.domain.Anomaly;
import dev.triage.plugin.metrics.domain.Series;
import dev.triage.plugin.metrics.domain.SeriesKey;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Builds the time-series chart of one query (JFreeChart, AWT only): one line per label set with a legend of the labels
 * that differ between the series, anomaly marks as red dots, optional log scale. The view shows it in a ChartViewer;
 * the report and {@code metrics chart} render it to PNG. The lines are drawn per pixel column from the full series
 * ({@link ColumnPlot}), so a chart of 200 series × 11,000 points repaints in milliseconds and a zoom shows every point.
 */
public final class MetricsChart {

    /**
     * The colours of a chart, taken from the theme in the view.
     *
     * @param background the chart and plot background
     * @param foreground text and axes
     * @param grid grid lines
     * @param lines the series colours, cycled
     * @param mark the anomaly mark colour
     */
    public record Palette(Color background, Color foreground, Color grid, List<Color> lines, Color mark) {

        /** A light palette for reports. */
        public static final Palette LIGHT = new Palette(Color.WHITE, new Color(0x24292f), new Color(0xd0d7de),
                List.of(new Color(0x0969da), new Color(0x1a7f37), new Color(0xbc4c00), new Color(0x8250df), new Color(0xbf3989),
                        new Color(0x1b7c83), new Color(0x9a6700), new Color(0x57606a)), new Color(0xcf222e));

        /** Copies the colours. */
        public Palette {
            lines = List.copyOf(lines);
        }
    }

    /** Most series drawn with a legend entry; more are drawn but summarised. */
    static final int LEGEND_LIMIT = 12;

    private MetricsChart() {
    }

    /**
     * Creates the chart.
     *
     * @param title the title
     * @param series the series
     * @param marks the anomaly marks to draw
     * @param logScale true for a logarithmic value axis (non-positive values are left out)
     * @param palette the colours
     * @return the chart
     */
    public static JFreeChart create(String title, List<Series> series, List<Anomaly> marks, boolean logScale, Palette palette) {
        List<String> legends = legends(series.stream().map(Series::key).toList());
        List<String> names = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < series.size(); i++) {
            String name = legends.get(i);
            for (int n = 2; !taken.add(name); n++) {
                name = legends.get(i) + " #" + n;
            }
            names.add(name);
        }
        SeriesDataset lines = new SeriesDataset(series, names, logScale);
        DateAxis time = new DateAxis();
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        ValueAxis value;
        if (logScale) {
            LogAxis log = new LogAxis();
            log.setSmallestValue(1e-9);
            value = log;
        } else {
            NumberAxis n = new NumberAxis();
            n.setAutoRangeIncludesZero(false);
            // a flat series gets a readable range around its value instead of ten ticks all labelled 1E2
            org.jfree.data.Range all = lines.getRangeBounds(false);
            double top = all == null ? 0 : Math.max(Math.abs(all.getLowerBound()), Math.abs(all.getUpperBound()));
            n.setAutoRangeMinimumSize(Math.max(top * 0.02, 1e-6));
            value = n;
        }
        SamplingXYLineRenderer renderer = new SamplingXYLineRenderer();
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, palette.lines().get(i % palette.lines().size()));
            renderer.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        XYPlot plot = new ColumnPlot(lines, time, value, renderer);
        if (!marks.isEmpty()) {
            DefaultXYDataset dots = new DefaultXYDataset();
            double[] x = new double[marks.size()];
            double[] y = new double[marks.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = marks.get(i).timeMillis();
                y[i] = logScale && marks.get(i).value() <= 0 ? Double.NaN : marks.get(i).value();
            }
            dots.addSeries("anomaly", new double[][] {x, y});
            XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
            dotRenderer.setSeriesPaint(0, palette.mark());
            dotRenderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            dotRenderer.setSeriesVisibleInLegend(0, false);
            plot.setDataset(1, dots);
            plot.setRenderer(1, dotRenderer);
        }
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, series.size() > 1);
        theme(chart, palette);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            if (series.size() > LEGEND_LIMIT) {
                for (int i = LEGEND_LIMIT; i < series.size(); i++) {
                    renderer.setSeriesVisibleInLegend(i, false);
                }
            }
        }
        return chart;
    }

    /**
     * Applies a palette to a chart (JFreeChart draws white and grey by default).
     *
     * @param chart the chart
     * @param palette the colours
     */
    public static void theme(JFreeChart chart, Palette palette) {
        chart.setBackgroundPaint(palette.background());
        chart.getTitle().setPaint(palette.foreground());
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(palette.background());
        plot.setDomainGridlinePaint(palette.grid());
        plot.setRangeGridlinePaint(palette.grid());
        plot.setOutlinePaint(palette.grid());
        for (ValueAxis axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            axis.setTickLabelPaint(palette.foreground());
            axis.setLabelPaint(palette.foreground());
            axis.setAxisLinePaint(palette.grid());
            axis.setTickMarkPaint(palette.grid());
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(palette.background());
            chart.getLegend().setItemPaint(palette.foreground());
        }
    }

    /**
     * Renders a chart to PNG.
     *
     * @param chart the chart
     * @param width the width in pixels
     * @param height the height in pixels
     * @return the PNG bytes
     * @throws IOException when encoding fails
     */
    public static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        BufferedImage image = chart.createBufferedImage(width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /**
     * Returns one legend per series: the labels whose values differ between the series (all labels when there is one
     * series; the metric name when that leaves nothing), joined as {@code a=x, b=y}.
     *
     * @param keys the series
     * @return the legends, in order
     */
    public static List<String> legends(List<SeriesKey> keys) {
        Set<String> metrics = new HashSet<>();
        Set<String> varying = new HashSet<>();
        for (SeriesKey k : keys) {
            metrics.add(k.metric());
            for (SeriesKey other : keys) {
                Set<String> names = new HashSet<>(k.labels().keySet());
                names.addAll(other.labels().keySet());
                for (String n : names) {
                    if (!java.util.Objects.equals(k.labels().get(n), other.labels().get(n))) {
                        varying.add(n);
                    }
                }
            }
            if (keys.size() > 50) {
                break;
            }
        }
        if (keys.size() > 50) {
            for (SeriesKey k : keys) {
                metrics.add(k.metric());
                varying.addAll(k.labels().keySet());
            }
        }
        List<String> out = new ArrayList<>();
        for (SeriesKey k : keys) {
            List<String> parts = new ArrayList<>();
            if (metrics.size() > 1) {
                parts.add(k.metric());
            }
            for (Map.Entry<String, String> e : k.labels().entrySet()) {
                if (varying.contains(e.getKey()) || keys.size() == 1) {
                    parts.add(e.getKey() + "=" + e.getValue());
                }
            }
            out.add(parts.isEmpty() ? k.metric() : String.join(", ", parts));
        }
        return out;
    }
}
