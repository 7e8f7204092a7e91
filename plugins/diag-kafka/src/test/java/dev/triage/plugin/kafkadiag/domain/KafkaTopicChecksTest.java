package dev.triage.plugin.kafkadiag.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.Severity;
import dev.triage.diag.testing.Corpus;
import dev.triage.plugin.kafkadiag.domain.TopicDescription.Partition;
import dev.triage.plugin.kafkadiag.domain.TopicDescription.Topic;
import dev.triage.plugin.kafkadiag.infrastructure.KafkaDiagnostics;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ISR shrinks over a window of topic samples and the topic configuration rules, on outputs this test writes and on the corpus. */
class KafkaTopicChecksTest {

    static final KafkaDiagnostics DIAG = new KafkaDiagnostics(null);

    static Diagnosis diagnose(String... topicOutputs) {
        return DIAG.diagnose(new Capture(KafkaDiagnostics.ID, "t", Instant.EPOCH, Arrays.stream(topicOutputs)
                .map(o -> new CaptureItem(KafkaDumpKind.TOPICS, "", o)).toList()), Set.of("topics"));
    }

    static String orders(List<Integer> isr0, List<Integer> isr1) {
        return TopicDescription.format(List.of(new Topic("orders", 2, 3, Map.of("min.insync.replicas", "2"))), List.of(
                new Partition("orders", 0, 1, List.of(1, 2, 3), isr0), new Partition("orders", 1, 2, List.of(2, 3, 1), isr1)));
    }

    static List<String> titles(Diagnosis d, Severity s) {
        return d.findings("topics").stream().filter(f -> f.severity() == s).map(Finding::title).toList();
    }

    @Test
    void isrShrinksAndFlappingOverTheSamples() {
        List<Integer> all = List.of(1, 2, 3);
        assertThat(titles(diagnose(orders(all, all), orders(all, all), orders(all, all)), Severity.WARNING)).isEmpty();
        Diagnosis shrink = diagnose(orders(all, all), orders(List.of(1, 2), all), orders(all, List.of(2)));
        assertThat(titles(shrink, Severity.WARNING)).contains("2 partition(s) lost ISR members over 3 samples, 1 of them grew back (ISR flapping)");
        Finding f = shrink.findings("topics").stream().filter(x -> x.title().contains("lost ISR")).findFirst().orElseThrow();
        assertThat(f.evidence()).anyMatch(e -> e.value().contains("orders-0 3→2→3") && e.value().contains("orders-1 3→3→1"));
        assertThat(shrink.metrics()).containsEntry("isr_shrinks", 2.0);
        assertThat(titles(shrink, Severity.WARNING)).as("the latest state counts, once").containsOnlyOnce(
                "Topic orders: 1 of 2 partition(s) under-replicated");
        assertThat(diagnose(orders(all, all)).metrics()).doesNotContainKey("isr_shrinks");
    }

    @Test
    void topicConfigurationRules() {
        String text = TopicDescription.format(List.of(
                new Topic("ledger", 1, 3, Map.of("min.insync.replicas", "3")),
                new Topic("broken", 1, 2, Map.of("min.insync.replicas", "3")),
                new Topic("clicks", 1, 3, Map.of("min.insync.replicas", "2", "unclean.leader.election.enable", "true", "retention.ms", "1800000")),
                new Topic("audit", 1, 3, Map.of("min.insync.replicas", "2", "retention.ms", "43200000")),
                new Topic("archive", 1, 3, Map.of("min.insync.replicas", "2", "retention.ms", "-1"))), List.of());
        Diagnosis d = diagnose(text);
        assertThat(titles(d, Severity.WARNING)).contains(
                "Topic ledger has min.insync.replicas 3 = replication factor: any broker outage blocks acks=all producers",
                "Topic clicks allows unclean leader election: an out-of-sync replica can become leader and acknowledged messages are lost",
                "Topic audit keeps messages only 12 h: a consumer stopped longer than that loses messages");
        assertThat(titles(d, Severity.CRITICAL)).contains(
                "Topic broken has min.insync.replicas 3 above its replication factor 2: acks=all producers always fail",
                "Topic clicks keeps messages only 0.50 h: a consumer stopped longer than that loses messages");
        assertThat(d.findings("topics")).noneMatch(f -> f.title().contains("archive"));
    }

    @Test
    void capturedBrokerOutageIsAnIsrShrinkAndRecoveryRegrowsIt() throws Exception {
        String dir = "status/kafka-captured";
        Diagnosis d = diagnose(Corpus.read(dir, "topics-describe-all-healthy.txt"), Corpus.read(dir, "topics-describe-all-broker3-down.txt"),
                Corpus.read(dir, "topics-describe-all-after-recovery.txt"));
        assertThat(d.findings("topics")).filteredOn(f -> f.title().contains("lost ISR members over 3 samples")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.title()).contains("grew back (ISR flapping)");
                });
        assertThat(d.metrics().get("isr_shrinks")).isGreaterThanOrEqualTo(3);
    }
}
