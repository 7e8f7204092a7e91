package dev.triage.plugin.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.ImportSummary;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.report.Block;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.metrics.application.ChangedFirst;
import dev.triage.testkit.TestKernels;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsPluginTest {

    static final TaskContext NONE = NoTask.NONE;

    static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    @TempDir
    Path home;

    /** Writes 60 snapshots, 15 s apart, named by their time: load steps up at snapshot 40, errors start at 45. */
    List<String> snapshots() throws Exception {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Instant t = T0.plusSeconds(15L * i);
            String name = "node-" + t.toString().replace("-", "").replace(":", "").replace("Z", "") + "Z.prom";
            StringBuilder b = new StringBuilder("# HELP node_load1 1m load average.\n# TYPE node_load1 gauge\n");
            b.append("node_load1 ").append(1 + (i % 3) * 0.1 + (i >= 40 ? 8 : 0)).append('\n');
            b.append("# TYPE app_errors_total counter\n");
            b.append("app_errors_total{path=\"/pay\",msg=\"say \\\"no\\\"\"} ").append(i < 45 ? i : 45 + (i - 45) * 50).append('\n');
            b.append("app_errors_total{path=\"/首页\",msg=\"\"} ").append(i < 30 ? i : i - 29).append('\n'); // restarted: reset
            if (i == 10) {
                b.append("broken{ 1\n");
            }
            Path f = home.resolve(name);
            if (i % 2 == 0) {
                Files.writeString(f, b.toString());
            } else {
                f = home.resolve(name + ".gz");
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
                    out.write(b.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            files.add(f.toString());
        }
        return files;
    }

    @Test
    void importsSnapshotsChartsThemFindsWhatChangedFirstAndReportsIt() throws Exception {
        List<String> files = snapshots();
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            assertThatThrownBy(() -> kernel.commands().executeText("metrics.import", Map.of("files", files), NONE))
                    .hasMessageContaining("No case is open");
            Case c = kernel.cases().create(home.resolve("case"), "demo");
            Path notMetrics = Files.writeString(home.resolve("notes.txt"), "hello\n");
            assertThatThrownBy(() -> kernel.commands().executeText("metrics.import", Map.of("files", List.of(notMetrics.toString())), NONE))
                    .hasMessageContaining("is no Prometheus exposition");
            ImportSummary s = (ImportSummary) kernel.commands().executeText("metrics.import", Map.of("files", files), NONE);
            assertThat(s.files()).isEqualTo(60);
            assertThat(s.rows()).isEqualTo(180);
            assertThat(s.skipped()).isEqualTo(1);
            assertThat(s.warnings()).singleElement().satisfies(w -> assertThat(w).isEqualTo("node-20240301T100230Z.prom line 7: unterminated label set: broken{ 1; line skipped"));
            try (Connection conn = c.newConnection(); Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(DISTINCT series_id), min(ts)::VARCHAR, max(ts)::VARCHAR,"
                         + " max(value) FILTER (WHERE series_id IN (SELECT series_id FROM metrics_series WHERE (labels->>'path') = '/首页'))"
                         + " FROM metrics_samples")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(3);
                assertThat(rs.getString(2)).isEqualTo("2024-03-01 10:00:00");
                assertThat(rs.getString(3)).isEqualTo("2024-03-01 10:14:45");
                assertThat(rs.getDouble(4)).isEqualTo(30);
            }
            Path png = home.resolve("out/load.png");
            String said = (String) kernel.commands().executeText("metrics.chart", Map.of("query", "node_load1", "png", png.toString(),
                    "width", "640", "height", "320", "log", "true"), NONE);
            assertThat(said).contains("1 series, 60 points", "anomaly marks");
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(image.getHeight()).isEqualTo(320);
            String rates = (String) kernel.commands().executeText("metrics.chart", Map.of("query", "app_errors_total{path=\"/pay\"}",
                    "png", home.resolve("rate.png").toString(), "rate", "true", "since", "2024-03-01T10:05:00Z"), NONE);
            assertThat(rates).contains("1 series, 39 points");
            assertThatThrownBy(() -> kernel.commands().executeText("metrics.chart", Map.of("query", "nothing_here",
                    "png", png.toString()), NONE)).hasMessageContaining("No stored series matches 'nothing_here'");

            ChangedFirst changed = (ChangedFirst) kernel.commands().executeText("metrics.anomalies", Map.of(), NONE);
            assertThat(changed.rows()).extracting(r -> r.chart() + "@" + r.at()).containsExactly(
                    "node_load1@2024-03-01T10:10:00Z", "rate(app_errors_total)@2024-03-01T10:11:30Z");
            assertThat(changed.text()).contains("What changed first", "node_load1");
            // the counter reset of /首页 at 10:07:30 is no change: its rate stays 1/15 s
            var findings = new dev.triage.core.finding.FindingStore(c).list();
            assertThat(findings).extracting(f -> f.title()).containsExactly("node_load1 left its normal band at 2024-03-01T10:10:00Z",
                    "rate(app_errors_total) left its normal band at 2024-03-01T10:11:30Z");
            assertThat(findings.get(0).evidence()).contains(dev.triage.core.finding.Evidence.metric("series", "node_load1"));
            kernel.commands().executeText("metrics.anomalies", Map.of(), NONE);
            assertThat(new dev.triage.core.finding.FindingStore(c).list()).as("replaced, not added again").hasSize(2);

            var report = kernel.reports().build("demo", new ReportRequest(c, Instant.now()));
            ReportSection section = report.sections().stream().filter(x -> x.blocks().stream().anyMatch(b -> b instanceof Block.Image i
                    && i.fileName().startsWith("metrics-"))).findFirst().orElseThrow();
            assertThat(section.blocks().stream().filter(b -> b instanceof Block.Image).count()).isEqualTo(2);
            Block.Table table = section.blocks().stream().filter(b -> b instanceof Block.Table).map(Block.Table.class::cast)
                    .findFirst().orElseThrow();
            assertThat(table.rows()).hasSize(2);
            assertThat(table.rows().get(0).get(0)).isEqualTo("2024-03-01T10:10:00Z");
            assertThat(table.rows().get(0).get(2)).isEqualTo("node_load1");
        }
    }

    @Test
    void setsTheIncidentWindowThatFetchCoversByDefaultWithAStepUnderElevenThousandPoints() throws Exception {
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = kernel.cases().create(home.resolve("case"), "window");
            assertThat((String) kernel.commands().executeText("metrics.incident", Map.of(), NONE)).startsWith("No incident window");
            String set = (String) kernel.commands().executeText("metrics.incident",
                    Map.of("since", "2026-11-20T03:00:00Z", "until", "2026-11-21T03:00:00Z"), NONE);
            assertThat(set).contains("2026-11-20T03:00:00Z", "step 10s"); // 24 h in 8,641 points
            assertThat(c.incidentWindow()).isPresent();
            assertThatThrownBy(() -> kernel.commands().executeText("metrics.incident", Map.of("since", "-1h"), NONE))
                    .hasMessageContaining("both --since and --until");
            // a fetch with no --since/--until covers the window: the refusal names its ends (nothing listens on port 1)
            Map<String, Object> fetch = Map.of("prometheus", "http://127.0.0.1:1", "query", List.of("up"));
            Object r = kernel.commands().executeText("metrics.fetch", fetch, NONE);
            assertThat(((dev.triage.plugin.metrics.application.FetchResult) r).from()).isEqualTo(Instant.parse("2026-11-20T03:00:00Z"));
            assertThat(((dev.triage.plugin.metrics.application.FetchResult) r).step()).isEqualTo(Duration.ofSeconds(10));
            assertThat((String) kernel.commands().executeText("metrics.incident", Map.of("clear", true), NONE)).contains("cleared");
            assertThat(c.incidentWindow()).isEmpty();
        }
    }

    @Test
    void listsAndPrintsQuerySetsAndRefusesFetchWithoutCaseOrQueries() throws Exception {
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            assertThat((String) kernel.commands().executeText("metrics.query-sets", Map.of(), NONE))
                    .contains("node", "tidb", "mysql", "redis", "kafka");
            assertThat((String) kernel.commands().executeText("metrics.query-sets", Map.of("name", "redis"), NONE))
                    .contains("redis_evicted_keys_total");
            assertThatThrownBy(() -> kernel.commands().executeText("metrics.fetch", Map.of("prometheus", "http://127.0.0.1:1"), NONE))
                    .hasMessageContaining("No case is open");
            kernel.cases().create(home.resolve("case"), "demo");
            assertThatThrownBy(() -> kernel.commands().executeText("metrics.fetch", Map.of("prometheus", "http://127.0.0.1:1"), NONE))
                    .hasMessageContaining("Give --query-set");
            assertThatThrownBy(() -> kernel.commands().executeText("metrics.fetch", Map.of("prometheus", "http://127.0.0.1:1",
                    "querySet", "node", "since", "-30d", "step", "1s"), NONE)).hasMessageContaining("Prometheus allows 11000");
        }
    }
}
