package dev.triage.plugin.kafkadiag.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.diagnostics.CategorizedFinding;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.Severity;
import dev.triage.core.kernel.Kernel;
import dev.triage.diag.infrastructure.DiagnosisResult;
import dev.triage.diag.infrastructure.LiveArgs;
import dev.triage.testkit.TestKernels;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real in-process KRaft cluster of 3 brokers: a consumer group that falls behind, a single-replica topic, a broker going down. */
class LiveKafkaTest {

    static KafkaClusterTestKit kit;

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws Exception {
        kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(3).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1").setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1").setConfigProp("group.initial.rebalance.delay.ms", "0").build();
        kit.format();
        kit.startup();
        kit.waitForReadyBrokers();
        try (Admin admin = kit.admin()) {
            admin.createTopics(List.of(new NewTopic("orders", 3, (short) 3).configs(Map.of("min.insync.replicas", "2")),
                    new NewTopic("audit", 1, (short) 1),
                    new NewTopic("ledger", 1, (short) 3).configs(Map.of("min.insync.replicas", "3")),
                    new NewTopic("clicks", 1, (short) 3).configs(Map.of("unclean.leader.election.enable", "true", "retention.ms", "1800000"))))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (kit != null) {
            kit.close();
        }
    }

    static ConnectionTarget target(Map<String, String> options) {
        String[] hp = kit.bootstrapServers().split(",")[0].split(":");
        return new ConnectionTarget("events", "events", ConnectionKind.KAFKA, hp[0], Integer.parseInt(hp[1]), "",
                new java.util.TreeMap<>(Map.of("bootstrap.servers", kit.bootstrapServers(), "lag.samples", "2", "lag.interval.ms", "200")) {
                    {
                        putAll(options);
                    }
                });
    }

    static List<String> titles(Diagnosis d, String category, Severity atLeast) {
        return d.findings().stream().filter(f -> f.category().equals(category) && f.finding().severity().isAtLeast(atLeast))
                .map(CategorizedFinding::finding).map(Finding::title).toList();
    }

    @Test
    void aGroupThatFellBehindAndStoppedGetsALagFinding() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        java.util.concurrent.atomic.AtomicInteger acked = new java.util.concurrent.atomic.AtomicInteger();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 3000; i++) {
                producer.send(new ProducerRecord<>("orders", Integer.toString(i), "order " + i), (meta, error) -> {
                    if (error == null) {
                        acked.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        // on a loaded machine a few batches can time out: the lag is the log end the consumer sees minus what it read
        assertThat(acked.get()).isGreaterThan(1000);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "billing");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        int read = 0;
        long logEnd;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("orders"));
            Instant end = Instant.now().plusSeconds(30);
            while (read == 0 && Instant.now().isBefore(end)) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            consumer.commitSync();
            logEnd = consumer.endOffsets(consumer.assignment()).values().stream().mapToLong(Long::longValue).sum();
        }
        assertThat(read).isBetween(1, 300);
        KafkaDiagnostics diag = new KafkaDiagnostics(null);
        Diagnosis d = diag.diagnose(diag.capture(target(Map.of()), null), Set.of("groups"));
        assertThat(titles(d, "groups", Severity.WARNING)).singleElement().asString().startsWith("Group billing on orders: lag " + (logEnd - read))
                .endsWith("status STOPPED");
        assertThat(d.metrics()).containsEntry("lag.billing", (double) (logEnd - read));
    }

    @Test
    void topicsBrokersAndABrokerThatGoesDown() throws Exception {
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            kernel.connections().save(target(Map.of("expected.brokers", "3")), null);
            DiagnosisResult healthy = (DiagnosisResult) kernel.commands().execute("diag.kafka", new LiveArgs("events", "brokers,topics"), null);
            assertThat(healthy.findings()).extracting(r -> r.severity() + " " + r.title())
                    .contains("WARNING Topic audit has replication factor 1: a single broker failure loses or blocks it")
                    .anyMatch(t -> t.startsWith("OK 3 brokers online"));
            KafkaDiagnostics diagnostics = new KafkaDiagnostics(null);
            dev.triage.core.diagnostics.Capture before = diagnostics.capture(target(Map.of("expected.brokers", "3")), null);
            int victim = kit.brokers().keySet().stream().filter(id -> !kit.controllers().containsKey(id)).findFirst().orElseThrow();
            kit.brokers().get(victim).shutdown();
            kit.brokers().get(victim).awaitShutdown();
            KafkaDiagnostics diag = new KafkaDiagnostics(null);
            Instant end = Instant.now().plusSeconds(60);
            Diagnosis d;
            do {
                d = diag.diagnose(diag.capture(target(Map.of("expected.brokers", "3")), null), Set.of("brokers", "topics"));
            } while (titles(d, "topics", Severity.WARNING).stream().noneMatch(t -> t.startsWith("Topic orders:")) && Instant.now().isBefore(end));
            assertThat(titles(d, "brokers", Severity.CRITICAL)).contains("1 of 3 expected brokers are missing",
                    "Broker " + victim + " looks down: it is in no ISR and leads no partition");
            assertThat(titles(d, "topics", Severity.WARNING)).anyMatch(t -> t.startsWith("Topic orders: 3 of 3 partition(s) under-replicated"));
            // the capture before the outage and the one after are a window of ISR sizes: every partition with a replica on the
            // stopped broker lost an ISR member
            List<dev.triage.core.diagnostics.CaptureItem> window = new java.util.ArrayList<>(before.items(
                    dev.triage.plugin.kafkadiag.domain.KafkaDumpKind.TOPICS));
            window.addAll(d.capture().items(dev.triage.plugin.kafkadiag.domain.KafkaDumpKind.TOPICS));
            Diagnosis shrink = diag.diagnose(new dev.triage.core.diagnostics.Capture(KafkaDiagnostics.ID, "events", Instant.now(), window),
                    Set.of("topics"));
            assertThat(titles(shrink, "topics", Severity.CRITICAL)).anyMatch(t -> t.matches("\\d+ partition\\(s\\) lost ISR members over \\d+ samples"));
            assertThat(shrink.metrics().get("isr_shrinks")).isGreaterThanOrEqualTo(3 + 1 + 1);
        }
    }

    @Test
    void topicConfigurationChecksOnARealCluster() throws Exception {
        KafkaDiagnostics diag = new KafkaDiagnostics(null);
        Diagnosis d = diag.diagnose(diag.capture(target(Map.of()), null), Set.of("topics"));
        assertThat(titles(d, "topics", Severity.WARNING))
                .contains("Topic ledger has min.insync.replicas 3 = replication factor: any broker outage blocks acks=all producers")
                .contains("Topic clicks allows unclean leader election: an out-of-sync replica can become leader and acknowledged messages are lost")
                .contains("Topic clicks keeps messages only 0.50 h: a consumer stopped longer than that loses messages")
                .noneMatch(t -> t.startsWith("Topic orders has min.insync.replicas") || t.startsWith("Topic orders keeps"));
        assertThat(titles(d, "topics", Severity.CRITICAL)).contains("Topic clicks keeps messages only 0.50 h: a consumer stopped longer than that loses messages");
        assertThat(d.capture().items(dev.triage.plugin.kafkadiag.domain.KafkaDumpKind.TOPICS)).hasSize(2);
    }
}
