package dev.triage.plugin.metrics.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.triage.core.cases.Case;
import dev.triage.core.kernel.Kernel;
import dev.triage.plugin.metrics.application.FetchResult;
import dev.triage.plugin.metrics.application.MetricsChart;
import dev.triage.plugin.metrics.domain.Anomaly;
import dev.triage.plugin.metrics.domain.AnomalyDetector;
import dev.triage.plugin.metrics.domain.Series;
import dev.triage.testkit.TestKernels;
import java.io.BufferedWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark of docs/benchmarks.md: 200 series × 11,000 points backfilled into a local Prometheus, then fetched,
 * stored and charted. Runs only with {@code -Dtriage.bench=true}.
 */
class MetricsBenchmarkTest {

    static final int SERIES = 200;
    static final int POINTS = 11_000;

    @TempDir
    Path home;

    @Test
    void fetchesStoresAndCharts200SeriesOf11000Points() throws Exception {
        assumeTrue(Boolean.getBoolean("triage.bench"), "benchmark: run with -Dtriage.bench=true");
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        Instant start = end.minusSeconds(POINTS - 1);
        Path om = Path.of("target", "bench-" + ProcessHandle.current().pid() + ".om").toAbsolutePath();
        try (BufferedWriter w = Files.newBufferedWriter(om)) {
            w.write("# TYPE bench_value gauge\n");
            java.util.Random r = new java.util.Random(42);
            for (int s = 0; s < SERIES; s++) {
                for (int i = 0; i < POINTS; i++) {
                    double v = 100 + 10 * Math.sin(i / 600.0 + s) + r.nextGaussian() + (s % 20 == 0 && i > 8000 ? 40 : 0);
                    w.write("bench_value{series=\"" + s + "\",shard=\"" + (s % 8) + "\"} " + String.format(Locale.ROOT, "%.3f", v) + " "
                            + (start.getEpochSecond() + i) + "\n");
                }
            }
            w.write("# EOF\n");
        }
        long t0 = System.nanoTime();
        try (LocalPrometheus prometheus = LocalPrometheus.start("bench", om)) {
            long backfill = System.nanoTime() - t0;
            PrometheusHttpClient client = new PrometheusHttpClient(URI.create(prometheus.url()), new PrometheusHttpClient.Auth.None(), false,
                    Duration.ofSeconds(60));
            client.queryRange("bench_value", start, end, Duration.ofSeconds(1), "warm-up"); // JIT and page cache, not measured
            long f0 = System.nanoTime();
            List<Series> fetched = client.queryRange("bench_value", start, end, Duration.ofSeconds(1), "bench");
            long fetchOnly = System.nanoTime() - f0;
            assertThat(fetched).hasSize(SERIES).allMatch(s -> s.size() == POINTS);
            try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
                Case c = kernel.cases().create(home.resolve("case"), "bench");
                Map<String, Object> args = new LinkedHashMap<>();
                args.put("prometheus", prometheus.url());
                args.put("query", List.of("bench_value"));
                args.put("since", start.toString());
                args.put("until", end.toString());
                long s0 = System.nanoTime();
                FetchResult result = (FetchResult) kernel.commands().executeText("metrics.fetch", args, PrometheusLiveTest.NONE);
                long fetchStore = System.nanoTime() - s0;
                assertThat(result.points()).isEqualTo((long) SERIES * POINTS);
                long c0 = System.nanoTime();
                List<Series> stored = new DuckDbMetricsStore().loadQuery(c, "bench_value", Long.MIN_VALUE, Long.MAX_VALUE);
                long load = System.nanoTime() - c0;
                long m0 = System.nanoTime();
                List<Anomaly> marks = new ArrayList<>();
                stored.forEach(s -> marks.addAll(AnomalyDetector.DEFAULT.marks(s)));
                long anomalies = System.nanoTime() - m0;
                long p0 = System.nanoTime();
                JFreeChart chart = MetricsChart.create("bench_value", stored, marks, false, MetricsChart.Palette.LIGHT);
                byte[] png = MetricsChart.png(chart, 1200, 600);
                long firstChart = System.nanoTime() - p0;
                java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(1200, 600, java.awt.image.BufferedImage.TYPE_INT_ARGB);
                long[] repaints = new long[10];
                for (int i = 0; i < repaints.length; i++) {
                    // a pan: move the time axis, then repaint as the ChartViewer does
                    chart.getXYPlot().getDomainAxis().setRange(start.toEpochMilli() + i * 60_000L, end.toEpochMilli() - (10 - i) * 60_000L);
                    long r0 = System.nanoTime();
                    java.awt.Graphics2D g = img.createGraphics();
                    chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 1200, 600));
                    g.dispose();
                    repaints[i] = System.nanoTime() - r0;
                }
                java.util.Arrays.sort(repaints);
                Files.write(Path.of("target", "bench-chart.png"), png);
                String line = String.format(Locale.ROOT, "BENCH series=%d points=%d backfill+start=%.1fs fetch(HTTP+parse)=%.2fs "
                        + "fetch+store(command)=%.2fs load=%.2fs anomalies=%.2fs marks=%d chart(first PNG)=%.2fs repaint median=%.0fms max=%.0fms",
                        SERIES, result.points(), backfill / 1e9, fetchOnly / 1e9, fetchStore / 1e9, load / 1e9, anomalies / 1e9, marks.size(),
                        firstChart / 1e9, repaints[5] / 1e6, repaints[9] / 1e6);
                Files.writeString(Path.of("target", "bench-result.txt"), line + "\n");
                org.slf4j.LoggerFactory.getLogger(MetricsBenchmarkTest.class).info(line);
            }
        } finally {
            Files.deleteIfExists(om);
        }
    }
}
