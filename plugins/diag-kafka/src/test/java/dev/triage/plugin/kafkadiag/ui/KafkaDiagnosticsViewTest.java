package dev.triage.plugin.kafkadiag.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.kernel.Kernel;
import dev.triage.diag.testing.ViewHarness;
import dev.triage.plugin.kafkadiag.KafkaDiagnosticsPlugin;
import dev.triage.plugin.kafkadiag.domain.KafkaDetails;
import dev.triage.testkit.TestKernels;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka view against a real in-process broker: partition and consumer-lag tables, and a lag chart that grows. */
class KafkaDiagnosticsViewTest {

    @TempDir
    Path home;

    static void produce(KafkaClusterTestKit kit, String topic, int count) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, Integer.toString(i), "event " + i));
            }
            producer.flush();
        }
    }

    @Test
    void partitionsLagTableAndALagChartThatGrows() throws Exception {
        try (KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build()).setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1").setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0").build()) {
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            try (Admin admin = kit.admin()) {
                admin.createTopics(List.of(new NewTopic("clicks", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            produce(kit, "clicks", 600);
            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers());
            c.put(ConsumerConfig.GROUP_ID_CONFIG, "dashboards");
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("clicks"));
                int read = 0;
                Instant end = Instant.now().plusSeconds(30);
                while (read == 0 && Instant.now().isBefore(end)) {
                    read += consumer.poll(Duration.ofMillis(500)).count();
                }
                consumer.commitSync();
            }
            String[] hp = kit.bootstrapServers().split(",")[0].split(":");
            try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
                kernel.connections().save(new ConnectionTarget("events", "events", ConnectionKind.KAFKA, hp[0], Integer.parseInt(hp[1]), "",
                        Map.of("bootstrap.servers", kit.bootstrapServers(), "lag.samples", "2", "lag.interval.ms", "200")), null);
                kernel.cases().create(home.resolve("case"), "kafka view");
                try (ViewHarness h = ViewHarness.open(kernel, KafkaDiagnosticsPlugin.VIEW_ID)) {
                    h.await(() -> h.view().select("events"));
                    for (int round = 0; round < 4; round++) {
                        produce(kit, "clicks", 200);
                        h.await(h.view()::sampleOnce);
                    }
                    h.await(h.view()::captureSelected);
                    assertThat(h.read(h.view()::chartedSamples)).containsOnlyKeys("lag.dashboards")
                            .allSatisfy((k, v) -> assertThat(v).isGreaterThanOrEqualTo(4));
                    assertThat(h.root().lookupAll(".mini-chart")).hasSize(1);
                    Map<String, List<List<String>>> tables = h.tables();
                    assertThat(tables.get(KafkaDetails.PARTITIONS)).filteredOn(r -> r.get(0).equals("clicks")).hasSize(3)
                            .allSatisfy(r -> assertThat(r.get(7)).isEqualTo("ok"));
                    List<List<String>> lag = tables.get(KafkaDetails.LAG);
                    assertThat(lag).hasSizeBetween(1, 3).allSatisfy(r -> {
                        assertThat(r.get(0)).isEqualTo("dashboards");
                        assertThat(r.get(7)).isEqualTo("STOPPED");
                        assertThat(Long.parseLong(r.get(5))).isPositive();
                    });
                    assertThat(h.read(h.view()::shownFindings)).anyMatch(f -> f.finding().title().startsWith("Group dashboards on clicks"));
                    assertThat(h.screenshots("kafka-diagnostics-view")).allSatisfy(p -> assertThat(p).isNotEmptyFile());
                }
            }
        }
    }
}
