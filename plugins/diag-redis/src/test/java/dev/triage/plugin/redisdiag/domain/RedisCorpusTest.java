package dev.triage.plugin.redisdiag.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.core.diagnostics.CategorizedFinding;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.finding.Severity;
import dev.triage.diag.testing.Corpus;
import dev.triage.plugin.redisdiag.infrastructure.RedisDiagnostics;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Redis 7.0 captures of status/redis-captured (scenarios.md) give the findings their conditions must give. */
class RedisCorpusTest {

    private static final String DIR = "status/redis-captured";
    private static final RedisDiagnostics DIAG = new RedisDiagnostics(null);

    static Diagnosis diagnose(String... files) throws Exception {
        List<CaptureItem> items = new java.util.ArrayList<>();
        for (String f : files) {
            String text = Corpus.read(DIR, f);
            String kind = RedisDumpKind.detect(text).orElseThrow(() -> new AssertionError("not detected: " + f));
            items.add(new CaptureItem(kind, f, text));
        }
        Diagnosis d = DIAG.diagnose(new Capture(RedisDiagnostics.ID, files[0], Instant.parse("2026-11-23T08:00:00Z"), items), Set.of());
        System.out.println("== " + Arrays.toString(files) + "\n" + d.findings().stream().map(f -> "  " + f.finding().severity() + " ["
                + f.category() + "] " + f.finding().title()).collect(Collectors.joining("\n")));
        return d;
    }

    static List<String> titles(Diagnosis d, String category, Severity atLeast) {
        return d.findings().stream().filter(f -> f.category().equals(category) && f.finding().severity().isAtLeast(atLeast))
                .map(CategorizedFinding::finding).map(f -> f.title()).toList();
    }

    @Test
    void healthyInstanceHasNoWarningsButTheSlowLogShowsKeys() throws Exception {
        Diagnosis d = diagnose("healthy-info.txt");
        assertThat(d.findings()).noneMatch(f -> f.finding().severity().isAtLeast(Severity.WARNING) && !f.category().equals("performance"));
        assertThat(d.metrics()).containsEntry("used_memory", 5044024.0).containsEntry("keys", 18721.0);
        Diagnosis slow = diagnose("healthy-slowlog-get-20.txt");
        assertThat(titles(slow, "performance", Severity.WARNING)).anyMatch(t -> t.contains("KEYS"));
        assertThat(diagnose("healthy-slowlog-get-20.no-raw.txt").findings()).hasSameSizeAs(slow.findings());
    }

    @Test
    void memoryPressureGivesUsedRatioAndEvictions() throws Exception {
        Diagnosis d = diagnose("mempressure-more-writes-info.txt");
        assertThat(d.worst("memory")).contains(Severity.CRITICAL);
        assertThat(titles(d, "memory", Severity.WARNING)).anyMatch(t -> t.startsWith("Memory used is 100.0 %"))
                .anyMatch(t -> t.startsWith("185666 keys were evicted"));
        assertThat(titles(d, "memory", Severity.WARNING)).noneMatch(t -> t.contains("fragmentation"));
    }

    @Test
    void fragmentedInstanceGivesFragmentation() throws Exception {
        Diagnosis d = diagnose("fragmented-info.txt");
        assertThat(titles(d, "memory", Severity.CRITICAL)).anyMatch(t -> t.startsWith("Memory fragmentation ratio is 8.08"));
    }

    @Test
    void noevictionFullGivesOom() throws Exception {
        Diagnosis d = diagnose("noeviction-info.txt");
        assertThat(titles(d, "memory", Severity.CRITICAL)).anyMatch(t -> t.contains("OOM"));
        assertThat(d.findings("memory")).filteredOn(f -> f.title().contains("OOM")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).anyMatch(e -> "errorstat_OOM".equals(e.name()) && e.value().equals("26849")));
    }

    @Test
    void brokenReplicationGivesLinkDown() throws Exception {
        assertThat(titles(diagnose("replication-master-down-replica-info-replication.txt"), "replication", Severity.CRITICAL))
                .anyMatch(t -> t.contains("master_link_status is down"));
        assertThat(diagnose("replication-replica-info-replication.txt").worst("replication")).contains(Severity.OK);
        assertThat(titles(diagnose("replication-syncing-master-info-replication.txt"), "replication", Severity.WARNING))
                .anyMatch(t -> t.contains("wait_bgsave"));
        assertThat(titles(diagnose("replication-promoted-replica-info-replication.txt"), "replication", Severity.INFO))
                .anyMatch(t -> t.contains("promoted"));
    }

    @Test
    void persistenceFailuresAndRewrites() throws Exception {
        assertThat(titles(diagnose("persist-rdb-err-info.txt"), "persistence", Severity.CRITICAL)).anyMatch(t -> t.contains("RDB save"));
        assertThat(titles(diagnose("aof-rewrite-in-progress-info.txt"), "persistence", Severity.INFO))
                .anyMatch(t -> t.startsWith("An AOF rewrite is in progress (7.1 %"));
    }

    @Test
    void manyClientsAndBlockedClients() throws Exception {
        Diagnosis d = diagnose("manyclients-info.txt", "manyclients-client-list.txt");
        assertThat(titles(d, "connections", Severity.WARNING)).anyMatch(t -> t.startsWith("210 clients are connected"))
                .anyMatch(t -> t.startsWith("8 clients are blocked"));
        assertThat(titles(d, "connections", Severity.INFO)).anyMatch(t -> t.startsWith("210 clients listed"));
    }

    @Test
    void failedClusterGivesClusterDownAndUncoveredSlots() throws Exception {
        Diagnosis d = diagnose("cluster-fail-info-node16391.txt", "cluster-fail-nodes.txt");
        assertThat(titles(d, "cluster", Severity.CRITICAL)).anyMatch(t -> t.contains("cluster is down") && t.contains("5461 slots"))
                .anyMatch(t -> t.contains("16394") && t.contains("5461 slots"));
        assertThat(diagnose("cluster-info.txt", "cluster-nodes.txt").worst("cluster")).contains(Severity.OK);
        assertThat(titles(diagnose("cluster-fail-nodes.no-raw.txt"), "cluster", Severity.CRITICAL)).isNotEmpty();
    }

    @Test
    void sentinelSeesTheMasterGoAndTheFailover() throws Exception {
        assertThat(diagnose("sentinel-masters.txt").worst("sentinel")).contains(Severity.WARNING);
        assertThat(titles(diagnose("sentinel-masters-master-disconnected.txt"), "sentinel", Severity.WARNING))
                .anyMatch(t -> t.contains("lost its connection"));
        assertThat(titles(diagnose("sentinel-masters-after-failover.no-raw.txt"), "sentinel", Severity.INFO))
                .anyMatch(t -> t.contains("failed over") && t.contains("16383"));
        assertThat(titles(diagnose("sentinel-info-after-failover.txt"), "sentinel", Severity.OK)).anyMatch(t -> t.contains("16383"));
    }

    @Test
    void telegrafRedis6InfoParses() throws Exception {
        String text = Corpus.read("status/redis", "telegraf-redis-6.0.9-info.txt");
        assertThat(RedisDumpKind.detect(text)).contains(RedisDumpKind.INFO);
    }
}
