package dev.triage.plugin.metrics.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.kernel.Kernel;
import dev.triage.plugin.metrics.NoTask;
import dev.triage.plugin.metrics.application.FetchResult;
import dev.triage.plugin.metrics.application.MetricsChart;
import dev.triage.plugin.metrics.domain.Anomaly;
import dev.triage.plugin.metrics.domain.AnomalyDetector;
import dev.triage.plugin.metrics.domain.Series;
import dev.triage.testkit.TestKernels;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * The benchmark of docs/benchmarks.md (run by plugins/metrics/bench.sh, not by the test suite): 200 series × 11,000
 * points backfilled into a local Prometheus with promtool, then, one line per measurement, the comparison clients
 * ({@code curl}, {@code promtool query range}) and Triage's fetch, store, load, anomaly marks, first chart and a timed
 * render loop of pans. Wall and CPU time (this JVM's, not Prometheus') are printed for each step.
 */
public final class MetricsBench {

    static final int SERIES = 200;
    static final int POINTS = 11_000;
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private MetricsBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the work folder (default target/bench)
     * @throws Exception when a step fails
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench").toAbsolutePath();
        org.slf4j.LoggerFactory.getLogger(MetricsBench.class).debug("logging set up before anything is timed");
        Files.createDirectories(dir);
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        Instant start = end.minusSeconds(POINTS - 1);
        Path om = dir.resolve("bench-" + end.getEpochSecond() + ".om");
        if (!Files.exists(om)) {
            write(om, start);
        }
        long t0 = System.nanoTime();
        try (LocalPrometheus prometheus = LocalPrometheus.start("bench", om)) {
            line("backfill (promtool) + Prometheus start", System.nanoTime() - t0, -1);
            String range = "start=" + start.getEpochSecond() + "&end=" + end.getEpochSecond() + "&step=1";
            external("curl query_range (HTTP only, body to /dev/null)", "curl", "-s", "-o", "/dev/null", "--data-urlencode",
                    "query=bench_value", "--data", range, prometheus.url() + "/api/v1/query_range");
            Path promtool = LocalPrometheus.binary("promtool");
            if (promtool != null) {
                external("promtool query range (Go client, text out)", promtool.toString(), "query", "range", "--start=" + start.getEpochSecond(),
                        "--end=" + end.getEpochSecond(), "--step=1s", prometheus.url(), "bench_value");
            }
            PrometheusHttpClient client = new PrometheusHttpClient(URI.create(prometheus.url()), new PrometheusHttpClient.Auth.None(), false,
                    Duration.ofSeconds(120));
            client.queryRange("bench_value", start, end, Duration.ofSeconds(1), "warm-up"); // JIT and page cache, not measured
            long c = cpu();
            long f0 = System.nanoTime();
            List<Series> fetched = client.queryRange("bench_value", start, end, Duration.ofSeconds(1), "bench");
            line("triage query_range 200 x 11,000, HTTP + streamed parse", System.nanoTime() - f0, cpu() - c);
            check(fetched.size() == SERIES && fetched.stream().allMatch(s -> s.size() == POINTS), "fetched " + fetched.size() + " series");
            Path home = Files.createTempDirectory(dir, "home");
            try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(30)).startPlugins()) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("prometheus", prometheus.url());
                a.put("query", List.of("bench_value"));
                a.put("since", start.toString());
                a.put("until", end.toString());
                Case cs = null;
                long fetchStore = 0;
                for (String run : List.of("first in this JVM", "second, new case")) {
                    if (cs != null) {
                        kernel.cases().close();
                    }
                    cs = kernel.cases().create(home.resolve("case-" + run.charAt(0)), "bench");
                    c = cpu();
                    long s0 = System.nanoTime();
                    FetchResult result = (FetchResult) kernel.commands().executeText("metrics.fetch", a, NoTask.NONE);
                    fetchStore = System.nanoTime() - s0;
                    line("triage metrics.fetch: fetch + store 2.2 M samples (" + run + ")", fetchStore, cpu() - c);
                    check(result.points() == (long) SERIES * POINTS, "stored " + result.points());
                }
                c = cpu();
                long l0 = System.nanoTime();
                List<Series> stored = new DuckDbMetricsStore().loadQuery(cs, "bench_value", Long.MIN_VALUE, Long.MAX_VALUE);
                long load = System.nanoTime() - l0;
                line("triage load 200 series back from the case", load, cpu() - c);
                c = cpu();
                long m0 = System.nanoTime();
                List<Anomaly> marks = new ArrayList<>();
                marks.addAll(AnomalyDetector.DEFAULT.marks(stored)); // as the view marks a chart
                long anomalies = System.nanoTime() - m0;
                line("triage anomaly marks, 200 series (" + marks.size() + " marks)", anomalies, cpu() - c);
                c = cpu();
                long p0 = System.nanoTime();
                JFreeChart chart = MetricsChart.create("bench_value", stored, marks, false, MetricsChart.Palette.LIGHT);
                byte[] png = MetricsChart.png(chart, 1200, 600);
                long first = System.nanoTime() - p0;
                line("triage first chart of 200 series to PNG 1200x600", first, cpu() - c);
                Files.write(dir.resolve("bench-chart.png"), png);
                line("TOTAL fetch + store + load + marks + first chart", fetchStore + load + anomalies + first, -1);
                repaints(chart, start, end, 1200, 600);
                repaints(chart, start, end, 560, 300);
            }
        }
    }

    /** Pans the chart's time axis 400 times and draws it after each pan, as the view's canvas does; prints the spread. */
    static void repaints(JFreeChart chart, Instant start, Instant end, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        long span = (end.toEpochMilli() - start.toEpochMilli()) / 2;
        long[] took = new long[400];
        long[] cpu = new long[400];
        for (int i = -100; i < took.length; i++) { // the first 100 warm up the JIT
            long from = start.toEpochMilli() + Math.floorMod(i * 17_000L, span);
            chart.getXYPlot().getDomainAxis().setRange(from, from + span);
            chart.getXYPlot().configureRangeAxes();
            long r0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            Graphics2D g = img.createGraphics();
            chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
            g.dispose();
            if (i >= 0) {
                took[i] = System.nanoTime() - r0;
                cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
            }
        }
        Arrays.sort(took);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-60s median %.1f ms, p95 %.1f ms, max %.1f ms wall; CPU median %.1f ms, p95 %.1f ms (400 pans)%n",
                "triage repaint after a pan, 200 series, " + w + "x" + h, took[200] / 1e6, took[380] / 1e6, took[399] / 1e6,
                cpu[200] / 1e6, cpu[380] / 1e6);
    }

    private static void write(Path om, Instant start) throws Exception {
        Path tmp = om.resolveSibling(om.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
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
        Files.move(tmp, om);
    }

    private static void external(String what, String... command) throws Exception {
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S"));
        timed.addAll(List.of(command));
        long t = System.nanoTime();
        Process p = new ProcessBuilder(timed).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        int rc = p.waitFor();
        long took = System.nanoTime() - t;
        String[] last = err.substring(err.lastIndexOf('\n') + 1).split(" ");
        long cpu = last.length == 2 ? (long) ((Double.parseDouble(last[0]) + Double.parseDouble(last[1])) * 1e9) : -1;
        line(what + (rc == 0 ? "" : " (exit " + rc + ")"), took, cpu);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void line(String what, long wallNanos, long cpuNanos) {
        System.out.printf(Locale.ROOT, "%-60s %7.2f s wall%s%n", what, wallNanos / 1e9,
                cpuNanos < 0 ? "" : String.format(Locale.ROOT, ", %6.2f s CPU", cpuNanos / 1e9));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("unexpected: " + what);
        }
    }
}
