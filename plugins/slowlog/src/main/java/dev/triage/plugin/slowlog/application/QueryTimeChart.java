package dev.triage.plugin.slowlog.application;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** Draws the report's chart off-screen: total query time per time bucket of the top classes, one line each. */
final class QueryTimeChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 360;
    private static final Color[] LINES = {new Color(0x0969da), new Color(0xcf222e), new Color(0x1a7f37), new Color(0x9a6700),
        new Color(0x8250df)};

    private QueryTimeChart() {
    }

    /**
     * Renders the series as a PNG.
     *
     * @param title the chart title
     * @param axis the value axis label
     * @param series per class label, its buckets
     * @return the PNG bytes
     * @throws IOException when encoding fails
     */
    static byte[] png(String title, String axis, Map<String, List<TimelinePoint>> series) throws IOException {
        TimeSeriesCollection data = new TimeSeriesCollection();
        for (Map.Entry<String, List<TimelinePoint>> e : series.entrySet()) {
            TimeSeries s = new TimeSeries(e.getKey());
            for (TimelinePoint p : e.getValue()) {
                s.addOrUpdate(new FixedMillisecond(Date.from(p.start())), p.sumQueryTime());
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, null, axis, data, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xd0d7de));
        plot.setRangeGridlinePaint(new Color(0xd0d7de));
        for (int i = 0; i < data.getSeriesCount(); i++) {
            plot.getRenderer().setSeriesPaint(i, LINES[i % LINES.length]);
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        return out.toByteArray();
    }
}
