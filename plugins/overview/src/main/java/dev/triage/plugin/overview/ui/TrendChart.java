package dev.triage.plugin.overview.ui;

import dev.triage.plugin.overview.application.Trends;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** Trend chart of one metric, all targets overlaid, with a metric and a range picker; hovering a point shows its value. */
final class TrendChart {

    /** Metrics offered in the picker. */
    static final List<String> METRICS = List.of("qps", "tps", "threads_connected", "threads_running", "replication_delay_s",
            "buffer_pool_hit_pct", "row_lock_waits_per_s", "slow_queries_per_s", "storage_bytes", "up", "latency_ms", "used_memory",
            "connected_clients");

    private final BorderPane root = new BorderPane();
    private final ComboBox<String> metric = new ComboBox<>();
    private final ComboBox<Trends.Range> range = new ComboBox<>();
    private final TimeSeriesCollection data = new TimeSeriesCollection();
    private final ChartViewer viewer;
    private final org.jfree.data.xy.YIntervalSeriesCollection band = new org.jfree.data.xy.YIntervalSeriesCollection();
    private XYPlot plot;

    TrendChart(Runnable reload) {
        metric.getItems().setAll(METRICS);
        metric.setValue("qps");
        metric.getStyleClass().add("trend-metric");
        range.getItems().setAll(Trends.Range.values());
        range.setValue(Trends.Range.HOUR);
        range.getStyleClass().add("trend-range");
        metric.setOnAction(e -> reload.run());
        range.setOnAction(e -> reload.run());
        DateAxis time = new DateAxis();
        NumberAxis values = new NumberAxis();
        values.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDefaultToolTipGenerator(StandardXYToolTipGenerator.getTimeSeriesInstance());
        plot = new XYPlot(data, time, values, renderer);
        org.jfree.chart.renderer.xy.DeviationRenderer forecast = new org.jfree.chart.renderer.xy.DeviationRenderer(true, false);
        forecast.setDefaultStroke(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        forecast.setAlpha(0.18f);
        forecast.setDefaultToolTipGenerator(StandardXYToolTipGenerator.getTimeSeriesInstance());
        plot.setDataset(1, band);
        plot.setRenderer(1, forecast);
        plot.setBackgroundPaint(null);
        plot.setOutlineVisible(false);
        java.awt.Color grid = new java.awt.Color(128, 128, 128, 90);
        plot.setRangeGridlinePaint(grid);
        plot.setDomainGridlinePaint(grid);
        java.awt.Color fg = new java.awt.Color(128, 128, 128);
        for (org.jfree.chart.axis.ValueAxis a : List.of(time, values)) {
            a.setTickLabelPaint(fg);
            a.setAxisLinePaint(grid);
            a.setTickMarkPaint(grid);
        }
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(null);
        chart.getLegend().setBackgroundPaint(null);
        chart.getLegend().setItemPaint(fg);
        viewer = new ChartViewer(chart);
        viewer.getStyleClass().add("trend-chart");
        viewer.setPrefHeight(260);
        HBox bar = new HBox(8, new Label("Trend"), metric, range);
        bar.getStyleClass().add("toolbar");
        root.setTop(bar);
        root.setCenter(viewer);
    }

    BorderPane node() {
        return root;
    }

    String metric() {
        return metric.getValue();
    }

    Trends.Range range() {
        return range.getValue();
    }

    /** Replaces the chart's series (on the JavaFX thread). */
    void show(List<Trends.Series> series) {
        data.removeAllSeries();
        for (Trends.Series s : series) {
            TimeSeries ts = new TimeSeries(s.target());
            for (Map.Entry<java.time.Instant, Double> p : s.points()) {
                ts.addOrUpdate(new FixedMillisecond(Date.from(p.getKey())), p.getValue());
            }
            data.addSeries(ts);
        }
    }

    /**
     * Draws the storage forecasts ahead of the data: per target the fitted line (dashed) and its 95 % band, and a marker per
     * storage limit. An empty list clears them.
     */
    void showForecast(List<ForecastBand> forecasts) {
        band.removeAllSeries();
        plot.clearRangeMarkers();
        for (ForecastBand f : forecasts) {
            org.jfree.data.xy.YIntervalSeries s = new org.jfree.data.xy.YIntervalSeries(f.target() + " forecast");
            for (dev.triage.plugin.overview.domain.Forecast.BandPoint p : f.points()) {
                double ms = p.day() * 86_400_000d;
                s.add(ms, p.fit(), p.low(), p.high());
            }
            band.addSeries(s);
            org.jfree.chart.plot.ValueMarker limit = new org.jfree.chart.plot.ValueMarker(f.limit());
            limit.setPaint(new java.awt.Color(0xCF, 0x22, 0x2E));
            limit.setLabel(f.target() + " limit");
            limit.setLabelPaint(new java.awt.Color(128, 128, 128));
            limit.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
            limit.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(limit);
        }
    }

    /**
     * A forecast to draw.
     *
     * @param target the target
     * @param points the band
     * @param limit the storage limit
     */
    record ForecastBand(String target, List<dev.triage.plugin.overview.domain.Forecast.BandPoint> points, double limit) {
    }

    org.jfree.data.xy.YIntervalSeriesCollection band() {
        return band;
    }

    TimeSeriesCollection data() {
        return data;
    }
}
