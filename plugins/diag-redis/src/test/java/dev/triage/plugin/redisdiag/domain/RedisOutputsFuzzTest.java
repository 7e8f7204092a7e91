package dev.triage.plugin.redisdiag.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.diag.domain.DetailTable;
import dev.triage.plugin.redisdiag.infrastructure.RedisDiagnostics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Any text pasted as SLOWLOG GET, CLUSTER NODES or SENTINEL MASTERS output reads without an exception and keeps the
 * parsers' invariants (issue 12; docs/fuzzing.md): slow-log entries have a command, a node serves 0 to 16384 slots, the
 * view's tables are rectangular and the slow log is sorted slowest first, and diagnosing it never throws.
 */
class RedisOutputsFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void slowLogClusterNodesAndSentinelKeepTheirInvariants(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        for (SlowLogEntry e : SlowLogEntry.parse(text)) {
            assertThat(e.args()).isNotEmpty();
            assertThat(e.command()).isEqualTo(e.args().get(0).toUpperCase(java.util.Locale.ROOT));
        }
        for (ClusterNode n : ClusterNode.parse(text)) {
            assertThat(n.slots()).isBetween(0, 16384);
            assertThat(n.id()).matches("[0-9a-f]{40}");
        }
        SentinelMaster.parse(text);
        Capture c = new Capture(RedisDiagnostics.ID, "fuzz", Instant.EPOCH, List.of(new CaptureItem(RedisDumpKind.SLOWLOG, "", text),
                new CaptureItem(RedisDumpKind.CLUSTER_NODES, "", text), new CaptureItem(RedisDumpKind.SENTINEL_MASTERS, "", text),
                new CaptureItem(RedisDumpKind.BIG_KEYS, "", text), new CaptureItem(RedisDumpKind.CLIENT_LIST, "", text)));
        for (DetailTable t : RedisDetails.tables(c)) {
            assertThat(t.rows()).allSatisfy(r -> assertThat(r).hasSameSizeAs(t.columns()));
        }
        List<Long> micros = RedisDetails.tables(c).get(0).column("µs").stream().map(Long::parseLong).toList();
        assertThat(micros).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(new RedisDiagnostics(null).diagnose(c, Set.of()).findings()).allSatisfy(f -> assertThat(f.finding().title()).isNotBlank());
    }
}
