package dev.triage.plugin.kafkadiag.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.diag.domain.DetailTable;
import dev.triage.diag.testing.Corpus;
import dev.triage.plugin.kafkadiag.domain.GroupDescription.OffsetRow;
import dev.triage.plugin.kafkadiag.infrastructure.KafkaDiagnostics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Kafka view's partition and consumer-lag tables, from outputs this test writes and from the captured corpus. */
class KafkaDetailsTest {

    static DetailTable table(List<DetailTable> tables, String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no table " + id));
    }

    static List<DetailTable> tables(CaptureItem... items) {
        return KafkaDetails.tables(new Capture(KafkaDiagnostics.ID, "t", Instant.EPOCH, List.of(items)));
    }

    static CaptureItem groups(long committed, long end) {
        return new CaptureItem(KafkaDumpKind.GROUPS, "", GroupDescription.format("billing", "127.0.0.1:9092  (1)", "range", "Stable", 1, List.of(
                new OffsetRow("billing", "orders", 0, committed, end, end - committed, "c-1", "app"),
                new OffsetRow("billing", "orders", 1, 50, 50, 0, "c-1", "app"))));
    }

    @Test
    void partitionStatesAndLagStatusOverTheSamples() {
        String topics = TopicDescription.format(List.of(new TopicDescription.Topic("orders", 2, 3, Map.of("min.insync.replicas", "2"))), List.of(
                new TopicDescription.Partition("orders", 0, 1, List.of(1, 2, 3), List.of(1, 2, 3)),
                new TopicDescription.Partition("orders", 1, 2, List.of(2, 3, 1), List.of(2)),
                new TopicDescription.Partition("orders", 2, -1, List.of(3, 1, 2), List.of())));
        List<DetailTable> tables = tables(new CaptureItem(KafkaDumpKind.TOPICS, "", topics), groups(100, 200), groups(110, 300), groups(120, 400));
        DetailTable p = table(tables, KafkaDetails.PARTITIONS);
        assertThat(p.column("State")).containsExactly("UNDER-REPLICATED", "OFFLINE", "ok");
        assertThat(p.column("ISR")).containsExactly("2", "", "1,2,3");
        assertThat(p.column("Leader")).containsExactly("2", "none", "1");
        assertThat(p.column("min ISR")).containsOnly("2");
        DetailTable lag = table(tables, KafkaDetails.LAG);
        assertThat(lag.column("Partition")).containsExactly("0", "1");
        assertThat(lag.column("Lag")).containsExactly("280", "0");
        assertThat(lag.column("Lag status")).containsExactly("WARNING", "OK");
        assertThat(lag.column("Samples")).containsOnly("3");
        assertThat(table(tables(groups(100, 200), groups(100, 300)), KafkaDetails.LAG).column("Lag status")).startsWith("STALLED");
    }

    @Test
    void capturedBrokerDownAndStoppedGroup() throws Exception {
        String dir = "status/kafka-captured";
        List<DetailTable> tables = tables(new CaptureItem(KafkaDumpKind.TOPICS, "", Corpus.read(dir, "topics-describe-all-broker3-down.txt")),
                new CaptureItem(KafkaDumpKind.GROUPS, "", Corpus.read(dir, "consumer-groups-describe-analytics-etl-empty-with-lag.txt")));
        DetailTable p = table(tables, KafkaDetails.PARTITIONS);
        assertThat(p.column("State")).contains("OFFLINE", "UNDER-REPLICATED", "ok");
        assertThat(p.rows()).filteredOn(r -> r.get(0).equals("metrics-raw") && r.get(1).equals("1")).singleElement()
                .satisfies(r -> assertThat(r.get(7)).isEqualTo("OFFLINE"));
        DetailTable lag = table(tables, KafkaDetails.LAG);
        assertThat(lag.column("Group")).containsOnly("analytics-etl");
        assertThat(lag.column("Lag status")).containsOnly("STOPPED");
        assertThat(lag.column("Lag").get(0)).isEqualTo("8159");
    }
}
