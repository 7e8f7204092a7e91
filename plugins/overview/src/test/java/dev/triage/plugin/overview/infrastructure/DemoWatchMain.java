package dev.triage.plugin.overview.infrastructure;

import dev.triage.core.config.AppPaths;
import dev.triage.core.config.SettingsStore;
import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.task.DefaultTaskExecutor;
import dev.triage.testkit.MariaDbProcess;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import redis.embedded.RedisServer;

/**
 * Fills a case for the guide's screenshot: starts a real MariaDB, Redis and Kafka on loopback, saves them as connections under
 * a Triage home, puts a varying query load on MariaDB, and runs {@code triage watch} on all three for a while.
 * Run with the test class path: {@code DemoWatchMain HOME SECONDS}; then open {@code HOME/case} with the same TRIAGE_HOME.
 */
public final class DemoWatchMain {

    private DemoWatchMain() {
    }

    /**
     * Runs the demo collection.
     *
     * @param args the Triage home folder and how many seconds to watch
     * @throws Exception when a server cannot start
     */
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        int seconds = Integer.parseInt(args[1]);
        int redisPort;
        try (ServerSocket s = new ServerSocket(0)) {
            redisPort = s.getLocalPort();
        }
        RedisServer redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").build();
        redis.start();
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build()).setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1").setConfigProp("transaction.state.log.min.isr", "1").build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        AtomicBoolean running = new AtomicBoolean(true);
        try (MariaDbProcess db = MariaDbProcess.start()) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE shop");
                s.execute("CREATE TABLE shop.orders (id INT PRIMARY KEY, note VARCHAR(200)) ENGINE=InnoDB");
                s.execute("USE shop");
                s.execute("INSERT INTO shop.orders SELECT seq, REPEAT('x', 150) FROM seq_1_to_20000");
            }
            Thread load = new Thread(() -> {
                long t0 = System.nanoTime();
                try (Connection c = db.connect(); Statement s = c.createStatement()) {
                    while (running.get()) {
                        double phase = (System.nanoTime() - t0) / 1e9 / 20;
                        int burst = (int) (20 + 18 * Math.sin(phase));
                        for (int i = 0; i < burst; i++) {
                            s.execute("SELECT count(*) FROM shop.orders WHERE id % " + (i + 7) + " = 1");
                        }
                        Thread.sleep(100);
                    }
                } catch (Exception e) {
                    running.set(false);
                }
            }, "demo-load");
            load.setDaemon(true);
            load.start();
            try (Kernel kernel = Kernel.create(AppPaths.under(home), SettingsStore.inMemory(), new DefaultTaskExecutor(4), Duration.ofSeconds(10))
                    .startPlugins()) {
                kernel.cases().create(home.resolve("case"), "local servers");
                kernel.connections().save(new ConnectionTarget("mariadb", "MariaDB", ConnectionKind.MARIADB, "127.0.0.1", db.port(), "root",
                        Map.of("storage-limit", "64M")), null);
                kernel.connections().save(new ConnectionTarget("redis", "Redis", ConnectionKind.REDIS, "127.0.0.1", redisPort, null, Map.of()),
                        null);
                String[] hp = kafka.bootstrapServers().split(",")[0].split(":");
                kernel.connections().save(new ConnectionTarget("kafka", "Kafka", ConnectionKind.KAFKA, hp[0], Integer.parseInt(hp[1]), null,
                        Map.of("bootstrap.servers", kafka.bootstrapServers())), null);
                Object result = kernel.commands().executeText("watch", Map.of("duration", seconds + "s", "interval", "2s", "timeout", "8s"),
                        new dev.triage.core.task.TaskHandle<>("demo"));
                System.out.println(result);
            } finally {
                running.set(false);
            }
        } finally {
            redis.stop();
            kafka.close();
        }
    }
}
