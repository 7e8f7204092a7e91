package dev.triage.plugin.rca.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.plugin.rca.application.KnownIssueArgs;
import dev.triage.plugin.rca.domain.KnownIssue;
import dev.triage.plugin.rca.domain.Version;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KnownIssueLookupTest {

    final KnownIssueLookup lookup = new KnownIssueLookup(KnownIssueLookup.shipped());

    @Test
    void shipsEntriesForEveryProduct() {
        Map<String, Long> byProduct = lookup.issues().stream().collect(Collectors.groupingBy(KnownIssue::product, Collectors.counting()));
        assertThat(lookup.issues()).hasSizeGreaterThanOrEqualTo(28);
        assertThat(byProduct).containsKeys("mysql", "mariadb", "tidb", "redis", "kafka");
        assertThat(lookup.issues()).allSatisfy(k -> assertThat(k.link()).startsWith("https://"));
        assertThat(lookup.issues()).extracting(KnownIssue::id).doesNotHaveDuplicates();
    }

    @Test
    void findsVersionsInServerOutputAndLogLines() {
        Map<String, Version> v = KnownIssueLookup.detect(List.of("# Server\nredis_version:7.0.11\nredis_git_sha1:0",
                "2024-03-01T10:00:00 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.29'  socket: '/tmp/mysql.sock'",
                "[INFO] Kafka version: 3.3.1 (org.apache.kafka.common.utils.AppInfoParser)",
                "[\"Welcome to TiDB.\"] [\"Release Version\"=v7.5.1]", "Release Version: v7.5.1"));
        assertThat(v).containsOnlyKeys("redis", "mysql", "kafka", "tidb");
        assertThat(v.get("redis").text()).isEqualTo("7.0.11");
        assertThat(v.get("mysql").text()).isEqualTo("8.0.29");
        assertThat(v.get("kafka").text()).isEqualTo("3.3.1");
        assertThat(KnownIssueLookup.detect(List.of("Server version: 10.6.12-MariaDB-log"))).containsOnlyKeys("mariadb");
    }

    @Test
    void matchesByVersionAndRanksIssuesWithSymptomsInTheCaseFirst() {
        List<KnownIssueLookup.Match> m = lookup.match("redis", Version.parse("7.0.11"), List.of("EVAL of a Lua script crashed the server"));
        assertThat(m).extracting(x -> x.issue().id()).contains("CVE-2022-24834", "CVE-2024-31449").doesNotContain("CVE-2023-28856");
        assertThat(m.get(0).symptoms()).isNotEmpty();
        assertThat(lookup.match("redis", Version.parse("7.0.10"), List.of())).extracting(x -> x.issue().id()).contains("CVE-2023-28856");
        assertThat(lookup.match("mysql", Version.parse("8.0.30"), List.of())).extracting(x -> x.issue().id()).doesNotContain("MYSQL-8.0.29-INSTANT");
        assertThat(lookup.match("kafka", Version.parse("3.7.0"), List.of())).extracting(x -> x.issue().id()).contains("CVE-2024-27309");
        assertThat(lookup.match("kafka", Version.parse("3.7.1"), List.of())).extracting(x -> x.issue().id()).doesNotContain("CVE-2024-27309");
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void findsVersionsInTheCaseCapturesAndSourcesAndMatchesTheirIssues() throws Exception {
        try (dev.triage.core.cases.Case c = dev.triage.core.cases.Case.create(dir.resolve("case"), "k", List.of())) {
            java.nio.file.Path cap = java.nio.file.Files.createDirectories(c.folder().resolve("captures/redis-diagnostics"));
            java.nio.file.Files.writeString(cap.resolve("20240301-cache1.json"),
                    "{\"items\":[{\"kind\":\"redis-info\",\"text\":\"# Server\\r\\nredis_version:7.0.10\\r\\nredis_mode:standalone\"}]}");
            java.nio.file.Path src = java.nio.file.Files.createDirectories(c.sources().resolve("import-1"));
            java.nio.file.Files.writeString(src.resolve("error.log"), "2024-03-01T10:00:00 0 [System] [MY-010931] [Server] "
                    + "/usr/sbin/mysqld: ready for connections. Version: '8.0.29'  socket: '/tmp/mysql.sock'  port: 3306\n");
            KnownIssueLookup.Result r = lookup.run(null, c);
            assertThat(r.detected()).containsExactlyInAnyOrder("redis 7.0.10", "mysql 8.0.29");
            assertThat(r.matches()).extracting(m -> m.issue().id()).contains("CVE-2023-28856", "MYSQL-8.0.29-INSTANT");
        }
    }

    @Test
    void searchesOfflineAndExplainsWhatItLookedUp() throws Exception {
        KnownIssueLookup.Result r = lookup.run(new KnownIssueArgs(null, null, "jndi"), null);
        assertThat(r.matches()).extracting(x -> x.issue().id()).containsExactly("CVE-2023-25194");
        KnownIssueLookup.Result v = lookup.run(new KnownIssueArgs("mysql", "8.0.38", null), null);
        assertThat(v.detected()).containsExactly("mysql 8.0.38");
        assertThat(v.text()).contains("MYSQL-8.0.38-10K-TABLES", "fixed in 8.0.39");
        assertThatThrownBy(() -> KnownIssueLookup.parse("[[issue]]\nid = \"x\"\nproduct = \"redis\"\ntitle = \"t\"\naffected = \"7\"\n", "k.toml"))
                .hasMessageContaining("k.toml issue 'x'");
    }
}
