package dev.triage.plugin.redisdiag.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.diagnostics.CategorizedFinding;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.Severity;
import dev.triage.plugin.redisdiag.RedisProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** A real redis-server near maxclients, and one whose RDB save fails because its folder is gone. */
class LiveRedisConnectionsAndPersistenceTest {

    static final RedisDiagnostics DIAG = new RedisDiagnostics(null);

    static List<String> titles(Diagnosis d, String category, Severity atLeast) {
        return d.findings().stream().filter(f -> f.category().equals(category) && f.finding().severity().isAtLeast(atLeast))
                .map(CategorizedFinding::finding).map(Finding::title).toList();
    }

    static ConnectionTarget target(RedisProcess r) {
        return new ConnectionTarget("r", "r", ConnectionKind.REDIS, "127.0.0.1", r.port(), "", Map.of());
    }

    @Test
    void clientsNearMaxclientsAndBlockedClients() throws Exception {
        try (RedisProcess redis = RedisProcess.start("clients", "--maxclients", "20")) {
            List<Jedis> held = new ArrayList<>();
            List<Thread> blocked = new ArrayList<>();
            try {
                for (int i = 0; i < 15; i++) {
                    Jedis j = redis.client();
                    j.clientSetname("worker-" + i);
                    held.add(j);
                }
                for (int i = 0; i < 2; i++) {
                    Jedis j = held.get(i);
                    Thread t = new Thread(() -> {
                        try {
                            j.blpop(30, "jobs");
                        } catch (RuntimeException e) {
                            // the connection is closed at the end of the test
                        }
                    });
                    t.start();
                    blocked.add(t);
                }
                redis.await(Duration.ofSeconds(10), () -> {
                    try (Jedis j = redis.client()) {
                        return j.info("clients").contains("blocked_clients:2");
                    }
                }, "two clients to block");
                Diagnosis d = DIAG.diagnose(DIAG.capture(target(redis), null), Set.of("connections"));
                assertThat(titles(d, "connections", Severity.WARNING)).anyMatch(t -> t.startsWith("Clients use") && t.endsWith("of maxclients"))
                        .anyMatch(t -> t.startsWith("2 clients are blocked"));
                assertThat(d.findings("connections")).filteredOn(f -> f.title().contains("clients listed")).singleElement()
                        .satisfies(f -> assertThat(f.evidence()).anyMatch(e -> "last command blpop".equals(e.name())));
            } finally {
                held.forEach(Jedis::close);
            }
        }
    }

    @Test
    void aFailedBackgroundSaveIsCritical() throws Exception {
        try (RedisProcess redis = RedisProcess.start("persist")) {
            Path dir;
            try (Jedis j = redis.client()) {
                j.set("k", "v");
                dir = Path.of(j.configGet("dir").get("dir"));
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
            try (Jedis j = redis.client()) {
                j.bgsave();
            }
            redis.await(Duration.ofSeconds(20), () -> {
                try (Jedis j = redis.client()) {
                    String p = j.info("persistence");
                    return p.contains("rdb_bgsave_in_progress:0") && p.contains("rdb_last_bgsave_status:err");
                }
            }, "the background save to fail");
            Diagnosis d = DIAG.diagnose(DIAG.capture(target(redis), null), Set.of("persistence"));
            assertThat(titles(d, "persistence", Severity.CRITICAL)).containsExactly(
                    "The last RDB save (BGSAVE) failed; with stop-writes-on-bgsave-error, writes are refused");
        }
    }
}
