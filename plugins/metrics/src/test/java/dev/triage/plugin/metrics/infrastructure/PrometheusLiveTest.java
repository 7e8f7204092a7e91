package dev.triage.plugin.metrics.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.core.cases.Case;
import dev.triage.core.cases.ImportSummary;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.metrics.NoTask;
import dev.triage.plugin.metrics.application.FetchResult;
import dev.triage.plugin.metrics.domain.Series;
import dev.triage.plugin.metrics.domain.SeriesKey;
import dev.triage.testkit.TestKernels;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetches from a real Prometheus scraping a real node exporter and itself every second, and compares with its API. */
class PrometheusLiveTest {

    static final TaskContext NONE = NoTask.NONE;

    static LocalPrometheus prometheus;

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws Exception {
        prometheus = LocalPrometheus.start("live");
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    /** The values the API returns for a query, by series text, read with plain Jackson (not the plugin's reader). */
    static Map<String, TreeMap<Long, Double>> direct(String promql, Instant from, Instant to, int stepSeconds, String unnamed) throws Exception {
        JsonNode r = prometheus.get("/api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&start=" + from.getEpochSecond() + "&end=" + to.getEpochSecond() + "&step=" + stepSeconds);
        assertThat(r.path("status").asText()).isEqualTo("success");
        Map<String, TreeMap<Long, Double>> out = new HashMap<>();
        for (JsonNode s : r.path("data").path("result")) {
            Map<String, String> labels = new TreeMap<>();
            s.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            SeriesKey key = SeriesKey.of(labels.getOrDefault("__name__", unnamed), labels);
            TreeMap<Long, Double> points = new TreeMap<>();
            for (JsonNode p : s.path("values")) {
                points.put(Math.round(p.get(0).asDouble() * 1000), Double.parseDouble(p.get(1).asText()));
            }
            out.put(key.text(), points);
        }
        return out;
    }

    static Map<String, TreeMap<Long, Double>> asMap(List<Series> series) {
        Map<String, TreeMap<Long, Double>> out = new HashMap<>();
        for (Series s : series) {
            TreeMap<Long, Double> points = new TreeMap<>();
            for (int i = 0; i < s.size(); i++) {
                points.put(s.times()[i], s.values()[i]);
            }
            out.put(s.key().text(), points);
        }
        return out;
    }

    @Test
    void fetchesQuerySetsIntoTheCaseWithTheValuesTheApiReturns() throws Exception {
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        Instant from = to.minusSeconds(30);
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = kernel.cases().create(home.resolve("case"), "demo");
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("prometheus", prometheus.url());
            args.put("querySet", "prometheus");
            args.put("query", List.of("node_load1", "rate(node_cpu_seconds_total[5s])", "this is not promql"));
            args.put("since", from.toString());
            args.put("until", to.toString());
            FetchResult r = (FetchResult) kernel.commands().executeText("metrics.fetch", args, NONE);
            assertThat(r.step()).isEqualTo(Duration.ofSeconds(1));
            assertThat(r.queries()).hasSize(8);
            assertThat(r.queries().get(7).error()).contains("parse error");
            assertThat(r.queries().subList(0, 7)).allMatch(q -> q.error() == null);
            assertThat(r.series()).isGreaterThan(5);
            assertThat(r.text()).contains("FAILED", "Targets up");
            assertThat(r.exitCode()).isZero();
            DuckDbMetricsStore store = new DuckDbMetricsStore();
            for (String q : List.of("up", "node_load1", "rate(node_cpu_seconds_total[5s])", "scrape_duration_seconds")) {
                Map<String, TreeMap<Long, Double>> api = direct(q, from, to, 1, q.equals("up") ? "Targets up" : q);
                Map<String, TreeMap<Long, Double>> stored = asMap(store.loadQuery(c, q, Long.MIN_VALUE, Long.MAX_VALUE));
                assertThat(api).as(q).isNotEmpty();
                if (!q.startsWith("rate")) {
                    assertThat(stored).as(q).isEqualTo(api);
                } else {
                    // a rate's result series have no metric name: the stored name is the query's title
                    assertThat(stored.values()).as(q).containsExactlyInAnyOrderElementsOf(api.values());
                }
            }
            try (Connection conn = c.newConnection(); Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM metrics_series s JOIN metrics_samples p USING (series_id)"
                         + " WHERE s.metric = 'up' AND (s.labels->>'job') = 'node' AND p.value = 1")) {
                rs.next();
                long upPoints = direct("up{job=\"node\"} == 1", from, to, 1, "x").values().iterator().next().size();
                assertThat(rs.getLong(1)).as("labels queryable as JSON in SQL").isEqualTo(upPoints).isGreaterThan(3);
            }
            // fetching the same window again replaces, not doubles, the points
            List<Series> before = store.loadQuery(c, "up", Long.MIN_VALUE, Long.MAX_VALUE);
            kernel.commands().executeText("metrics.fetch", args, NONE);
            assertThat(store.loadQuery(c, "up", Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(before);
        }
    }

    @Test
    void theClientListsLabelsValuesAndSeriesAndReportsErrors() throws Exception {
        PrometheusHttpClient client = new PrometheusHttpClient(URI.create(prometheus.url()), new PrometheusHttpClient.Auth.None(), false,
                Duration.ofSeconds(10));
        assertThat(client.labels()).contains("__name__", "job", "instance");
        assertThat(client.labelValues("__name__")).contains("up", "node_load1", "prometheus_build_info");
        assertThat(client.labelValues("job")).containsExactly("node", "prometheus");
        Instant now = Instant.now();
        assertThat(client.series("up", now.minusSeconds(60), now)).extracting(m -> m.get("job")).containsExactlyInAnyOrder("node", "prometheus");
        assertThatThrownBy(() -> client.queryRange("sum(", now.minusSeconds(60), now, Duration.ofSeconds(1), "x"))
                .hasMessageContaining("parse error");
        PrometheusHttpClient nowhere = new PrometheusHttpClient(URI.create("http://127.0.0.1:" + LocalPrometheus.freePort()),
                new PrometheusHttpClient.Auth.None(), false, Duration.ofSeconds(5));
        assertThatThrownBy(nowhere::labels).hasMessageContaining("Cannot connect to Prometheus at http://127.0.0.1:");
    }

    @Test
    void importsExpositionsAndQueryResultsSavedFromTheSameServer() throws Exception {
        long taken = Instant.now().getEpochSecond();
        Path first = home.resolve("node-" + taken + ".prom");
        Files.writeString(first, prometheus.raw("http://127.0.0.1:" + prometheus.exporterPort + "/metrics"));
        Path second = home.resolve("node-" + (taken + 10) + ".prom");
        Files.writeString(second, prometheus.raw("http://127.0.0.1:" + prometheus.exporterPort + "/metrics"));
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        Instant from = to.minusSeconds(20);
        Path saved = home.resolve("load.json");
        Files.writeString(saved, prometheus.raw(prometheus.url() + "/api/v1/query_range?query=node_load1&start=" + from.getEpochSecond()
                + "&end=" + to.getEpochSecond() + "&step=1"));
        long samples = Files.readAllLines(first).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = kernel.cases().create(home.resolve("case"), "demo");
            ImportSummary s = (ImportSummary) kernel.commands().executeText("metrics.import",
                    Map.of("files", List.of(first.toString(), second.toString(), saved.toString())), NONE);
            assertThat(s.skipped()).isZero();
            assertThat(s.files()).isEqualTo(3);
            DuckDbMetricsStore store = new DuckDbMetricsStore();
            List<Series> all = store.load(c, k -> !k.labels().containsKey("job"), Long.MIN_VALUE,
                    Long.MAX_VALUE);
            assertThat((long) all.size()).as("one series per sample line of the exposition").isEqualTo(samples);
            Series cpu = all.stream().filter(x -> x.key().metric().equals("node_cpu_seconds_total")).findFirst().orElseThrow();
            assertThat(cpu.size()).as("two snapshots, ten seconds apart by their names").isEqualTo(2);
            assertThat(cpu.times()[1] - cpu.times()[0]).isEqualTo(10_000);
            assertThat(cpu.type()).isEqualTo(dev.triage.plugin.metrics.domain.MetricType.COUNTER);
            Map<String, TreeMap<Long, Double>> api = direct("node_load1", from, to, 1, "node_load1");
            Map<String, TreeMap<Long, Double>> stored = asMap(store.load(c, k -> k.metric().equals("node_load1"), from.toEpochMilli(),
                    to.toEpochMilli()));
            String key = api.keySet().iterator().next();
            assertThat(stored.get(key)).isEqualTo(api.get(key));
        }
    }
}
