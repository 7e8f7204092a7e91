package dev.triage.plugin.metrics.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionStore;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.connection.EncryptedFileSecretStore;
import dev.triage.plugin.metrics.application.PrometheusSource;
import dev.triage.plugin.metrics.domain.QuerySet;
import dev.triage.plugin.metrics.domain.Series;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials from the SecretStore against a real HTTP server started by the test; the saved-file readers. */
class AuthAndFilesTest {

    static final String MATRIX = """
            {"status":"success","data":{"resultType":"matrix","result":[
              {"metric":{"__name__":"up","job":"node","instance":"a:9100"},"values":[[1700000000,"1"],[1700000001.5,"0"]]},
              {"metric":{"job":"x"},"values":[[1700000000,"NaN"],[1700000001,"+Inf"],[1700000002,"-Inf"]]}]}}
            """;

    @TempDir
    Path dir;

    @Test
    void sendsBasicAuthOrABearerTokenFromTheSecretStoreAndNeverWritesThemToDisk() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/prom/api/v1/query_range", ex -> {
            seen.add(ex.getRequestHeaders().getFirst("Authorization") + " " + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = (ex.getRequestHeaders().getFirst("Authorization") == null ? "{}" : MATRIX).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(ex.getRequestHeaders().getFirst("Authorization") == null ? 401 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            EncryptedFileSecretStore secrets = EncryptedFileSecretStore.at(dir.resolve("secrets.enc"));
            secrets.unlock("passphrase".toCharArray());
            ConnectionStore connections = new ConnectionStore(dir, secrets);
            int port = server.getAddress().getPort();
            connections.save(new ConnectionTarget("basic", "Basic", ConnectionKind.PROMETHEUS, "127.0.0.1", port, "ops",
                    Map.of("path", "/prom")), "s3cret-pw".toCharArray());
            connections.save(new ConnectionTarget("bearer", "Bearer", ConnectionKind.PROMETHEUS, "127.0.0.1", port, "",
                    Map.of("path", "/prom", "auth", "bearer")), "tok-123".toCharArray());
            connections.save(new ConnectionTarget("none", "None", ConnectionKind.PROMETHEUS, "127.0.0.1", port, "",
                    Map.of("path", "prom")), null);
            connections.save(new ConnectionTarget("redis", "Redis", ConnectionKind.REDIS, "127.0.0.1", 6379, "", Map.of()), null);
            PrometheusSources sources = new PrometheusSources(connections);
            Instant t = Instant.ofEpochSecond(1_700_000_000);
            PrometheusSource basic = sources.open(null, "basic");
            assertThat(basic.address()).isEqualTo("http://127.0.0.1:" + port + "/prom");
            List<Series> got = basic.queryRange("up", t, t.plusSeconds(2), Duration.ofSeconds(1), "Up");
            assertThat(got).hasSize(2);
            sources.open(null, "bearer").queryRange("up", t, t.plusSeconds(2), Duration.ofSeconds(1), "Up");
            assertThat(seen.get(0)).startsWith("Basic " + Base64.getEncoder().encodeToString("ops:s3cret-pw".getBytes(StandardCharsets.UTF_8)))
                    .contains("query=up", "start=1700000000", "end=1700000002", "step=1.0");
            assertThat(seen.get(1)).startsWith("Bearer tok-123 ");
            assertThatThrownBy(() -> sources.open(null, "none").queryRange("up", t, t, Duration.ofSeconds(1), "Up"))
                    .hasMessageContaining("refused the credentials (HTTP 401)");
            assertThatThrownBy(() -> sources.open(null, "redis")).hasMessageContaining("not PROMETHEUS");
            assertThatThrownBy(() -> sources.open(null, "nope")).hasMessageContaining("No saved connection 'nope'");
            assertThatThrownBy(() -> sources.open("http://u:p@h:9090", null)).hasMessageContaining("Do not put credentials in the URL");
            assertThatThrownBy(() -> sources.open(null, null)).hasMessageContaining("--prometheus URL");
            for (Path f : Files.list(dir).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(text).as(f.toString()).doesNotContain("s3cret-pw", "tok-123");
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void readsQueryRangeJsonWithSpecialValuesAndNamesUnnamedSeries() throws Exception {
        List<Series> s = QueryResultReader.read(new ByteArrayInputStream(MATRIX.getBytes(StandardCharsets.UTF_8)), "my chart");
        assertThat(s.get(0).key().text()).isEqualTo("up{instance=\"a:9100\",job=\"node\"}");
        assertThat(s.get(0).times()).containsExactly(1_700_000_000_000L, 1_700_000_001_500L);
        assertThat(s.get(0).values()).containsExactly(1, 0);
        assertThat(s.get(1).key().metric()).isEqualTo("my chart");
        assertThat(s.get(1).values()[0]).isNaN();
        assertThat(s.get(1).values()[1]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.get(1).values()[2]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> QueryResultReader.read(new ByteArrayInputStream(
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 5\"}".getBytes(StandardCharsets.UTF_8)), "x"))
                .hasMessageContaining("parse error at char 5");
        assertThatThrownBy(() -> QueryResultReader.read(new ByteArrayInputStream("[1]".getBytes(StandardCharsets.UTF_8)), "x"))
                .hasMessageContaining("line 1 column");
    }

    @Test
    void takesGrafanaPanelsAsAQuerySetAndRecognisesFileKinds() throws Exception {
        Path dash = Files.writeString(dir.resolve("dash.json"), """
                {"dashboard": {"title": "TiDB overview", "schemaVersion": 36, "panels": [
                  {"type": "row", "title": "Server", "panels": [
                    {"title": "QPS", "targets": [{"expr": "sum(rate(tidb_server_query_total{instance=~\\"$instance\\"}[$__rate_interval]))", "refId": "A"}]}]},
                  {"title": "Duration", "targets": [
                    {"expr": "histogram_quantile(0.99, sum(rate(x_bucket[1m])) by (le))", "legendFormat": "p99"},
                    {"expr": "histogram_quantile(0.8, sum(rate(x_bucket[1m])) by (le))", "legendFormat": "p80"},
                    {"datasource": "loki", "refId": "C"}]},
                  {"title": "Text", "type": "text"}]}}
                """);
        QuerySet set = GrafanaDashboard.read(dash);
        assertThat(set.name()).isEqualTo("TiDB overview");
        assertThat(set.queries()).extracting(q -> q.title() + " = " + q.promql()).containsExactly(
                "QPS = sum(rate(tidb_server_query_total{instance=~\".*\"}[1m]))",
                "Duration (p99) = histogram_quantile(0.99, sum(rate(x_bucket[1m])) by (le))",
                "Duration (p80) = histogram_quantile(0.8, sum(rate(x_bucket[1m])) by (le))");
        assertThat(MetricsFiles.sniff(Files.readAllBytes(dash))).contains(MetricsFiles.Kind.GRAFANA);
        assertThat(MetricsFiles.sniff(MATRIX.getBytes(StandardCharsets.UTF_8))).contains(MetricsFiles.Kind.QUERY_RESULT);
        assertThat(MetricsFiles.sniff("# HELP x y\nx 1\n".getBytes(StandardCharsets.UTF_8))).contains(MetricsFiles.Kind.EXPOSITION);
        assertThat(MetricsFiles.sniff("a 1\nb{c=\"d\"} 2 1700000000000\nc NaN\n".getBytes(StandardCharsets.UTF_8)))
                .contains(MetricsFiles.Kind.EXPOSITION);
        assertThat(MetricsFiles.sniff("hello world\nthis is a log\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(MetricsFiles.sniff("{\"a\": 1}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(MetricsFiles.takenAt(Files.writeString(dir.resolve("m-20240301T100000Z.prom"), "")))
                .isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(MetricsFiles.takenAt(Files.writeString(dir.resolve("m-1709287200.txt"), ""))).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
    }

    @Test
    void everyShippedQuerySetParsesAndUserCopiesReplaceThem() throws Exception {
        QuerySets sets = new QuerySets(dir.resolve("user"), new DuckDbMetricsStore());
        for (String name : sets.names()) {
            QuerySet s = sets.load(name, null);
            assertThat(s.queries()).as(name).hasSizeGreaterThanOrEqualTo(5).allMatch(q -> !q.promql().isBlank() && !q.title().isBlank());
        }
        assertThat(sets.load("node", null).queries()).anyMatch(q -> q.promql().contains("node_filesystem_size_bytes"));
        Files.createDirectories(dir.resolve("user"));
        Files.writeString(dir.resolve("user/node.txt"), "Only load = node_load1\n");
        assertThat(sets.load("node", null).queries()).singleElement().satisfies(q -> assertThat(q.promql()).isEqualTo("node_load1"));
        assertThatThrownBy(() -> sets.load("oracle", null)).hasMessageContaining("No query set 'oracle'");
        assertThatThrownBy(() -> sets.load("case", null)).hasMessageContaining("needs an open case");
        Path own = Files.writeString(dir.resolve("mine.txt"), "A = up\n");
        assertThat(sets.load(own.toString(), null).queries()).hasSize(1);
    }
}
