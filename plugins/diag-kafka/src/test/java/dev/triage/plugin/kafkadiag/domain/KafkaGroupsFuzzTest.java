package dev.triage.plugin.kafkadiag.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.diag.domain.DetailTable;
import dev.triage.plugin.kafkadiag.domain.GroupDescription.OffsetRow;
import dev.triage.plugin.kafkadiag.infrastructure.KafkaDiagnostics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * kafka-consumer-groups --describe under fuzzing (issue 12; docs/fuzzing.md): offset rows written in the tool's layout
 * read back as the same rows, and the lag status and the view's lag table of any samples keep their invariants.
 */
class KafkaGroupsFuzzTest {

    static String name(FuzzedDataProvider data) {
        String s = data.consumeString(14).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "");
        return s.isEmpty() ? "x" : s;
    }

    @FuzzTest(maxDuration = "30s")
    void describedGroupsReadBackAndLagStatusHolds(FuzzedDataProvider data) {
        String group = name(data);
        List<OffsetRow> rows = new ArrayList<>();
        int n = data.consumeInt(1, 8);
        for (int i = 0; i < n; i++) {
            long end = data.consumeLong(0, Long.MAX_VALUE / 2);
            long committed = data.consumeBoolean() ? -1 : data.consumeLong(0, end);
            String consumer = data.consumeBoolean() ? "-" : "consumer-" + name(data);
            rows.add(new OffsetRow(group, name(data), i, committed, end, committed < 0 ? -1 : end - committed, consumer, "client-" + i));
        }
        String text = GroupDescription.format(group, "127.0.0.1:9092  (1)", "range", data.pickValue(List.of("Stable", "Empty",
                "PreparingRebalance")), n, rows);
        GroupDescription back = GroupDescription.parse(text);
        assertThat(back.offsets()).extracting(OffsetRow::group, OffsetRow::topic, OffsetRow::partition, OffsetRow::committed,
                OffsetRow::logEnd, OffsetRow::lag).containsExactlyElementsOf(rows.stream().map(r -> org.assertj.core.groups.Tuple.tuple(
                r.group(), r.topic(), r.partition(), r.committed(), r.logEnd(), r.lag())).toList());
        Capture c = new Capture(KafkaDiagnostics.ID, "fuzz", Instant.EPOCH, List.of(new CaptureItem(KafkaDumpKind.GROUPS, "", text),
                new CaptureItem(KafkaDumpKind.GROUPS, "", data.consumeRemainingAsString())));
        List<LagStatus> statuses = new ArrayList<>();
        for (DetailTable t : KafkaDetails.tables(c)) {
            assertThat(t.rows()).allSatisfy(r -> assertThat(r).hasSameSizeAs(t.columns()));
            if (t.id().equals(KafkaDetails.LAG)) {
                t.column("Lag status").forEach(s -> statuses.add(LagStatus.valueOf(s)));
            }
        }
        if (!statuses.isEmpty() && statuses.stream().allMatch(s -> s == LagStatus.OK)) {
            assertThat(LagStatus.group(statuses)).isEqualTo(LagStatus.OK);
        }
        assertThat(new KafkaDiagnostics(null).diagnose(c, Set.of()).findings()).allSatisfy(f -> assertThat(f.finding().title()).isNotBlank());
    }
}
