package dev.triage.plugin.overview.application;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** Draws one trend (a metric, every target overlaid) as a PNG for the case report, without a window. */
final class TrendPng {

    static final int WIDTH = 1000;
    static final int HEIGHT = 300;

    private TrendPng() {
    }

    /**
     * Draws the series on a white background with a legend per target.
     *
     * @param title the chart title, such as "QPS, last 24 h"
     * @param series the series, oldest point first
     * @return the PNG bytes
     * @throws IOException when the image cannot be encoded
     */
    static byte[] draw(String title, List<Trends.Series> series) throws IOException {
        TimeSeriesCollection data = new TimeSeriesCollection();
        for (Trends.Series s : series) {
            TimeSeries ts = new TimeSeries(s.target());
            for (Map.Entry<java.time.Instant, Double> p : s.points()) {
                ts.addOrUpdate(new FixedMillisecond(Date.from(p.getKey())), p.getValue());
            }
            data.addSeries(ts);
        }
        NumberAxis values = new NumberAxis();
        values.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        XYPlot plot = new XYPlot(data, new DateAxis(), values, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(200, 200, 200));
        plot.setDomainGridlinePaint(new Color(200, 200, 200));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(chart.createBufferedImage(WIDTH, HEIGHT), "png", out);
        return out.toByteArray();
    }
}
