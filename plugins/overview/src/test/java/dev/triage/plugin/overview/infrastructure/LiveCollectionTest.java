package dev.triage.plugin.overview.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.config.AppPaths;
import dev.triage.core.config.SettingsStore;
import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.FindingStore;
import dev.triage.core.finding.Severity;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.task.DefaultTaskExecutor;
import dev.triage.core.task.TaskContext;
import dev.triage.testkit.MariaDbProcess;
import dev.triage.plugin.overview.application.Watch;
import dev.triage.plugin.overview.domain.Sample;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real MariaDB and a port nobody listens on, sampled by {@code triage watch}; an alert on threads_connected raised and resolved. */
class LiveCollectionTest {

    static MariaDbProcess db;

    @TempDir
    Path home;
    Kernel kernel;
    Case opened;

    static final TaskContext CLI = new TaskContext() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    @BeforeAll
    static void start() throws Exception {
        db = MariaDbProcess.start();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE shop");
            s.execute("CREATE TABLE shop.orders (id INT PRIMARY KEY, note VARCHAR(200)) ENGINE=InnoDB");
            s.execute("USE shop");
            s.execute("INSERT INTO shop.orders SELECT seq, REPEAT('x', 150) FROM seq_1_to_2000");
            s.execute("ANALYZE TABLE shop.orders");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void kernel() throws Exception {
        kernel = Kernel.create(AppPaths.under(home), SettingsStore.inMemory(), new DefaultTaskExecutor(4), Duration.ofSeconds(10)).startPlugins();
        opened = kernel.cases().create(home.resolve("case"), "watch");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        kernel.connections().save(new ConnectionTarget("maria", "Maria", ConnectionKind.MARIADB, "127.0.0.1", db.port(), "root",
                Map.of("storage-limit", "1G")), null);
        kernel.connections().save(new ConnectionTarget("gone", "Gone", ConnectionKind.MYSQL, "127.0.0.1", closedPort, "root", Map.of()), null);
        Files.writeString(opened.folder().resolve(AlertRulesFile.FILE), """
                {"rules": [
                  {"name": "many-connections", "metric": "threads_connected", "op": ">", "threshold": 4, "for": "0s",
                   "severity": "CRITICAL", "targets": "maria", "summary": "{target} has {value} connections"},
                  {"name": "down", "metric": "up", "op": "==", "threshold": 0, "for": "0s", "severity": "WARNING"}
                ]}""");
    }

    @AfterEach
    void close() {
        kernel.close();
    }

    Watch.WatchResult watch(String duration) throws Exception {
        return (Watch.WatchResult) kernel.commands().executeText("watch",
                Map.of("duration", duration, "interval", "1s", "timeout", "3s"), CLI);
    }

    long count(String sql) throws Exception {
        try (Connection c = opened.newConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<Finding> overviewFindings(String target) throws Exception {
        return new FindingStore(opened).list().stream().filter(f -> f.source().pluginId().equals("overview") && f.source().target().equals(target))
                .toList();
    }

    @Test
    void watchSamplesRatesSizesAndAvailabilityAndAnAlertFiresAndResolves() throws Exception {
        List<Connection> extra = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            extra.add(db.connect());
        }
        Watch.WatchResult first;
        try {
            first = watch("4s");
        } finally {
            for (Connection c : extra) {
                c.close();
            }
        }
        assertThat(first.samples()).isGreaterThanOrEqualTo(4);
        assertThat(first.errors()).isZero();
        assertThat(count("SELECT COUNT(DISTINCT (target, ts)) FROM overview_samples")).as("every sample reported was written")
                .isEqualTo(first.samples());
        Map<String, Sample> snap = new DuckDbSampleStore(kernel.cases()).snapshots();
        Sample maria = snap.get("maria");
        assertThat(maria.up()).isTrue();
        assertThat(maria.version()).contains("MariaDB");
        assertThat(maria.metric("threads_connected")).isGreaterThanOrEqualTo(6);
        assertThat(maria.metric("qps")).as("a rate from two samples").isGreaterThan(0);
        assertThat(maria.metrics()).containsKeys("tps", "slow_queries_per_s", "row_lock_waits_per_s", "buffer_pool_used_pct",
                "connections_used_pct", "max_connections", "storage_limit_bytes");
        assertThat(maria.metric("db.shop.bytes")).isGreaterThan(0);
        assertThat(maria.metric("table.shop.orders.rows")).isGreaterThan(1000);
        assertThat(maria.metric("storage_bytes")).isEqualTo(maria.metric("data_bytes") + maria.metric("index_bytes"));
        assertThat(snap.get("gone").up()).isFalse();
        assertThat(snap.get("gone").error()).contains("127.0.0.1");
        assertThat(count("SELECT COUNT(*) FROM overview_samples WHERE target = 'gone' AND metric = 'up'"))
                .as("a down target is sampled less often (backoff)")
                .isLessThan(count("SELECT COUNT(*) FROM overview_samples WHERE target = 'maria' AND metric = 'up'"));
        assertThat(count("SELECT COUNT(*) FROM overview_daily WHERE target = 'maria' AND metric = 'qps'")).as("rolled up at stop").isEqualTo(1);
        assertThat(overviewFindings("maria")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.title()).startsWith("maria has ").endsWith(" connections");
        });
        assertThat(overviewFindings("gone")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));

