package dev.triage.plugin.metrics.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.plugin.metrics.domain.MetricType;
import dev.triage.plugin.metrics.domain.Series;
import dev.triage.plugin.metrics.domain.SeriesKey;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsChartTest {

    /** 11,000 points one second apart with the values f(i). */
    static Series series(java.util.function.IntToDoubleFunction f) {
        long[] t = new long[11_000];
        double[] v = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * 1000L;
            v[i] = f.applyAsDouble(i);
        }
        return new Series(SeriesKey.of("m", Map.of()), MetricType.GAUGE, t, v);
    }

    @Test
    void aggregatesEachPixelColumnKeepingSpikesAndGaps() {
        Series s = series(i -> i % 2);
        double[] v = s.values();
        v[5_000] = 99;
        v[5_001] = -7;
        for (int i = 9_000; i < 9_100; i++) {
            v[i] = Double.NaN;
        }
        SeriesDataset ds = new SeriesDataset(List.of(s), List.of("m"), false);
        ColumnPlot.Columns c = ColumnPlot.columns(ds, 0, 0, 10_999_000, 100);
        assertThat(c.min()).hasSize(102);
        assertThat(c.filled()).isEqualTo(100); // every column of the window, none outside it
        assertThat(Arrays.stream(c.max()).max().orElseThrow()).isEqualTo(99);
        assertThat(Arrays.stream(c.min()).filter(m -> !Double.isNaN(m)).min().orElseThrow()).isEqualTo(-7);
        int afterGap = 1 + (int) (9_100_000L * 100 / 10_999_000.0);
        assertThat(c.gapBefore()[afterGap]).isTrue();
        assertThat(ColumnPlot.columns(new SeriesDataset(List.of(s), List.of("m"), true), 0, 0, 10_999_000, 100).min())
                .doesNotContain(-7.0, 0.0);
        // zoomed in: 300 s shown, the points either side of the window are kept in the edge columns 0 and width + 1
        ColumnPlot.Columns zoom = ColumnPlot.columns(ds, 0, 1_000_500, 1_300_500, 1000);
        assertThat(zoom.filled()).isEqualTo(302);
        assertThat(zoom.min()[0]).isEqualTo(v[1_000]);
        assertThat(zoom.min()[1001]).isEqualTo(v[1_301]);
    }

    @Test
    void drawsEveryPointOf200SeriesAndFitsTheValueAxisToThePannedWindow() {
        List<Series> many = new java.util.ArrayList<>();
        for (int k = 0; k < 200; k++) {
            int shift = k;
            many.add(new Series(SeriesKey.of("m", Map.of("k", Integer.toString(k))), MetricType.GAUGE,
                    series(i -> 0).times(), series(i -> i < 5_000 ? 10 + shift % 3 : 50 + shift % 3).values()));
        }
        var chart = MetricsChart.create("m", many, List.of(), false, MetricsChart.Palette.LIGHT);
        BufferedImage img = chart.createBufferedImage(1200, 600);
        int line = MetricsChart.Palette.LIGHT.lines().get(199 % 8).getRGB(); // the last series drawn: nothing covers it
        long painted = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                painted += img.getRGB(x, y) == line ? 1 : 0;
            }
        }
        assertThat(painted).isGreaterThan(100);
        chart.getXYPlot().getDomainAxis().setRange(6_000_000, 7_000_000);
        chart.getXYPlot().configureRangeAxes(); // what the view does after a zoom
        org.jfree.data.Range r = chart.getXYPlot().getRangeAxis().getRange();
        assertThat(r.getLowerBound()).isGreaterThan(40); // only the points after the step are in the window
    }

    @Test
    void legendsNameOnlyTheLabelsThatDiffer() {
        assertThat(MetricsChart.legends(List.of(SeriesKey.of("up", Map.of("job", "node", "instance", "a")),
                SeriesKey.of("up", Map.of("job", "node", "instance", "b"))))).containsExactly("instance=a", "instance=b");
        assertThat(MetricsChart.legends(List.of(SeriesKey.of("up", Map.of("job", "node")))).get(0)).isEqualTo("job=node");
        assertThat(MetricsChart.legends(List.of(SeriesKey.of("a", Map.of()), SeriesKey.of("b", Map.of())))).containsExactly("a", "b");
    }
}
