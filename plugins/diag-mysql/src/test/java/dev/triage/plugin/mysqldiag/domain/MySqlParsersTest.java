package dev.triage.plugin.mysqldiag.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.finding.Severity;
import dev.triage.plugin.mysqldiag.infrastructure.MySqlDiagnostics;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parsers and rules on dumps this test writes itself. */
class MySqlParsersTest {

    /** A SHOW ENGINE INNODB STATUS with a deadlock of two transactions (shared with MySqlDetailsTest). */
    static final String DEADLOCK = "=====================================\n2026-01-01 00:00:00 0x1 INNODB MONITOR OUTPUT\n=====================================\n"
            + "------------------------\nLATEST DETECTED DEADLOCK\n------------------------\n2026-01-01 00:00:00 0x7f\n*** (1) TRANSACTION:\n"
            + "TRANSACTION 10, ACTIVE 1 sec starting index read\nMySQL thread id 5, OS thread handle 1, query id 9 localhost app updating\n"
            + "UPDATE t SET a=1 WHERE id=1\n*** (1) WAITING FOR THIS LOCK TO BE GRANTED:\n"
            + "RECORD LOCKS space id 2 page no 4 n bits 72 index PRIMARY of table `db`.`t` trx id 10 lock_mode X locks rec but not gap waiting\n"
            + "*** (2) TRANSACTION:\nTRANSACTION 11, ACTIVE 1 sec starting index read\nMySQL thread id 6, OS thread handle 2, query id 10 localhost app updating\n"
            + "UPDATE t SET a=2 WHERE id=2\n*** (2) HOLDS THE LOCK(S):\n"
            + "RECORD LOCKS space id 2 page no 4 n bits 72 index PRIMARY of table `db`.`t` trx id 11 lock_mode X locks rec but not gap\n"
            + "*** WE ROLL BACK TRANSACTION (2)\n------------\nTRANSACTIONS\n------------\nHistory list length 250000\n";

    @Test
    void tableVerticalAndTabFormsGiveTheSameRows() {
        String table = "+---------------+-------+\n| Variable_name | Value |\n+---------------+-------+\n| Threads_connected | 95 |\n"
                + "| Max_used_connections | 100 |\n+---------------+-------+\n";
        String tsv = "Threads_connected\t95\nMax_used_connections\t100\n";
        String vertical = "*************************** 1. row ***************************\nVariable_name: Threads_connected\n        Value: 95\n"
                + "*************************** 2. row ***************************\nVariable_name: Max_used_connections\n        Value: 100\n";
        assertThat(ResultTable.nameValues(table)).isEqualTo(ResultTable.nameValues(tsv)).isEqualTo(ResultTable.nameValues(vertical))
                .containsEntry("Threads_connected", "95");
        assertThat(MySqlDumpKind.detect(tsv)).contains(MySqlDumpKind.STATUS);
        assertThat(MySqlDumpKind.detect("max_connections\t100\nwait_timeout\t28800\n")).contains(MySqlDumpKind.VARIABLES);
        Diagnosis d = new MySqlDiagnostics(null).diagnose(new Capture(MySqlDiagnostics.ID, "t", Instant.EPOCH, List.of(
                new CaptureItem(MySqlDumpKind.STATUS, "", tsv), new CaptureItem(MySqlDumpKind.VARIABLES, "", "max_connections\t100\n"))), Set.of());
        assertThat(d.findings("connections")).extracting(f -> f.severity() + " " + f.title())
                .contains("CRITICAL Connections in use are 95.0 % of max_connections");
    }

    @Test
    void innodbDeadlockAndReplicaStatus() {
        String innodb = DEADLOCK;
        InnodbStatus st = InnodbStatus.parse(innodb);
        assertThat(st.deadlock()).extracting(InnodbStatus.Transaction::thread).containsExactly("5", "6");
        assertThat(st.deadlock().get(1).holds()).contains("trx id 11");
        assertThat(st.rolledBack()).isEqualTo("(2)");
        assertThat(st.historyListLength()).isEqualTo(250000);
        String replica = "*************************** 1. row ***************************\n  Slave_IO_Running: Yes\n Slave_SQL_Running: Yes\n"
                + "Seconds_Behind_Master: 400\n       Master_Host: db1\n       Master_Port: 3306\n";
        Diagnosis d = new MySqlDiagnostics(null).diagnose(new Capture(MySqlDiagnostics.ID, "t", Instant.EPOCH, List.of(
                new CaptureItem(MySqlDumpKind.INNODB, "", innodb), new CaptureItem(MySqlDumpKind.REPLICA, "", replica))), Set.of());
        assertThat(d.findings("innodb")).extracting(f -> f.title()).anyMatch(t -> t.startsWith("Deadlock between 2 transactions on `db`.`t`"))
                .contains("History list length is 250000: purge is behind");
        assertThat(d.findings("replication")).extracting(f -> f.severity() + " " + f.title())
                .containsExactly("CRITICAL Replication from db1:3306 is 400 s behind the source");
        assertThat(d.worst("innodb")).contains(Severity.WARNING);
    }
}
