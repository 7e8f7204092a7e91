package dev.triage.plugin.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.kernel.Kernel;
import dev.triage.plugin.logs.application.HitFactsResult;
import dev.triage.testkit.TestKernels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facts read from the hits of a search, stored per search and counted per rule and file. */
class HitFactsTest {

    @TempDir
    Path home;

    @Test
    void countsTheFactsOfTheHitsOnlyPerRuleAndFileAndKeepsThemInTheCase() throws Exception {
        Path dir = Files.createDirectories(home.resolve("logs"));
        List<String> mysql = new ArrayList<>();
        List<String> kafka = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String t = String.format("2026-03-01T10:%02d:%02d.000000Z", i / 60, i % 60);
            mysql.add(i % 3 == 0
                    ? t + " 12 [ERROR] [MY-012345] [InnoDB] Transactions deadlock detected, dumping detailed information (thread " + i + ")"
                    : t + " 13 [Note] [MY-010914] [Server] Aborted connection " + i + " to db: 'shop' user: 'app' host: '10.0.0.9' (Got an error reading communication packets)");
            if (i < 50) {
                kafka.add(String.format("[2026-03-01 10:%02d:%02d,000] INFO [Partition orders-%d broker=1] Shrinking ISR from 1,2,3 to 1."
                    + " (kafka.cluster.Partition)", i / 60, i % 60, i));
            }
        }
        Files.write(dir.resolve("mysql-error.log"), mysql);
        Files.write(dir.resolve("kafka-server.log"), kafka);
        try (Kernel k = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = k.cases().create(home.resolve("case"), "t");
            run(k, "logs.import", "paths", List.of(dir.toString()), "tz", "UTC");

            // 200 hits: 150 MySQL lines (50 deadlocks, 100 aborted connections) and 50 Kafka lines
            HitFactsResult r = (HitFactsResult) run(k, "logs.hit-facts", "any", List.of("deadlock", "Aborted", "Shrinking ISR"),
                    "max-hits", 200, "limit", 300);
            assertThat(r.hits()).isEqualTo(200);
            assertThat(r.counts()).extracting(f -> f.rule() + "@" + f.file() + "=" + f.count()).containsExactlyInAnyOrder(
                    "mysql.deadlock@mysql-error.log=50", "mysql.aborted-connection@mysql-error.log=100",
                    "kafka.isr-shrink@kafka-server.log=50");
            assertThat(r.facts()).hasSize(200);
            assertThat(only(r, "mysql.deadlock").fields()).isEqualTo("{\"thread\":\"0\"}");
            assertThat(r.text()).contains("200 hits", "200 facts", "mysql.deadlock");
            System.out.printf("fact extraction over %d hits, rules + extraction + store: %.1f ms (%.1f ms CPU)%n", r.hits(),
                    r.extractMillis(), r.extractCpuMillis());
            var hits = ((dev.triage.plugin.logs.application.SearchResult) run(k, "logs.search", "any",
                    List.of("deadlock", "Aborted", "Shrinking ISR"), "max-hits", 200)).hits();
            var rules = dev.triage.plugin.logs.infrastructure.RuleLoader.defaults();
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                assertThat(dev.triage.plugin.logs.infrastructure.HitFacts.extract(rules, hits)).hasSize(200);
                System.out.printf("fact rules over %d hits (round %d): %.1f ms%n", hits.size(), round, (System.nanoTime() - t0) / 1e6);
            }

            // only the hits: a search for deadlocks alone gives deadlock facts alone, under its own id
            HitFactsResult only = (HitFactsResult) run(k, "logs.hit-facts", "must", List.of("deadlock"), "file", "mysql-error.log");
            assertThat(only.counts()).extracting(f -> f.rule() + "=" + f.count()).containsExactly("mysql.deadlock=50");
            try (Connection conn = c.newConnection(); Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(DISTINCT search_id), count(*) FROM logs_hit_facts")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2);
                assertThat(rs.getLong(2)).isEqualTo(250);
            }
        }
    }

    private static dev.triage.plugin.logs.application.FactRow only(HitFactsResult r, String rule) {
        return r.facts().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }

    private static Object run(Kernel k, String command, Object... kv) throws Exception {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            args.put(((String) kv[i]).replace("max-hits", "maxHits"), kv[i + 1]);
        }
        return k.commands().executeText(command, args, Fixtures.NONE);
    }
}
