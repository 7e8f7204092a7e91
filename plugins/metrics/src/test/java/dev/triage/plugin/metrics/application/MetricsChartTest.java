package dev.triage.plugin.metrics.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.plugin.metrics.domain.MetricType;
import dev.triage.plugin.metrics.domain.Series;
import dev.triage.plugin.metrics.domain.SeriesKey;
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
    void decimatesToMinAndMaxPerBucketKeepingSpikesAndGaps() {
        Series s = series(i -> i % 2);
        double[] v = s.values();
        v[5_000] = 99;
        v[5_001] = -7;
        for (int i = 9_000; i < 9_100; i++) {
            v[i] = Double.NaN;
        }
        double[][] xy = MetricsChart.decimate(s, 100, false);
        assertThat(xy[0].length).isLessThanOrEqualTo(300).isEqualTo(xy[1].length);
        assertThat(xy[1]).contains(99.0, -7.0, Double.NaN);
        for (int i = 1; i < xy[0].length; i++) {
            assertThat(xy[0][i]).isGreaterThan(xy[0][i - 1]);
        }
        assertThat(MetricsChart.decimate(s, 100, true)[1]).doesNotContain(-7.0, 0.0);
        assertThat(MetricsChart.decimate(new Series(s.key(), s.type(), new long[] {1, 2}, new double[] {3, Double.POSITIVE_INFINITY}), 100, false)[1])
                .containsExactly(3.0, Double.NaN);
    }

    @Test
    void refiningForAZoomedWindowShowsEveryPointOfIt() {
        Series s = series(i -> i);
        var chart = MetricsChart.create("m", List.of(s), List.of(), false, MetricsChart.Palette.LIGHT);
        assertThat(chart.getXYPlot().getDataset().getItemCount(0)).isLessThanOrEqualTo(3 * MetricsChart.BUCKETS);
        MetricsChart.refine(chart, List.of(s), false, 1_000_000, 1_300_000);
        var ds = chart.getXYPlot().getDataset();
        assertThat(ds.getItemCount(0)).isEqualTo(331); // 300 s of points at 1 s, plus 5 % either side
        assertThat(ds.getXValue(0, 0)).isEqualTo(985_000.0);
        assertThat(ds.getSeriesKey(0)).isEqualTo("m");
    }

    @Test
    void legendsNameOnlyTheLabelsThatDiffer() {
        assertThat(MetricsChart.legends(List.of(SeriesKey.of("up", Map.of("job", "node", "instance", "a")),
                SeriesKey.of("up", Map.of("job", "node", "instance", "b"))))).containsExactly("instance=a", "instance=b");
        assertThat(MetricsChart.legends(List.of(SeriesKey.of("up", Map.of("job", "node")))).get(0)).isEqualTo("job=node");
        assertThat(MetricsChart.legends(List.of(SeriesKey.of("a", Map.of()), SeriesKey.of("b", Map.of())))).containsExactly("a", "b");
    }
}
