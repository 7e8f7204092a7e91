package dev.triage.plugin.kafkadiag.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.core.diagnostics.CategorizedFinding;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.Severity;
import dev.triage.diag.testing.Corpus;
import dev.triage.plugin.kafkadiag.infrastructure.KafkaDiagnostics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Kafka 4.3 captures of status/kafka-captured (scenarios.md) give the findings their conditions must give. */
class KafkaCorpusTest {

    private static final String DIR = "status/kafka-captured";
    private static final KafkaDiagnostics DIAG = new KafkaDiagnostics(null);

    static Diagnosis diagnose(String... files) throws Exception {
        List<CaptureItem> items = new ArrayList<>();
        for (String f : files) {
            String text = Corpus.read(DIR, f);
            String kind = KafkaDumpKind.detect(text).orElseThrow(() -> new AssertionError("not detected: " + f));
            items.add(new CaptureItem(kind, f, text));
        }
        Diagnosis d = DIAG.diagnose(new Capture(KafkaDiagnostics.ID, files[0], Instant.parse("2026-11-23T08:00:00Z"), items), Set.of());
        System.out.println("== " + Arrays.toString(files) + "\n" + d.findings().stream().map(f -> "  " + f.finding().severity() + " ["
                + f.category() + "] " + f.finding().title()).collect(Collectors.joining("\n")));
        return d;
    }

    static List<String> titles(Diagnosis d, String category, Severity atLeast) {
        return d.findings().stream().filter(f -> f.category().equals(category) && f.finding().severity().isAtLeast(atLeast))
                .map(CategorizedFinding::finding).map(Finding::title).toList();
    }

    @Test
    void healthyTopicsHaveOnlyReplicationFactorWarnings() throws Exception {
        Diagnosis d = diagnose("topics-describe-all-healthy.txt");
        assertThat(titles(d, "topics", Severity.WARNING)).allMatch(t -> t.contains("replication factor 1"));
        assertThat(titles(d, "brokers", Severity.WARNING)).isEmpty();
        assertThat(d.worst("topics")).contains(Severity.WARNING);
    }

    @Test
    void brokerDownGivesUnderReplicatedAndOfflinePartitions() throws Exception {
        Diagnosis d = diagnose("topics-describe-all-broker3-down.txt");
        assertThat(titles(d, "brokers", Severity.CRITICAL)).containsExactly("Broker 3 looks down: it is in no ISR and leads no partition");
        assertThat(titles(d, "topics", Severity.CRITICAL)).anyMatch(t -> t.startsWith("Topic metrics-raw: 1 partition(s) offline"));
        assertThat(titles(d, "topics", Severity.WARNING)).anyMatch(t -> t.startsWith("Topic orders: 6 of 6 partition(s) under-replicated"));
        Diagnosis two = diagnose("topics-describe-all-brokers2-3-down.txt");
        assertThat(titles(two, "brokers", Severity.CRITICAL)).hasSize(2);
        assertThat(titles(two, "topics", Severity.CRITICAL)).anyMatch(t -> t.startsWith("Topic orders:") && t.contains("below min.insync.replicas 2"));
        assertThat(titles(diagnose("topics-describe-unavailable-broker3-down.txt"), "topics", Severity.CRITICAL))
                .containsExactly("Topic metrics-raw: 1 partition(s) offline (no leader)");
    }

    @Test
    void laggingGroupGetsAWarningStatusOverTwoSamples() throws Exception {
        Diagnosis one = diagnose("consumer-groups-describe-order-processor-broker3-down.txt");
        assertThat(titles(one, "groups", Severity.WARNING)).singleElement().asString().startsWith("Group order-processor on orders: lag 131494");
        Diagnosis two = diagnose("consumer-groups-describe-order-processor-broker3-down.txt", "consumer-groups-describe-order-processor-after-recovery.txt");
        // partition 0's committed offset stayed at 2508 between the samples (stalled), the others advanced but fell further behind
        assertThat(titles(two, "groups", Severity.CRITICAL)).singleElement().asString().contains("status STALLED");
        assertThat(two.findings("groups").get(0).evidence()).anyMatch(e -> "orders-0".equals(e.name()) && e.value().contains("status STALLED"))
                .anyMatch(e -> "orders-2".equals(e.name()) && e.value().contains("status WARNING"));
        assertThat(LagStatus.group(List.of(LagStatus.OK, LagStatus.WARNING))).isEqualTo(LagStatus.WARNING);
    }

    @Test
    void emptyGroupWithLagIsStoppedAndCaughtUpGroupIsOk() throws Exception {
        assertThat(titles(diagnose("consumer-groups-describe-analytics-etl-empty-with-lag.txt"), "groups", Severity.WARNING))
                .singleElement().asString().contains("status STOPPED");
        assertThat(diagnose("consumer-groups-describe-billing-service-caught-up.txt").worst("groups")).contains(Severity.OK);
        Diagnosis all = diagnose("consumer-groups-describe-all-groups-offsets.txt", "consumer-groups-describe-all-groups-state.txt");
        assertThat(titles(all, "groups", Severity.WARNING)).anyMatch(t -> t.startsWith("Group analytics-etl")).anyMatch(t -> t.startsWith("Group order-processor"));
    }

    @Test
    void rebalancingGroupAndStuckRebalance() throws Exception {
        assertThat(titles(diagnose("consumer-groups-describe-state-inventory-sync-rebalancing.txt"), "groups", Severity.WARNING))
                .containsExactly("Group inventory-sync is rebalancing");
        Diagnosis stuck = diagnose("consumer-groups-describe-inventory-sync-rebalancing.txt", "consumer-groups-describe-inventory-sync-still-rebalancing-t2.txt");
        assertThat(titles(stuck, "groups", Severity.CRITICAL)).anyMatch(t -> t.equals("Group inventory-sync is rebalancing in 2 samples in a row"));
        assertThat(diagnose("consumer-groups-describe-state-inventory-sync-after-rebalance.txt").findings()).isEmpty();
        assertThat(diagnose("consumer-groups-describe-inventory-sync-after-rebalance.txt").worst("groups")).contains(Severity.OK);
    }
}
