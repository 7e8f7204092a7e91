package dev.triage.plugin.redisdiag.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.diag.domain.DetailTable;
import dev.triage.diag.testing.Corpus;
import dev.triage.plugin.redisdiag.infrastructure.RedisDiagnostics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Redis view's slow-log, big-key and cluster-node tables, from outputs this test writes and from the captured corpus. */
class RedisDetailsTest {

    static DetailTable table(List<DetailTable> tables, String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no table " + id));
    }

    static List<DetailTable> tables(CaptureItem... items) {
        return RedisDetails.tables(new Capture(RedisDiagnostics.ID, "t", Instant.EPOCH, List.of(items)));
    }

    @Test
    void slowestFirstAndBigKeysAsSampled() {
        String slow = SlowLogEntry.format(List.of(new SlowLogEntry(1, 1_700_000_000, 150, List.of("get", "a"), "127.0.0.1:5000", ""),
                new SlowLogEntry(2, 1_700_000_001, 90_000, List.of("keys", "*"), "127.0.0.1:5001", "batch")));
        List<DetailTable> tables = tables(new CaptureItem(RedisDumpKind.SLOWLOG, "", slow),
                new CaptureItem(RedisDumpKind.BIG_KEYS, "", "big:hash\thash\t5242880\nsmall\tstring\t72\n"));
        DetailTable s = table(tables, RedisDetails.SLOWLOG);
        assertThat(s.column("Command")).containsExactly("KEYS", "GET");
        assertThat(s.column("µs")).containsExactly("90000", "150");
        assertThat(s.column("Arguments")).containsExactly("*", "a");
        assertThat(s.column("Name")).containsExactly("batch", "");
        assertThat(s.column("Time (UTC)").get(1)).isEqualTo("2023-11-14T22:13:20Z");
        DetailTable b = table(tables, RedisDetails.BIG_KEYS);
        assertThat(b.rows()).containsExactly(List.of("big:hash", "hash", "5242880"), List.of("small", "string", "72"));
        assertThat(tables).extracting(DetailTable::id).doesNotContain(RedisDetails.CLUSTER_NODES);
        String addressLikeArgs = SlowLogEntry.format(List.of(new SlowLogEntry(9, 1_700_000_009, 500, List.of("hset", "h", "field3:814", "x"),
                "127.0.0.1:6000", "app"), new SlowLogEntry(8, 1_700_000_008, 400, List.of("get", "host:1"), "127.0.0.1:6001", "")));
        DetailTable a = table(tables(new CaptureItem(RedisDumpKind.SLOWLOG, "", addressLikeArgs)), RedisDetails.SLOWLOG);
        assertThat(a.column("Arguments")).containsExactly("h field3:814 x", "host:1");
        assertThat(a.column("Client")).containsExactly("127.0.0.1:6000", "127.0.0.1:6001");
        assertThat(a.column("Name")).containsExactly("app", "");
    }

    @Test
    void capturedSlowLogAndFailedCluster() throws Exception {
        String dir = "status/redis-captured";
        List<DetailTable> tables = tables(new CaptureItem(RedisDumpKind.SLOWLOG, "", Corpus.read(dir, "healthy-slowlog-get-20.txt")),
                new CaptureItem(RedisDumpKind.CLUSTER_NODES, "", Corpus.read(dir, "cluster-fail-nodes.txt")));
        DetailTable s = table(tables, RedisDetails.SLOWLOG);
        assertThat(s.rows()).hasSizeGreaterThan(5);
        assertThat(s.column("µs").stream().map(Long::parseLong).toList()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(s.column("Command")).contains("SMEMBERS");
        DetailTable n = table(tables, RedisDetails.CLUSTER_NODES);
        assertThat(n.rows()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(n.column("Flags")).anyMatch(f -> f.contains("fail"));
        assertThat(n.column("Slots").stream().mapToInt(Integer::parseInt).sum()).isLessThanOrEqualTo(16384).isPositive();
    }
}
