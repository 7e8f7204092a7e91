package dev.triage.plugin.redisdiag.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.cases.Case;
import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CategorizedFinding;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.FindingStore;
import dev.triage.core.finding.Severity;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.report.Report;
import dev.triage.core.report.ReportRequest;
import dev.triage.diag.infrastructure.CaptureFiles;
import dev.triage.diag.infrastructure.DiagnosisResult;
import dev.triage.diag.infrastructure.DiagnosisResults;
import dev.triage.diag.infrastructure.FileArgs;
import dev.triage.diag.infrastructure.LiveArgs;
import dev.triage.plugin.redisdiag.RedisProcess;
import dev.triage.testkit.TestKernels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** Real redis-server processes in the conditions the findings are about: full memory, slow commands, big keys, a broken replica. */
class LiveRedisTest {

    static RedisProcess full;
    static RedisProcess master;
    static RedisProcess replica;
    static final RedisDiagnostics DIAG = new RedisDiagnostics(null);

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws Exception {
        full = RedisProcess.start("full", "--maxmemory", "3mb", "--maxmemory-policy", "noeviction");
        master = RedisProcess.start("master");
        replica = RedisProcess.start("replica", "--replicaof", "127.0.0.1", Integer.toString(master.port()));
        replica.await(Duration.ofSeconds(20), () -> {
            try (Jedis j = replica.client()) {
                return j.info("replication").contains("master_link_status:up");
            }
        }, "the replica to sync");
    }

    @AfterAll
    static void stop() throws Exception {
        for (RedisProcess r : new RedisProcess[]{full, master, replica}) {
            if (r != null) {
                r.close();
            }
        }
    }

    /** Writes until the noeviction server refuses with OOM. */
    static void fill(Jedis j) {
        String value = "x".repeat(1000);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100_000; i++) {
                j.set("key:" + i, value);
            }
        }).isInstanceOf(JedisDataException.class).hasMessageContaining("OOM");
    }

    static ConnectionTarget target(String id, RedisProcess r) {
        return new ConnectionTarget(id, id, ConnectionKind.REDIS, "127.0.0.1", r.port(), "", Map.of());
    }

    static List<String> titles(Diagnosis d, String category, Severity atLeast) {
        return d.findings().stream().filter(f -> f.category().equals(category) && f.finding().severity().isAtLeast(atLeast))
                .map(CategorizedFinding::finding).map(Finding::title).toList();
    }

    @Test
    void fullMemoryGivesOomAndSlowCommandsGiveSlowlogFindings() throws Exception {
        try (Jedis j = full.client()) {
            j.configSet("slowlog-log-slower-than", "0");
            fill(j);
            j.sendCommand(() -> "DEBUG".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "SLEEP", "0.05");
        }
        Diagnosis d = DIAG.diagnose(DIAG.capture(target("full", full), null), Set.of());
        assertThat(titles(d, "memory", Severity.CRITICAL)).anyMatch(t -> t.contains("OOM")).anyMatch(t -> t.startsWith("Memory used is"));
        assertThat(titles(d, "performance", Severity.WARNING)).anyMatch(t -> t.startsWith("Slow log:") && t.contains("DEBUG"))
                .anyMatch(t -> t.startsWith("Blocking commands in the slow log: DEBUG"));
        assertThat(d.capture().item("redis-bigkeys")).isPresent();
    }

    @Test
    void bigKeysAreFoundBySampledScan() throws Exception {
        try (Jedis j = master.client()) {
            j.set("big:blob", "y".repeat(2 * 1024 * 1024));
            for (int i = 0; i < 50; i++) {
                j.set("small:" + i, "v");
            }
        }
        Diagnosis d = DIAG.diagnose(DIAG.capture(target("master", master), null), Set.of("keyspace"));
        assertThat(titles(d, "keyspace", Severity.WARNING)).anyMatch(t -> t.startsWith("Big key big:blob (string)"));
        assertThat(d.findings()).allMatch(f -> f.category().equals("keyspace"));
    }

    @Test
    void captureSavedInACaseDiagnosesLikeLiveAndTheCommandsStoreFindings() throws Exception {
        try (Jedis j = full.client()) {
            fill(j);
        }
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            kernel.connections().save(target("full-cache", full), null);
            Case c = kernel.cases().create(home.resolve("case"), "redis case");
            DiagnosisResult captured = (DiagnosisResult) kernel.commands().execute("diag.capture", new LiveArgs("full-cache", null), null);
            Path file = c.folder().resolve(captured.savedCapture());
            assertThat(file).exists();
            Capture saved = CaptureFiles.fromJson(Files.readString(file), file.toString());
            Diagnosis again = DIAG.diagnose(saved, Set.of());
            assertThat(again.findings()).isEqualTo(DIAG.diagnose(saved, Set.of()).findings());
            assertThat(captured.findings()).extracting(DiagnosisResult.Row::title)
                    .containsExactlyInAnyOrderElementsOf(again.findings().stream().map(f -> f.finding().title()).toList());
            DiagnosisResults offline = (DiagnosisResults) kernel.commands().execute("diag.file", new FileArgs(List.of(file.toString()), null, null, null), null);
            assertThat(offline.results()).singleElement().satisfies(r -> assertThat(r.findings()).isEqualTo(captured.findings()));
            List<Finding> stored = new FindingStore(c).list();
            assertThat(stored).extracting(Finding::title).contains(captured.findings().get(0).title());
            assertThat(stored).allMatch(f -> f.source().pluginId().equals(RedisDiagnostics.ID));
            Report report = kernel.reports().build("r", new ReportRequest(c, Instant.now()));
            assertThat(report.toString()).contains("Middleware diagnostics").contains("OOM");
            DiagnosisResult live = (DiagnosisResult) kernel.commands().execute("diag.redis", new LiveArgs("full-cache", "memory"), null);
            assertThat(live.findings()).allMatch(r -> r.category().equals("memory")).anyMatch(r -> r.title().contains("OOM"));
            assertThat(live.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void brokenReplicationGivesLinkDown() throws Exception {
        Diagnosis healthy = DIAG.diagnose(DIAG.capture(target("replica", replica), null), Set.of("replication"));
        assertThat(healthy.worst("replication")).contains(Severity.OK);
        master.kill();
        replica.await(Duration.ofSeconds(20), () -> {
            try (Jedis j = replica.client()) {
                return j.info("replication").contains("master_link_status:down");
            }
        }, "the replica to see its master gone");
        Diagnosis broken = DIAG.diagnose(DIAG.capture(target("replica", replica), null), Set.of("replication"));
        assertThat(titles(broken, "replication", Severity.CRITICAL)).containsExactly("The replica lost its master: master_link_status is down");
    }
}
