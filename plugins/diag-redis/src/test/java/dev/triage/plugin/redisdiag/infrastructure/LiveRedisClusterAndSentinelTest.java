package dev.triage.plugin.redisdiag.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.diagnostics.CategorizedFinding;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.Severity;
import dev.triage.plugin.redisdiag.RedisProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** A real 3-master cluster losing a master, and a real Sentinel failing a master over to its replica. */
class LiveRedisClusterAndSentinelTest {

    static final RedisDiagnostics DIAG = new RedisDiagnostics(null);

    static List<String> titles(Diagnosis d, String category, Severity atLeast) {
        return d.findings().stream().filter(f -> f.category().equals(category) && f.finding().severity().isAtLeast(atLeast))
                .map(CategorizedFinding::finding).map(Finding::title).toList();
    }

    static ConnectionTarget target(RedisProcess r, ConnectionKind kind) {
        return new ConnectionTarget("r" + r.port(), "r" + r.port(), kind, "127.0.0.1", r.port(), "", Map.of());
    }

    static boolean info(RedisProcess r, String section, String text) {
        try (Jedis j = r.client()) {
            return j.info(section).contains(text);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void aClusterThatLosesAMasterWithoutReplicaGoesDown() throws Exception {
        List<RedisProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                nodes.add(RedisProcess.start("cluster" + i, "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                        "--cluster-node-timeout", "1500"));
            }
            int[][] ranges = {{0, 5460}, {5461, 10922}, {10923, 16383}};
            for (int i = 0; i < 3; i++) {
                try (Jedis j = nodes.get(i).client()) {
                    j.clusterAddSlots(IntStream.rangeClosed(ranges[i][0], ranges[i][1]).toArray());
                    if (i > 0) {
                        j.clusterMeet("127.0.0.1", nodes.get(0).port());
                    }
                }
            }
            RedisProcess first = nodes.get(0);
            first.await(Duration.ofSeconds(30), () -> {
                try (Jedis j = first.client()) {
                    return j.clusterInfo().contains("cluster_state:ok") && j.clusterInfo().contains("cluster_known_nodes:3");
                }
            }, "the cluster to be ok");
            Diagnosis ok = DIAG.diagnose(DIAG.capture(target(first, ConnectionKind.REDIS_CLUSTER), null), Set.of("cluster"));
            assertThat(titles(ok, "cluster", Severity.OK)).contains("The cluster is ok: all 16384 slots are served");
            assertThat(titles(ok, "cluster", Severity.WARNING)).hasSize(3).allMatch(t -> t.contains("has no working replica"));
            nodes.get(2).kill();
            first.await(Duration.ofSeconds(30), () -> {
                try (Jedis j = first.client()) {
                    return j.clusterInfo().contains("cluster_state:fail");
                }
            }, "the cluster to notice the lost master");
            Diagnosis down = DIAG.diagnose(DIAG.capture(target(first, ConnectionKind.REDIS_CLUSTER), null), Set.of("cluster"));
            assertThat(titles(down, "cluster", Severity.CRITICAL)).anyMatch(t -> t.startsWith("The cluster is down (cluster_state fail)"))
                    .anyMatch(t -> t.contains(":" + nodes.get(2).port() + " is marked") && t.contains("5461 slots"));
        } finally {
            for (RedisProcess r : nodes) {
                r.close();
            }
        }
    }

    @Test
    void sentinelSeesTheMasterFailAndFailsOver() throws Exception {
        try (RedisProcess master = RedisProcess.start("s-master");
             RedisProcess replica = RedisProcess.start("s-replica", "--replicaof", "127.0.0.1", Integer.toString(master.port()));
             RedisProcess sentinel = RedisProcess.sentinel("sentinel", master.port())) {
            sentinel.await(Duration.ofSeconds(30), () -> info(sentinel, "sentinel", "slaves=1"), "the sentinel to find the replica");
            Diagnosis healthy = DIAG.diagnose(DIAG.capture(target(sentinel, ConnectionKind.REDIS_SENTINEL), null), Set.of("sentinel"));
            assertThat(healthy.capture().item("redis-sentinel-masters")).isPresent();
            assertThat(titles(healthy, "sentinel", Severity.OK)).contains("Master mymaster is up at 127.0.0.1:" + master.port());
            assertThat(titles(healthy, "sentinel", Severity.WARNING)).anyMatch(t -> t.startsWith("Only 1 sentinel(s) watch master mymaster"));
            master.kill();
            sentinel.await(Duration.ofSeconds(60), () -> info(sentinel, "sentinel", "address=127.0.0.1:" + replica.port()),
                    "the sentinel to fail over to the replica");
            Diagnosis after = DIAG.diagnose(DIAG.capture(target(sentinel, ConnectionKind.REDIS_SENTINEL), null), Set.of("sentinel"));
            assertThat(titles(after, "sentinel", Severity.INFO)).anyMatch(t -> t.startsWith("Master mymaster has failed over before")
                    && t.endsWith("127.0.0.1:" + replica.port()));
            replica.await(Duration.ofSeconds(10), () -> info(replica, "replication", "role:master"), "the replica to be promoted");
            Diagnosis promoted = DIAG.diagnose(DIAG.capture(target(replica, ConnectionKind.REDIS), null), Set.of("replication"));
            assertThat(titles(promoted, "replication", Severity.INFO)).anyMatch(t -> t.startsWith("This master was promoted from a replica"));
        }
    }
}
