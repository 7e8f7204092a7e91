package dev.triage.plugin.overview.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.config.AppPaths;
import dev.triage.core.config.SettingsStore;
import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.task.DefaultTaskExecutor;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.overview.application.Watch;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

/**
 * {@code triage watch} on a real Redis (the embedded-redis binary) and a real Kafka (an in-process KRaft cluster): the samples
 * come through the diagnostics plugins, fill the raw table and the trends, and availability is recorded.
 */
class LiveRedisKafkaCollectionTest {

    static RedisServer redis;
    static int redisPort;
    static KafkaClusterTestKit kafka;

    @TempDir
    Path home;

    static final TaskContext CLI = new dev.triage.core.task.TaskHandle<>("test");

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            redisPort = s.getLocalPort();
        }
        redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").build();
        redis.start();
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1").setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1").build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
    }

    @AfterAll
    static void stop() throws Exception {
        if (redis != null) {
            redis.stop();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    static long count(Case c, String sql) throws Exception {
        try (Connection conn = c.newConnection(); Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void watchSamplesRedisAndKafkaThroughTheDiagnosticsPluginsAndFillsTrends() throws Exception {
        try (Kernel kernel = Kernel.create(AppPaths.under(home), SettingsStore.inMemory(), new DefaultTaskExecutor(4), Duration.ofSeconds(10))
                .startPlugins()) {
            Case opened = kernel.cases().create(home.resolve("case"), "redis-kafka");
            kernel.connections().save(new ConnectionTarget("cache", "Cache", ConnectionKind.REDIS, "127.0.0.1", redisPort, null, Map.of()), null);
            String[] hp = kafka.bootstrapServers().split(",")[0].split(":");
            kernel.connections().save(new ConnectionTarget("events", "Events", ConnectionKind.KAFKA, hp[0], Integer.parseInt(hp[1]), null,
                    Map.of("bootstrap.servers", kafka.bootstrapServers())), null);
            Watch.WatchResult result = (Watch.WatchResult) kernel.commands().executeText("watch",
                    Map.of("duration", "5s", "interval", "1s", "timeout", "8s"), CLI);
            assertThat(result.down()).as("nothing was down").isZero();
            assertThat(count(opened, "SELECT count(*) FROM overview_samples WHERE target = 'cache' AND metric = 'up' AND value = 1"))
                    .as("Redis answered").isGreaterThanOrEqualTo(2);
            assertThat(count(opened, "SELECT count(*) FROM overview_samples WHERE target = 'events' AND metric = 'up' AND value = 1"))
                    .as("Kafka answered").isGreaterThanOrEqualTo(1);
            assertThat(count(opened, "SELECT count(DISTINCT metric) FROM overview_samples WHERE target = 'cache'"))
                    .as("INFO metrics of the Redis diagnostics plus up and latency").isGreaterThan(4);
            assertThat(count(opened, "SELECT count(*) FROM overview_samples WHERE target = 'events' AND metric = 'latency_ms'")).isPositive();
            List<String> targets = new ArrayList<>();
            try (Connection c = opened.newConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT target FROM overview_snapshot WHERE up ORDER BY target")) {
                while (rs.next()) {
                    targets.add(rs.getString(1));
                }
            }
            assertThat(targets).containsExactly("cache", "events");
            var trend = new DuckDbSampleStore(kernel.cases()).series("cache", "latency_ms", java.time.Instant.EPOCH);
            assertThat(trend).as("the trend of a Redis metric").hasSizeGreaterThanOrEqualTo(2);
        }
    }
}
