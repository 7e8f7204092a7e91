package dev.triage.plugin.redisdiag.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.finding.FindingStore;
import dev.triage.core.ui.View;
import dev.triage.core.ui.ViewContribution;
import dev.triage.diag.ui.DiagnosticsView;
import dev.triage.plugin.redisdiag.RedisDiagnosticsPlugin;
import dev.triage.plugin.redisdiag.RedisProcess;
import dev.triage.testkit.JavaFxToolkit;
import dev.triage.testkit.KernelExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

class RedisDiagnosticsViewTest {

    @RegisterExtension
    final KernelExtension triage = new KernelExtension();

    static List<String> cardClasses(Parent root, String category) {
        return root.lookupAll(".card").stream().filter(n -> category.equals(n.getUserData())).findFirst().map(Node::getStyleClass)
                .map(List::copyOf).orElseThrow();
    }

    @Test
    void diagnosesALiveServerAndADumpWithCardsColouredByWorstSeverity() throws Exception {
        ViewContribution contribution = triage.kernel().services().findAll(ViewContribution.class).stream()
                .filter(v -> v.id().equals(RedisDiagnosticsPlugin.VIEW_ID)).findFirst().orElseThrow();
        try (RedisProcess redis = RedisProcess.start("view", "--maxmemory", "2mb", "--maxmemory-policy", "allkeys-lru",
                "--slowlog-log-slower-than", "0")) {
            try (Jedis j = redis.client()) {
                for (int i = 0; i < 5000; i++) {
                    j.set("k" + i, "v".repeat(500));
                }
            }
            triage.kernel().connections().save(new ConnectionTarget("cache", "cache", ConnectionKind.REDIS, "127.0.0.1", redis.port(), "",
                    Map.of()), null);
            Case c = triage.kernel().cases().create(triage.home().resolve("case"), "view case");
            View view = JavaFxToolkit.call(() -> contribution.factory().get());
            DiagnosticsView dv = (DiagnosticsView) view;
            Parent root = (Parent) view.node();
            JavaFxToolkit.call(() -> {
                new Scene(root, 1200, 800);
                root.applyCss();
                root.layout();
                return null;
            });
            assertThat(root.getStyleClass()).contains(DiagnosticsView.STYLE_CLASS);
            assertThat(root.lookupAll(".card")).hasSize(8);
            assertThat(cardClasses(root, "memory")).doesNotContain("sev-critical");
            JavaFxToolkit.call(() -> dv.select("cache")).get(30, TimeUnit.SECONDS);
            JavaFxToolkit.call(dv::sampleOnce).get(30, TimeUnit.SECONDS);
            JavaFxToolkit.call(dv::sampleOnce).get(30, TimeUnit.SECONDS);
            assertThat(JavaFxToolkit.call(dv::chartedSamples)).containsKeys("used_memory", "connected_clients", "instantaneous_ops_per_sec")
                    .allSatisfy((k, v) -> assertThat(v).isGreaterThanOrEqualTo(2));
            assertThat(root.lookupAll(".mini-chart")).hasSize(3);
            CompletableFuture<?> done = JavaFxToolkit.call(dv::captureSelected);
            done.get(60, TimeUnit.SECONDS);
            assertThat(JavaFxToolkit.call(dv::statusText)).contains("capture captures/redis-diagnostics/");
            assertThat(JavaFxToolkit.call(() -> cardClasses(root, "memory"))).contains("sev-critical");
            assertThat(JavaFxToolkit.call(() -> dv.shownFindings().get(0).finding().severity().name())).isEqualTo("CRITICAL");
            @SuppressWarnings("unchecked")
            TableView<Object> table = JavaFxToolkit.call(() -> (TableView<Object>) root.lookup(".findings"));
            assertThat(JavaFxToolkit.call(() -> table.getSelectionModel().getSelectedIndex())).isZero();
            assertThat(root.lookupAll(".evidence")).isNotEmpty();
            Map<String, List<List<String>>> tables = JavaFxToolkit.call(dv::shownTables);
            assertThat(tables).containsKeys("slowlog", "bigkeys");
            assertThat(tables.get("slowlog")).isNotEmpty().anyMatch(r -> r.get(3).equals("SET"));
            assertThat(tables.get("bigkeys")).isNotEmpty().allSatisfy(r -> assertThat(Long.parseLong(r.get(2))).isPositive());
            assertThat(root.lookupAll(".table-slowlog")).hasSize(1);
            @SuppressWarnings("unchecked")
            javafx.scene.control.ListView<String> raw = JavaFxToolkit.call(() -> (javafx.scene.control.ListView<String>) root.lookup(".raw-items"));
            assertThat(JavaFxToolkit.call(() -> List.copyOf(raw.getItems()))).anyMatch(i -> i.startsWith("redis-info — INFO ALL"))
                    .anyMatch(i -> i.startsWith("redis-slowlog")).anyMatch(i -> i.startsWith("redis-bigkeys"));
            String rawInfo = JavaFxToolkit.call(() -> {
                raw.getSelectionModel().select(0);
                return ((javafx.scene.control.TextArea) root.lookup(".raw-output")).getText();
            });
            assertThat(rawInfo).contains("used_memory:");
            assertThat(new FindingStore(c).list()).isNotEmpty();

            Path dump = Files.writeString(triage.home().resolve("info.txt"), "# Replication\r\nrole:slave\r\nmaster_host:10.0.0.1\r\n"
                    + "master_port:6379\r\nmaster_link_status:down\r\nmaster_link_down_since_seconds:30\r\n");
            JavaFxToolkit.call(() -> dv.diagnoseFile(dump)).get(30, TimeUnit.SECONDS);
            assertThat(JavaFxToolkit.call(() -> cardClasses(root, "replication"))).contains("sev-critical");
            assertThat(JavaFxToolkit.call(() -> cardClasses(root, "memory"))).doesNotContain("sev-critical", "sev-warning");
            JavaFxToolkit.call(() -> {
                view.dispose();
                return null;
            });
        }
    }

