package dev.triage.plugin.mysqldiag.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.core.diagnostics.CategorizedFinding;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.Severity;
import dev.triage.diag.testing.Corpus;
import dev.triage.plugin.mysqldiag.infrastructure.MySqlDiagnostics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The MariaDB 10.11 captures of status/mysql-captured (scenarios.md) give the findings their conditions must give. */
class MySqlCorpusTest {

    private static final String DIR = "status/mysql-captured";
    private static final MySqlDiagnostics DIAG = new MySqlDiagnostics(null);

    static Diagnosis diagnose(String... files) throws Exception {
        List<CaptureItem> items = new ArrayList<>();
        for (String f : files) {
            String text = Corpus.read(DIR, f);
            String kind = MySqlDumpKind.detect(text).orElseThrow(() -> new AssertionError("not detected: " + f));
            items.add(new CaptureItem(kind, f, text));
        }
        Diagnosis d = DIAG.diagnose(new Capture(MySqlDiagnostics.ID, files[0], Instant.parse("2026-11-23T08:00:00Z"), items), Set.of());
        System.out.println("== " + Arrays.toString(files) + " " + items.stream().map(CaptureItem::kind).toList() + "\n"
                + d.findings().stream().map(f -> "  " + f.finding().severity() + " [" + f.category() + "] " + f.finding().title())
                .collect(Collectors.joining("\n")));
        return d;
    }

    static List<String> titles(Diagnosis d, String category, Severity atLeast) {
        return d.findings().stream().filter(f -> f.category().equals(category) && f.finding().severity().isAtLeast(atLeast))
                .map(CategorizedFinding::finding).map(Finding::title).toList();
    }

    @Test
    void detectsEveryForm() throws Exception {
        assertThat(MySqlDumpKind.detect(Corpus.read(DIR, "baseline-show-global-status.table.txt"))).contains(MySqlDumpKind.STATUS);
        assertThat(MySqlDumpKind.detect(Corpus.read(DIR, "baseline-show-global-status.tsv.txt"))).contains(MySqlDumpKind.STATUS);
        assertThat(MySqlDumpKind.detect(Corpus.read(DIR, "baseline-show-global-variables.tsv.txt"))).contains(MySqlDumpKind.VARIABLES);
        assertThat(MySqlDumpKind.detect(Corpus.read(DIR, "baseline-show-global-variables.table.txt"))).contains(MySqlDumpKind.VARIABLES);
        assertThat(MySqlDumpKind.detect(Corpus.read(DIR, "baseline-show-full-processlist.tsv.txt"))).contains(MySqlDumpKind.PROCESSLIST);
        assertThat(MySqlDumpKind.detect(Corpus.read(DIR, "baseline-show-full-processlist.vertical.txt"))).contains(MySqlDumpKind.PROCESSLIST);
        assertThat(MySqlDumpKind.detect(Corpus.read(DIR, "deadlock-orders-show-engine-innodb-status.table.txt"))).contains(MySqlDumpKind.INNODB);
        assertThat(MySqlDumpKind.detect(Corpus.read(DIR, "lockwait-show-status-like-row-lock.tsv.txt"))).contains(MySqlDumpKind.STATUS);
        assertThat(MySqlDumpKind.detect(Corpus.read(DIR, "conn-full-variables-max-connections.tsv.txt"))).contains(MySqlDumpKind.VARIABLES);
        assertThat(MySqlDumpKind.detect(Corpus.read(DIR, "replication-healthy-show-slave-status.vertical.txt"))).contains(MySqlDumpKind.REPLICA);
        assertThat(ResultTable.nameValues(Corpus.read(DIR, "baseline-show-global-status.table.txt")))
                .containsEntry("Uptime", "109").containsEntry("Com_update", "574")
                .hasSameSizeAs(ResultTable.nameValues(Corpus.read(DIR, "baseline-show-global-status.tsv.txt")));
    }

