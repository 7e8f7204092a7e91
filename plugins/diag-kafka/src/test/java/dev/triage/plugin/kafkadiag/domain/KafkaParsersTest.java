package dev.triage.plugin.kafkadiag.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.plugin.kafkadiag.domain.GroupDescription.OffsetRow;
import dev.triage.plugin.kafkadiag.infrastructure.KafkaDiagnostics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parsers, lag status and rules on dumps this test writes itself. */
class KafkaParsersTest {

    static OffsetRow row(long committed, long end) {
        return new OffsetRow("g", "t", 0, committed, end, end - committed, "c1", "client");
    }

    @Test
    void lagStatusFollowsBurrowRules() {
        assertThat(LagStatus.evaluate(List.of(row(10, 20), row(10, 10)), true)).isEqualTo(LagStatus.OK);
        assertThat(LagStatus.evaluate(List.of(row(10, 20), row(15, 30), row(20, 40)), true)).isEqualTo(LagStatus.WARNING);
        assertThat(LagStatus.evaluate(List.of(row(10, 20), row(10, 30)), true)).isEqualTo(LagStatus.STALLED);
        assertThat(LagStatus.evaluate(List.of(row(10, 20)), false)).isEqualTo(LagStatus.STOPPED);
        assertThat(LagStatus.evaluate(List.of(row(10, 20), row(5, 30)), true)).isEqualTo(LagStatus.ERROR);
        assertThat(LagStatus.evaluate(List.of(row(10, 20), row(30, 35)), true)).isEqualTo(LagStatus.OK);
        assertThat(LagStatus.group(List.of(LagStatus.STOPPED, LagStatus.STOPPED))).isEqualTo(LagStatus.STOPPED);
        assertThat(LagStatus.group(List.of(LagStatus.OK, LagStatus.STOPPED))).isEqualTo(LagStatus.ERROR);
    }

    @Test
    void formattedOutputsParseBackAndDiagnose() {
        List<TopicDescription.Topic> topics = List.of(new TopicDescription.Topic("orders", 2, 3, Map.of("min.insync.replicas", "2")));
        List<TopicDescription.Partition> parts = List.of(new TopicDescription.Partition("orders", 0, 1, List.of(1, 2, 3), List.of(1)),
                new TopicDescription.Partition("orders", 1, -1, List.of(3, 1, 2), List.of()));
        String text = TopicDescription.format(topics, parts);
        assertThat(KafkaDumpKind.detect(text)).contains(KafkaDumpKind.TOPICS);
        assertThat(TopicDescription.parse(text)).isEqualTo(new TopicDescription(Map.of("orders", topics.get(0)), parts));
        String groups = GroupDescription.format("g", "h:9092  (1)", "range", "Stable", 1, List.of(row(10, 5000)));
        assertThat(KafkaDumpKind.detect(groups)).contains(KafkaDumpKind.GROUPS);
        GroupDescription g = GroupDescription.parse(groups);
        assertThat(g.offsets()).containsExactly(new OffsetRow("g", "t", 0, 10, 5000, 4990, "c1", "client"));
        assertThat(g.states()).containsEntry("g", "Stable");
        Diagnosis d = new KafkaDiagnostics(null).diagnose(new Capture(KafkaDiagnostics.ID, "t", Instant.EPOCH, List.of(
                new CaptureItem(KafkaDumpKind.CLUSTER, "", "broker 1 h:9092\nbroker 2 h:9093\ncontroller 1\nexpected 3\n"),
                new CaptureItem(KafkaDumpKind.TOPICS, "", text), new CaptureItem(KafkaDumpKind.GROUPS, "", groups))), Set.of());
        assertThat(d.findings("brokers")).extracting(f -> f.title()).contains("1 of 3 expected brokers are missing",
                "Broker 3 looks down: it is in no ISR and leads no partition");
        assertThat(d.findings("topics")).extracting(f -> f.title()).contains("Topic orders: 1 partition(s) offline (no leader)",
                "Topic orders: 1 partition(s) below min.insync.replicas 2: producers with acks=all fail");
        assertThat(d.findings("groups")).extracting(f -> f.title()).containsExactly("Group g on t: lag 4990, status OK");
    }
}
