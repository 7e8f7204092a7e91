package dev.triage.plugin.mysqldiag.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.finding.Finding;
import dev.triage.plugin.mysqldiag.infrastructure.MySqlDiagnostics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GTID sets and positions, and the gap, unapplied and errant-transaction findings, on replica outputs this test writes. */
class GtidSetsTest {

    static final String SOURCE = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    static final String REPLICA = "2174b383-5441-11e8-b90a-c80aa9429562";

    @Test
    void setsCountHolesAndDifferences() {
        Map<String, List<long[]>> set = GtidSets.parseMySql(SOURCE.toUpperCase() + ":1-100:106-110:103,\n " + REPLICA + ":1-3, junk, x:0");
        assertThat(set).containsOnlyKeys(SOURCE, REPLICA);
        assertThat(GtidSets.count(set)).isEqualTo(100 + 5 + 1 + 3);
        assertThat(GtidSets.holes(set)).containsExactly(Map.entry(SOURCE, 4L));
        assertThat(GtidSets.missingFrom(GtidSets.parseMySql(SOURCE + ":1-120"), set)).isEqualTo(4 + 10);
        assertThat(GtidSets.missingFrom(set, GtidSets.parseMySql(SOURCE + ":1-120"))).isEqualTo(3);
        assertThat(GtidSets.parseMySql(SOURCE + ":blue:1-5,"  + SOURCE + ":7")).containsOnlyKeys(SOURCE + ":blue", SOURCE);
        assertThat(GtidSets.parseMariaDb("0-1-100, 1-2-7,bad,3-x-1")).containsOnlyKeys(0L, 1L).satisfies(m -> {
            assertThat(m.get(0L)).containsExactly(1, 100);
            assertThat(m.get(1L)).containsExactly(2, 7);
        });
    }

    static List<String> titles(String replicaStatus, String variables) {
        Diagnosis d = new MySqlDiagnostics(null).diagnose(new Capture(MySqlDiagnostics.ID, "t", Instant.EPOCH, List.of(
                new CaptureItem(MySqlDumpKind.REPLICA, "", replicaStatus), new CaptureItem(MySqlDumpKind.VARIABLES, "", variables))),
                Set.of("replication"));
        return d.findings("replication").stream().map(f -> f.severity() + " " + f.title()).toList();
    }

    @Test
    void mySqlGapsUnappliedAndErrantTransactions() {
        String status = "*************************** 1. row ***************************\n Replica_IO_Running: Yes\nReplica_SQL_Running: Yes\n"
                + "Seconds_Behind_Source: 0\n Source_Host: db1\n Source_Port: 3306\n Source_UUID: " + SOURCE + "\n"
                + "Retrieved_Gtid_Set: " + SOURCE + ":1-20000\nExecuted_Gtid_Set: " + SOURCE + ":1-5000:5003-8000,\n" + REPLICA + ":1-2\n";
        assertThat(titles(status, "server_uuid\t" + REPLICA + "\nserver_id\t2\n")).contains(
                "WARNING Replication from db1:3306: 2 transaction(s) missing inside the executed GTID set (GTID gaps)",
                "WARNING Replication from db1:3306: 12002 transaction(s) received but not applied yet",
                "WARNING Replication from db1:3306: the replica executed 2 transaction(s) of its own (errant GTIDs)");
        String clean = status.replace(":1-5000:5003-8000,\n" + REPLICA + ":1-2", ":1-19990");
        assertThat(titles(clean, "server_uuid\t" + REPLICA + "\n")).contains("INFO Replication from db1:3306: 10 transaction(s) received but not applied yet")
                .noneMatch(t -> t.contains("GTID gaps") || t.contains("errant"));
    }

    @Test
    void mariaDbPositionsAndLocalWrites() {
        String status = "*************************** 1. row ***************************\n Slave_IO_Running: Yes\n Slave_SQL_Running: No\n"
                + "Seconds_Behind_Master: NULL\n Master_Host: db1\n Master_Port: 3306\n Gtid_IO_Pos: 0-1-250,1-1-10\n";
        assertThat(titles(status, "gtid_slave_pos\t0-1-200,1-1-10\nserver_id\t2\ngtid_binlog_pos\t0-1-200,2-2-5\n")).contains(
                "INFO Replication from db1:3306: 50 transaction(s) received but not applied yet",
                "WARNING Replication from db1:3306: the replica wrote transactions of its own (server_id 2 in gtid_binlog_pos 2-2-5)");
        assertThat(titles(status, "gtid_slave_pos\t0-1-250,1-1-10\nserver_id\t2\n")).noneMatch(t -> t.contains("not applied") || t.contains("own"));
    }
}