    @Test
    void deadlockIsParsedWithBothTransactionsAndLocks() throws Exception {
        for (String f : List.of("deadlock-orders-show-engine-innodb-status.vertical.txt", "deadlock-orders-show-engine-innodb-status.table.txt")) {
            InnodbStatus st = InnodbStatus.parse(Corpus.read(DIR, f));
            assertThat(st.deadlock()).hasSize(2);
            assertThat(st.deadlock().get(0).thread()).isEqualTo("38");
            assertThat(st.deadlock().get(0).statement()).isEqualTo("UPDATE orders SET amount=amount+1 WHERE id=100");
            assertThat(st.deadlock().get(0).waitingFor()).contains("`shop`.`orders`").contains("trx id 2056").contains("waiting");
            assertThat(st.deadlock().get(0).holds()).contains("trx id 2055");
            assertThat(st.deadlock().get(1).statement()).isEqualTo("UPDATE orders SET status='paid' WHERE id=200");
            assertThat(st.rolledBack()).isEqualTo("(1)");
            assertThat(st.historyListLength()).isBetween(0.0, 1.0);
            assertThat(st.bufferPoolSize()).isEqualTo(16224);
            assertThat(st.hitRate()).isEqualTo(1000);
        }
        Diagnosis d = diagnose("deadlock-orders-show-engine-innodb-status.vertical.txt", "deadlock-orders-show-global-status-like-deadlocks.tsv.txt");
        assertThat(titles(d, "innodb", Severity.WARNING)).anyMatch(t -> t.startsWith("Deadlock between 2 transactions on `shop`.`orders`")
                && t.endsWith("(1)")).anyMatch(t -> t.startsWith("2 deadlocks"));
    }

    @Test
    void lockWaitsAreListed() throws Exception {
        Diagnosis d = diagnose("lockwait-show-engine-innodb-status.vertical.txt", "lockwait-show-status-like-row-lock.tsv.txt",
                "lockwait-show-full-processlist.tsv.txt");
        assertThat(titles(d, "innodb", Severity.WARNING)).anyMatch(t -> t.contains("thread 44") && t.contains("row lock"))
                .anyMatch(t -> t.contains("thread 45")).anyMatch(t -> t.startsWith("2 statements are waiting for row locks"));
    }

    @Test
    void tooManyConnections() throws Exception {
        Diagnosis d = diagnose("conn-full-status-like-conn.tsv.txt", "conn-full-variables-max-connections.tsv.txt",
                "conn-full-status-aborted-threads.tsv.txt", "conn-full-show-processlist.tsv.txt");
        assertThat(titles(d, "connections", Severity.CRITICAL)).anyMatch(t -> t.startsWith("Connections peaked at 21 of 20"))
                .anyMatch(t -> t.startsWith("Connections in use are 105.0 %"));
        assertThat(titles(d, "connections", Severity.WARNING)).anyMatch(t -> t.startsWith("13 connection attempts failed"));
        assertThat(titles(d, "connections", Severity.INFO)).anyMatch(t -> t.contains("threads in the processlist"));
    }

    @Test
    void brokenReplication() throws Exception {
        assertThat(diagnose("replication-healthy-show-slave-status.vertical.txt").worst("replication")).contains(Severity.OK);
        assertThat(diagnose("replication-healthy-show-slave-status.table.txt").worst("replication")).contains(Severity.OK);
        assertThat(titles(diagnose("replication-broken-missing-table-show-slave-status.vertical.txt"), "replication", Severity.CRITICAL))
                .containsExactly("Replication from 127.0.0.1:13306: the SQL thread stopped with error 1146");
        assertThat(titles(diagnose("replication-broken-missing-table-show-replica-status.vertical.txt"), "replication", Severity.CRITICAL))
                .hasSize(1);
        assertThat(titles(diagnose("replication-primary-down-show-slave-status.vertical.txt"), "replication", Severity.CRITICAL))
                .anyMatch(t -> t.contains("IO thread is connecting with error 2003")).anyMatch(t -> t.contains("SQL thread stopped"));
    }

    @Test
    void baselineWorkloadAndConfig() throws Exception {
        Diagnosis d = diagnose("baseline-show-global-status.tsv.txt", "baseline-show-global-variables.tsv.txt",
                "baseline-show-full-processlist.table.txt", "baseline-show-engine-innodb-status.vertical.txt");
        assertThat(titles(d, "performance", Severity.WARNING)).anyMatch(t -> t.contains("of SELECTs scan a whole table"));
        assertThat(d.worst("connections")).isPresent();
        assertThat(d.findings("connections")).noneMatch(f -> f.severity().isAtLeast(Severity.CRITICAL));
        assertThat(d.findings("innodb")).noneMatch(f -> f.title().startsWith("Deadlock"));
    }
}
