package dev.triage.plugin.redisdiag.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.finding.Severity;
import dev.triage.plugin.redisdiag.infrastructure.RedisDiagnostics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parsers and rules on dumps this test writes itself. */
class RedisParsersTest {

    static Diagnosis diagnose(String kind, String text) {
        RedisDiagnostics d = new RedisDiagnostics(null);
        return d.diagnose(new Capture(RedisDiagnostics.ID, "t", Instant.EPOCH, List.of(new CaptureItem(kind, "", text))), Set.of());
    }

    @Test
    void infoWithCrlfSectionsAndCompoundFields() {
        String info = "# Memory\r\nused_memory:900\r\nmaxmemory:1000\r\nmaxmemory_policy:allkeys-lru\r\nevicted_keys:5\r\n"
                + "# Keyspace\r\ndb0:keys=10,expires=1,avg_ttl=5\r\n";
        RedisInfo i = RedisInfo.parse(info);
        assertThat(i.num("used_memory")).isEqualTo(900);
        assertThat(i.section("db0")).isEqualTo("keyspace");
        assertThat(i.parts("db0")).containsEntry("keys", "10").containsEntry("expires", "1");
        assertThat(RedisDumpKind.detect(info)).contains(RedisDumpKind.INFO);
        Diagnosis d = diagnose(RedisDumpKind.INFO, info);
        assertThat(d.findings("memory")).extracting(f -> f.severity() + " " + f.title())
                .contains("WARNING Memory used is 90.0 % of maxmemory", "WARNING 5 keys were evicted to stay under maxmemory");
    }

    @Test
    void slowlogRawAndNoRawParseAlike() {
        String raw = "7\n1700000000\n25000\nKEYS\n*\n10.0.0.9:5000\nworker\n6\n1700000000\n15\nGET\nk\n10.0.0.9:5001\n\n";
        String noRaw = " 1) 1) (integer) 7\n    2) (integer) 1700000000\n    3) (integer) 25000\n    4) 1) \"KEYS\"\n       2) \"*\"\n"
                + "    5) \"10.0.0.9:5000\"\n    6) \"worker\"\n 2) 1) (integer) 6\n    2) (integer) 1700000000\n    3) (integer) 15\n"
                + "    4) 1) \"GET\"\n       2) \"k\"\n    5) \"10.0.0.9:5001\"\n    6) \"\"\n";
        List<SlowLogEntry> a = SlowLogEntry.parse(raw);
        assertThat(a).hasSize(2);
        assertThat(a.get(0)).isEqualTo(new SlowLogEntry(7, 1700000000, 25000, List.of("KEYS", "*"), "10.0.0.9:5000", "worker"));
        assertThat(SlowLogEntry.parse(noRaw)).isEqualTo(a);
        assertThat(SlowLogEntry.parse(SlowLogEntry.format(a))).isEqualTo(a);
        assertThat(RedisDumpKind.detect(raw)).contains(RedisDumpKind.SLOWLOG);
        Diagnosis d = diagnose(RedisDumpKind.SLOWLOG, raw);
        assertThat(d.worst("performance")).contains(Severity.WARNING);
    }

    @Test
    void clusterNodesAndSentinelMasters() {
        String nodes = "a".repeat(40) + " 10.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-8191\n"
                + "b".repeat(40) + " 10.0.0.2:7000@17000 master,fail - 0 0 2 disconnected 8192-16383\n";
        assertThat(ClusterNode.parse(nodes)).extracting(ClusterNode::slots).containsExactly(8192, 8192);
        Diagnosis d = diagnose(RedisDumpKind.CLUSTER_NODES, nodes);
        assertThat(d.worst("cluster")).contains(Severity.CRITICAL);
        String masters = "name\nm1\nip\n10.0.0.1\nport\n6379\nflags\nmaster,s_down\nquorum\n2\nnum-other-sentinels\n0\nconfig-epoch\n0\n";
        assertThat(SentinelMaster.parse(masters)).singleElement().satisfies(m -> assertThat(m.flags()).contains("s_down"));
        assertThat(RedisDumpKind.detect(masters)).contains(RedisDumpKind.SENTINEL_MASTERS);
        assertThat(diagnose(RedisDumpKind.SENTINEL_MASTERS, masters).findings("sentinel")).extracting(f -> f.title())
                .contains("Master m1 is down (master,s_down)", "Quorum 2 of master m1 cannot be reached by 1 sentinel(s)");
    }

    @Test
    void dangerousCommandsAreRefusedOnProductionUnlessUnlocked() {
        assertThat(CommandPolicy.production(Map.of("environment", "production"))).isTrue();
        assertThat(CommandPolicy.production(Map.of())).isFalse();
        assertThat(CommandPolicy.refusal("FLUSHALL", true, false)).get().asString().contains("FLUSHALL is refused");
        assertThat(CommandPolicy.refusal("config set maxmemory 1gb", true, false)).get().asString().startsWith("CONFIG SET");
        assertThat(CommandPolicy.refusal("CONFIG GET maxmemory", true, false)).isEmpty();
        assertThat(CommandPolicy.refusal("KEYS *", true, true)).isEmpty();
        assertThat(CommandPolicy.refusal("KEYS *", false, false)).isEmpty();
        assertThat(CommandPolicy.refusal("INFO", true, false)).isEmpty();
    }
}
