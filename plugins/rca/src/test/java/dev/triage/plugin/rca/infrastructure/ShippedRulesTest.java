package dev.triage.plugin.rca.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.cases.Case;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.rca.domain.Hypothesis;
import dev.triage.plugin.rca.domain.Rule;
import dev.triage.testkit.TestKernels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped rule fires on its test case: real findings from the corpus dumps through the diagnostics plugins'
 * {@code diag.file} command (never their classes), and log and slow-log tables the tests write themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShippedRulesTest {

    static final Instant CAPTURED = Instant.parse("2024-03-01T10:00:00Z");
    static final TaskContext NONE = new TaskContext() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    @TempDir
    static Path home;
    Kernel kernel;
    int cases;

    @BeforeAll
    void start() {
        kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(20)).startPlugins();
    }

    @AfterAll
    void stop() {
        kernel.close();
    }

    static Stream<Arguments> corpusCases() {
        return Stream.of(
                Arguments.of("mysql-lock-contention", "mysql-captured", List.of("final-show-global-status.tsv.txt",
                        "deadlock-orders-show-engine-innodb-status.vertical.txt")),
                Arguments.of("mysql-deadlocks", "mysql-captured", List.of("deadlock-orders-show-engine-innodb-status.vertical.txt")),
                Arguments.of("mysql-replication-broken", "mysql-captured", List.of("replication-broken-missing-table-show-replica-status.vertical.txt")),
                Arguments.of("mysql-connection-failures", "mysql-captured", List.of("conn-full-status-like-conn.tsv.txt")),
                Arguments.of("mysql-unindexed-queries", "mysql-captured", List.of("final-show-global-status.tsv.txt")),
                Arguments.of("redis-memory-pressure", "redis-captured", List.of("mempressure-more-writes-info.txt")),
                Arguments.of("redis-fragmentation", "redis-captured", List.of("fragmented-info.txt")),
                Arguments.of("redis-persistence-failure", "redis-captured", List.of("persist-rdb-err-info.txt")),
                Arguments.of("redis-replication-lost", "redis-captured", List.of("replication-master-down-replica-info-replication.txt")),
                Arguments.of("redis-cluster-down", "redis-captured", List.of("cluster-fail-info-node16391.txt")),
                Arguments.of("kafka-broker-down", "kafka-captured", List.of("topics-describe-all-broker3-down.txt")),
                Arguments.of("kafka-consumer-failure", "kafka-captured", List.of("consumer-groups-describe-analytics-etl-empty-with-lag.txt")),
                Arguments.of("kafka-rebalance-storm", "kafka-captured", List.of("consumer-groups-describe-inventory-sync-rebalancing.txt")));
    }

    /** Copies corpus dumps with one capture time, as one incident's captures would have, and diagnoses them through diag.file. */
    Case caseWith(String folder, List<String> files) throws Exception {
        Path dir = Corpus.status(folder);
        Case c = kernel.cases().create(home.resolve("case-" + cases++), "rca");
        List<String> copies = new ArrayList<>();
        for (String f : files) {
            Path copy = Files.copy(dir.resolve(f), Files.createDirectories(home.resolve("dumps-" + cases)).resolve(f));
            Files.setLastModifiedTime(copy, FileTime.from(CAPTURED));
            copies.add(copy.toString());
        }
        kernel.commands().executeText("diag.file", Map.of("files", copies), NONE);
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusCases")
    void firesOnItsCorpusCase(String rule, String folder, List<String> files) throws Exception {
        caseWith(folder, files);
        RcaResult r = (RcaResult) kernel.commands().executeText("rca", Map.of(), NONE);
        assertThat(r.hypotheses()).extracting(h -> h.rule().id()).contains(rule);
        Hypothesis h = r.hypotheses().stream().filter(x -> x.rule().id().equals(rule)).findFirst().orElseThrow();
        assertThat(h.confidence()).isBetween(h.rule().minConfidence(), 1.0);
        assertThat(h.evidence()).allSatisfy(m -> assertThat(m.items()).allSatisfy(i -> assertThat(i.ref()).startsWith("finding:")));
        assertThat(r.skipped()).anyMatch(s -> s.contains("no table logs_entries"));
        assertThat(r.text()).contains(h.rule().title());
    }

    @Test
    void aHealthyCaseFiresNothing() throws Exception {
        caseWith("redis-captured", List.of("healthy-client-list.txt"));
        RcaResult r = (RcaResult) kernel.commands().executeText("rca", Map.of(), NONE);
        assertThat(r.hypotheses()).isEmpty();
        assertThat(r.text()).contains("No root-cause rule fired");
    }

    /** Tables shaped like the logs plugin's, written by the test. */
    static void logs(Case c, Instant at, String... messages) throws Exception {
        try (Connection conn = c.newConnection(); Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS logs_files (file_id INTEGER, name VARCHAR)");
            st.execute("CREATE TABLE IF NOT EXISTS logs_entries (file_id INTEGER, line BIGINT, ts_us BIGINT, level VARCHAR, message VARCHAR)");
            st.execute("INSERT INTO logs_files SELECT 1, 'app.log' WHERE NOT EXISTS (SELECT 1 FROM logs_files WHERE file_id = 1)");
            long us = at.getEpochSecond() * 1_000_000L;
            for (int i = 0; i < messages.length; i++) {
                st.execute("INSERT INTO logs_entries VALUES (1, " + (i + 1) + ", " + (us + i * 1_000_000L) + ", 'ERROR', '"
                        + messages[i].replace("'", "''") + "')");
            }
        }
    }

    @Test
    void consumerFailureIsSureWhenTheAppLogShowsConsumerExceptionsInTheWindowOnly() throws Exception {
        Case c = caseWith("kafka-captured", List.of("consumer-groups-describe-analytics-etl-empty-with-lag.txt"));
        logs(c, CAPTURED.minus(Duration.ofHours(5)), "org.apache.kafka.clients.consumer.CommitFailedException: Commit cannot be completed");
        Hypothesis far = find("kafka-consumer-failure");
        assertThat(far.confidence()).isEqualTo(0.6);
        logs(c, CAPTURED.minus(Duration.ofMinutes(10)), "org.apache.kafka.clients.consumer.CommitFailedException: Commit cannot be completed");
        Hypothesis near = find("kafka-consumer-failure");
        assertThat(near.confidence()).isEqualTo(1.0);
        assertThat(near.evidence()).anySatisfy(m -> assertThat(m.items()).singleElement()
                .satisfies(i -> assertThat(i.ref()).isEqualTo("log:app.log:1")));
        assertThat(near.from()).isEqualTo(CAPTURED.minus(Duration.ofMinutes(10)));
    }

    @Test
    void lockContentionCombinesDiagnosticsARegressedClassAndTheErrorLog() throws Exception {
        Case c = caseWith("mysql-captured", List.of("lockwait-show-status-like-row-lock.tsv.txt"));
        double alone = find("mysql-lock-contention").confidence();
        try (Connection conn = c.newConnection(); Statement st = conn.createStatement()) {
            st.execute("INSERT INTO slowlog_compare (made_at, label, pos, checksum, fingerprint, status, impact) VALUES "
                    + "(TIMESTAMP '2024-03-01 10:05:00', 'a vs b', 1, 'ABC123', 'update orders set status = ? where id = ?', 'REGRESSED', 12.5)");
        }
        logs(c, CAPTURED.plus(Duration.ofMinutes(2)), "InnoDB: Transactions deadlock detected, dumping detailed information. Deadlock found when trying to get lock");
        Hypothesis h = find("mysql-lock-contention");
        assertThat(h.confidence()).isGreaterThan(alone).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(h.evidence()).flatExtracting(Hypothesis.Match::items).extracting(i -> i.ref()).contains("slowlog:ABC123", "log:app.log:1");
    }

    @Test
    void queryRegressionFromGeneratedSlowLogComparisonAndProfile() throws Exception {
        Case c = kernel.cases().create(home.resolve("case-regression"), "regression");
        assertThat(((RcaResult) kernel.commands().executeText("rca", Map.of(), NONE)).hypotheses()).isEmpty();
        try (Connection conn = c.newConnection(); Statement st = conn.createStatement()) {
            st.execute("INSERT INTO slowlog_compare (made_at, label, pos, checksum, fingerprint, status, impact) VALUES "
                    + "(TIMESTAMP '2024-03-01 10:05:00', 'a vs b', 1, 'DEF456', 'select * from t where a = ?', 'NEW', 3.0)");
            st.execute("CREATE TABLE flame_functions (import_id VARCHAR, name VARCHAR, self BIGINT, total BIGINT)");
            st.execute("INSERT INTO flame_functions VALUES ('i', 'row_search_mvcc', 900, 1200), ('i', 'ut_delay', 100, 100)");
        }
        Hypothesis h = find("slow-query-regression");
        assertThat(h.confidence()).isEqualTo(1.0);
        assertThat(h.evidence().get(1).items()).extracting(i -> i.ref()).startsWith("flame:row_search_mvcc");
        List<ReportSection> sections = kernel.reports().build("x", new ReportRequest(c, Instant.now())).sections();
        assertThat(sections).anySatisfy(s -> assertThat(s.subsections()).anyMatch(x -> x.title().contains(h.rule().title())));
    }

    @Test
    void shipsAtLeastTenRulesEachWithATestCaseAndRejectsBadFiles() {
        List<Rule> rules = RuleFile.shipped();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(10);
        List<String> tested = new ArrayList<>(corpusCases().map(a -> (String) a.get()[0]).toList());
        tested.add("slow-query-regression");
        assertThat(tested).containsAll(rules.stream().map(Rule::id).toList());
        assertThatThrownBy(() -> RuleFile.parse("[[rule]]\nid = \"x\"\ntitle = \"t\"\n", "bad.toml"))
                .hasMessageContaining("bad.toml rule 'x'").hasMessageContaining("evidence");
        assertThatThrownBy(() -> RuleFile.parse("[[rule]]\nid = \"x\"\ntitle = \"t\"\n[[rule.evidence]]\nid = \"e\"\npattern = \"(\"\nrequired = true\n",
                "bad.toml")).hasMessageContaining("invalid pattern");
        assertThatThrownBy(() -> RuleFile.parse("[[rule]\n", "bad.toml")).hasMessageContaining("bad.toml line 1");
    }

    Hypothesis find(String id) throws Exception {
        RcaResult r = (RcaResult) kernel.commands().executeText("rca", Map.of(), NONE);
        return r.hypotheses().stream().filter(h -> h.rule().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " did not fire: " + r.text()));
    }
}
