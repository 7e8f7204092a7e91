package dev.triage.plugin.sql.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/** {@code connection test} speaks each protocol: Redis AUTH and PING, Kafka ApiVersions, against real servers. */
class ProtocolProbeTest {

    private static final String REDIS_PASSWORD = "Redis-pw-9c1d";

    static RedisServer redis;
    static int redisPort;
    static KafkaClusterTestKit kafka;
    static int kafkaPort;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            redisPort = s.getLocalPort();
        }
        redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("requirepass " + REDIS_PASSWORD)
                .setting("save \"\"").setting("appendonly no").build();
        redis.start();
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                .build()).setConfigProp("offsets.topic.replication.factor", "1").setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1").build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        kafkaPort = Integer.parseInt(kafka.bootstrapServers().split(",")[0].split(":")[1]);
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

    private static ConnectionTarget target(ConnectionKind kind, int port) {
        return new ConnectionTarget("t", "t", kind, "127.0.0.1", port, "", Map.of());
    }

    @Test
    void redisAnswersPingOnlyWithTheRightPassword() throws Exception {
        assertThat(SqlConnector.probe(target(ConnectionKind.REDIS, redisPort), REDIS_PASSWORD.toCharArray(), null))
                .startsWith("Redis 6.").contains("answered PING after AUTH");
        assertThatThrownBy(() -> SqlConnector.probe(target(ConnectionKind.REDIS, redisPort), "wrong-pw".toCharArray(), null))
                .hasMessageContaining("refused the login").hasMessageNotContaining("wrong-pw");
        assertThatThrownBy(() -> SqlConnector.probe(target(ConnectionKind.REDIS, redisPort), null, null))
                .as("no password: PING is refused").hasMessageContaining("NOAUTH");
    }

    @Test
    void aKafkaBrokerAnswersApiVersionsAndNeitherServerPassesForTheOther() throws Exception {
        assertThat(SqlConnector.probe(target(ConnectionKind.KAFKA, kafkaPort), null, null))
                .startsWith("Kafka broker answered ApiVersions (").matches("(?s).*\\((\\d{2,}) APIs\\).*");
        // an open port is not enough: the other protocol's server fails the check
        assertThatThrownBy(() -> SqlConnector.probe(target(ConnectionKind.KAFKA, redisPort), null, null))
                .hasMessageContaining("not a Kafka broker");
        assertThatThrownBy(() -> SqlConnector.probe(target(ConnectionKind.REDIS, kafkaPort), null, null)).isInstanceOf(IOException.class);
    }
}