    @Test
    void aLiveServerInAWindowWithChartsAndTablesInBothThemes() throws Exception {
        try (RedisProcess redis = RedisProcess.start("shots", "--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru",
                "--slowlog-log-slower-than", "100")) {
            triage.kernel().connections().save(new ConnectionTarget("cache", "cache", ConnectionKind.REDIS, "127.0.0.1", redis.port(), "",
                    Map.of()), null);
            triage.kernel().cases().create(triage.home().resolve("shots-case"), "redis view");
            try (Jedis j = redis.client(); dev.triage.diag.testing.ViewHarness h = dev.triage.diag.testing.ViewHarness.open(triage.kernel(),
                    RedisDiagnosticsPlugin.VIEW_ID)) {
                h.await(() -> h.view().select("cache"));
                for (int round = 0; round < 6; round++) {
                    for (int k = 0; k < 3; k++) {
                        Map<String, String> fields = new java.util.HashMap<>();
                        for (int i = 0; i < 1000 * (k + 1); i++) {
                            fields.put("field" + round + ":" + i, "x".repeat(100));
                        }
                        j.hset("big:profile:" + k, fields);
                    }
                    j.set("session:" + round, "y".repeat(1000));
                    h.await(h.view()::sampleOnce);
                }
                for (int i = 0; i < 3; i++) {
                    j.hgetAll("big:profile:" + i);
                }
                h.await(h.view()::captureSelected);
                assertThat(h.read(h.view()::chartedSamples)).containsKeys("used_memory", "connected_clients", "instantaneous_ops_per_sec")
                        .allSatisfy((k, v) -> assertThat(v).isGreaterThanOrEqualTo(6));
                assertThat(h.root().lookupAll(".mini-chart")).hasSize(3).allMatch(n -> n instanceof org.jfree.chart.fx.ChartViewer);
                Map<String, List<List<String>>> tables = h.tables();
                assertThat(tables.get("bigkeys")).extracting(r -> r.get(0)).startsWith("big:profile:2", "big:profile:1", "big:profile:0");
                assertThat(tables.get("slowlog")).anyMatch(r -> r.get(3).equals("HGETALL"));
                assertThat(h.screenshots("redis-diagnostics-view")).allSatisfy(p -> assertThat(p).isNotEmptyFile());
            }
        }
    }
}
