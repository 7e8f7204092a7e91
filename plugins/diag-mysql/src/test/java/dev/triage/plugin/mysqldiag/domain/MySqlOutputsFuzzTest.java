package dev.triage.plugin.mysqldiag.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.diag.domain.DetailTable;
import dev.triage.plugin.mysqldiag.infrastructure.MySqlDiagnostics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MySQL status forms, SHOW REPLICA STATUS, the processlist and GTID sets under fuzzing (issue 12; docs/fuzzing.md):
 * the tab-separated, table and \G forms of the same name/value pairs read back as the same pairs, and any text read as a
 * replica status, processlist or GTID set keeps the invariants (rectangular tables, no negative counts, no exception).
 */
class MySqlOutputsFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void theThreeFormsOfStatusReadBackTheSamePairs(FuzzedDataProvider data) {
        Map<String, String> pairs = new LinkedHashMap<>();
        int n = data.consumeInt(1, 12);
        for (int i = 0; i < n; i++) {
            String name = "V" + i + "_" + data.consumeString(12).replaceAll("[^A-Za-z0-9_]", "");
            String value = data.consumeString(24).replaceAll("[\\p{Cntrl}|\\t\\\\]", "").strip();
            pairs.put(name, value);
        }
        StringBuilder tsv = new StringBuilder();
        StringBuilder vertical = new StringBuilder();
        StringBuilder table = new StringBuilder("+------+-------+\n| Variable_name | Value |\n+------+-------+\n");
        int row = 0;
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            tsv.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
            vertical.append("*************************** ").append(++row).append(". row ***************************\n")
                    .append("Variable_name: ").append(e.getKey()).append("\n        Value: ").append(e.getValue()).append('\n');
            table.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
        }
        table.append("+------+-------+\n");
        assertThat(ResultTable.nameValues(tsv.toString())).as("tab-separated").isEqualTo(pairs);
        assertThat(ResultTable.nameValues(table.toString())).as("table").isEqualTo(pairs);
        assertThat(ResultTable.nameValues(vertical.toString())).as("vertical").isEqualTo(pairs);
    }

    @FuzzTest(maxDuration = "30s")
    void anyTextAsReplicaStatusProcesslistOrGtidSet(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (Map<String, String> r : ResultTable.parse(text, MySqlDumpKind.PROCESSLIST_COLUMNS)) {
            assertThat(r.keySet()).allSatisfy(k -> assertThat(k).isNotNull());
        }
        Map<String, List<long[]>> set = GtidSets.parseMySql(text);
        assertThat(GtidSets.count(set)).isNotNegative();
        assertThat(GtidSets.holes(set).values()).allSatisfy(v -> assertThat(v).isPositive());
        assertThat(GtidSets.missingFrom(set, set)).isZero();
        assertThat(GtidSets.parseMariaDb(text).values()).allSatisfy(p -> assertThat(java.util.Arrays.stream(p).min().orElse(0)).isNotNegative());
        Capture c = new Capture(MySqlDiagnostics.ID, "fuzz", Instant.EPOCH, List.of(new CaptureItem(MySqlDumpKind.REPLICA, "", text),
                new CaptureItem(MySqlDumpKind.PROCESSLIST, "", text), new CaptureItem(MySqlDumpKind.STATUS, "", text),
                new CaptureItem(MySqlDumpKind.VARIABLES, "", text), new CaptureItem(MySqlDumpKind.INNODB, "", text)));
        for (DetailTable t : MySqlDetails.tables(c)) {
            assertThat(t.rows()).allSatisfy(r -> assertThat(r).hasSameSizeAs(t.columns()));
        }
        assertThat(new MySqlDiagnostics(null).diagnose(c, Set.of()).findings()).allSatisfy(f -> assertThat(f.finding().title()).isNotBlank());
    }
}