        Watch.WatchResult second = watch("3s");
        assertThat(second.samples()).isGreaterThanOrEqualTo(2);
        assertThat(overviewFindings("maria")).as("resolved: the finding is gone").isEmpty();
        assertThat(count("SELECT COUNT(*) FROM overview_alert_history WHERE rule = 'many-connections' AND to_state = 'FIRING'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM overview_alert_history WHERE rule = 'many-connections' AND to_state = 'RESOLVED'"))
                .isEqualTo(1);
        String text = ((dev.triage.core.command.CommandOutput) kernel.commands().executeText("overview", Map.of(), CLI)).text();
        assertThat(text).contains("maria  UP").contains("gone  DOWN").contains("QPS: ");
        String history = ((dev.triage.core.command.CommandOutput) kernel.commands().executeText("alerts.history", Map.of(), CLI)).text();
        assertThat(history).contains("many-connections").contains("FIRING -> RESOLVED");
        String tried = (String) kernel.commands().executeText("alerts.test", Map.of("rule", List.of("many-connections")), CLI);
        assertThat(tried).contains("maria").contains("threads_connected = ").contains("does not hold").doesNotContain("gone");
    }

    /** SIGTERM runs the shutdown hooks like Ctrl+C: the samples in flight are written and the rollup runs before the JVM exits. */
    @Test
    void terminatingWatchLosesNothing() throws Exception {
        Path child = home.resolve("child");
        Files.createDirectories(child);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), WatchMain.class.getName(), child.toString(), Integer.toString(db.port()))
                .redirectError(home.resolve("child.err").toFile()).start();
        String err;
        try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
            String line;
            long seen = 0;
            while (seen < 3 && (line = out.readLine()) != null) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("progress (\\d+) samples").matcher(line);
                if (m.find()) {
                    seen = Long.parseLong(m.group(1));
                }
            }
            assertThat(seen).as("the child collected before it was stopped").isGreaterThanOrEqualTo(3);
            p.toHandle().destroy();
            StringBuilder rest = new StringBuilder();
            while ((line = out.readLine()) != null) {
                rest.append(line).append('\n');
            }
            assertThat(p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            err = rest.toString();
        } finally {
            p.destroyForcibly();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("triage watch stopped: (\\d+) samples written").matcher(err);
        assertThat(m.find()).as(err).isTrue();
        long written = Long.parseLong(m.group(1));
        try (Case c = Case.open(child.resolve("case"), List.of(OverviewSchema.MIGRATIONS))) {
            opened = c;
            assertThat(count("SELECT COUNT(DISTINCT ts) FROM overview_samples WHERE target = 'maria'")).isEqualTo(written);
            assertThat(count("SELECT COUNT(*) FROM overview_daily WHERE target = 'maria' AND metric = 'up'")).as("the last rollup ran").isEqualTo(1);
        }
    }
}
