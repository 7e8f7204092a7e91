package dev.triage.plugin.mysqldiag.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.diagnostics.CategorizedFinding;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.Severity;
import dev.triage.core.kernel.Kernel;
import dev.triage.diag.infrastructure.DiagnosisResult;
import dev.triage.diag.infrastructure.LiveArgs;
import dev.triage.testkit.MariaDbProcess;
import dev.triage.plugin.mysqldiag.domain.MySqlDetails;
import dev.triage.plugin.mysqldiag.domain.MySqlDumpKind;
import dev.triage.testkit.TestKernels;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real MariaDB: a deadlock made by two connections, connections near max_connections, and the diag.mysql command. */
class LiveMySqlTest {

    static MariaDbProcess db;
    static final MySqlDiagnostics DIAG = new MySqlDiagnostics(null);

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws Exception {
        db = MariaDbProcess.start();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE shop");
            s.execute("CREATE TABLE shop.accounts (id INT PRIMARY KEY, balance INT) ENGINE=InnoDB");
            s.execute("INSERT INTO shop.accounts VALUES (1, 100), (2, 200)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    static ConnectionTarget target() {
        return new ConnectionTarget("maria", "maria", ConnectionKind.MARIADB, "127.0.0.1", db.port(), "root", Map.of());
    }

    static List<String> titles(Diagnosis d, String category, Severity atLeast) {
        return d.findings().stream().filter(f -> f.category().equals(category) && f.finding().severity().isAtLeast(atLeast))
                .map(CategorizedFinding::finding).map(Finding::title).toList();
    }

    static void await(Connection c, String sql) throws Exception {
        Instant end = Instant.now().plusSeconds(20);
        while (true) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                if (rs.next() && rs.getLong(1) > 0) {
                    return;
                }
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Timed out waiting for: " + sql);
            }
            Thread.sleep(50);
        }
    }

    /** Makes a real deadlock between two connections updating the same two rows in opposite orders. */
    static void deadlock() throws Exception {
        try (Connection a = db.connect(); Connection b = db.connect(); Connection watch = db.connect()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            a.createStatement().executeUpdate("UPDATE shop.accounts SET balance = balance - 10 WHERE id = 1");
            b.createStatement().executeUpdate("UPDATE shop.accounts SET balance = balance - 20 WHERE id = 2");
            java.util.concurrent.FutureTask<Void> first = new java.util.concurrent.FutureTask<>(() -> {
                a.createStatement().executeUpdate("UPDATE shop.accounts SET balance = balance + 10 WHERE id = 2");
                return null;
            });
            Thread waiter = new Thread(first, "deadlock-a");
            waiter.start();
            await(watch, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'UPDATE shop.accounts SET balance = balance + 10%'");
            List<Throwable> errors = new ArrayList<>();
            try {
                b.createStatement().executeUpdate("UPDATE shop.accounts SET balance = balance + 20 WHERE id = 1");
            } catch (SQLException e) {
                errors.add(e);
            }
            try {
                first.get();
            } catch (java.util.concurrent.ExecutionException e) {
                errors.add(e.getCause());
            }
            assertThat(errors).singleElement().asString().contains("Deadlock");
            a.rollback();
            b.rollback();
        }
    }

    @Test
    void aRealDeadlockIsParsedWithBothTransactions() throws Exception {
        deadlock();
        Diagnosis d = DIAG.diagnose(DIAG.capture(target(), null), Set.of("innodb"));
        assertThat(d.capture().item(MySqlDumpKind.INNODB)).isPresent();
        assertThat(titles(d, "innodb", Severity.WARNING)).anyMatch(t -> t.startsWith("Deadlock between 2 transactions on `shop`.`accounts`"))
                .anyMatch(t -> t.matches("[12] deadlocks since the server started"));
        Finding deadlock = d.findings("innodb").stream().filter(f -> f.title().startsWith("Deadlock")).findFirst().orElseThrow();
        assertThat(deadlock.evidence()).anyMatch(e -> e.value().contains("UPDATE shop.accounts SET balance = balance + 10 WHERE id = 2"))
                .anyMatch(e -> e.value().contains("UPDATE shop.accounts SET balance = balance + 20 WHERE id = 1"));
    }

    @Test
    void connectionsNearMaxConnectionsAndTheCommandStoresNothingWithoutACase() throws Exception {
        List<Connection> held = new ArrayList<>();
        try (Connection admin = db.connect(); Statement s = admin.createStatement()) {
            s.execute("SET GLOBAL max_connections = 12");
            try {
                for (int i = 0; i < 10; i++) {
                    held.add(db.connect());
                }
                try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
                    kernel.connections().save(target(), null);
                    DiagnosisResult r = (DiagnosisResult) kernel.commands().execute("diag.mysql", new LiveArgs("maria", "connections,config"), null);
                    assertThat(r.findings()).extracting(DiagnosisResult.Row::category).containsOnly("connections", "config");
                    assertThat(r.findings()).extracting(DiagnosisResult.Row::title).anyMatch(t -> t.startsWith("Connections in use are"))
                            .anyMatch(t -> t.contains("threads in the processlist"));
                    assertThat(r.kinds()).contains(MySqlDumpKind.STATUS, MySqlDumpKind.VARIABLES, MySqlDumpKind.PROCESSLIST);
                }
            } finally {
                for (Connection c : held) {
                    c.close();
                }
                s.execute("SET GLOBAL max_connections = 151");
            }
        }
    }

    @Test
    void performanceSchemaDigestsAreCaptured() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (int i = 0; i < 20; i++) {
                s.executeQuery("SELECT * FROM shop.accounts WHERE balance > " + i).close();
            }
        }
        Diagnosis d = DIAG.diagnose(DIAG.capture(target(), null), Set.of("performance"));
        assertThat(d.capture().item(MySqlDumpKind.DIGESTS)).isPresent();
        assertThat(titles(d, "performance", Severity.INFO)).anyMatch(t -> t.startsWith("Top statement:"));
    }

    @Test
    void theViewShowsProcesslistDeadlockAndChartsOfALiveServer() throws Exception {
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            kernel.connections().save(target(), null);
            kernel.cases().create(home.resolve("case"), "mysql view");
            deadlock();
            try (Connection slow = db.connect(); dev.triage.diag.testing.ViewHarness h = dev.triage.diag.testing.ViewHarness.open(kernel,
                    dev.triage.plugin.mysqldiag.MySqlDiagnosticsPlugin.VIEW_ID)) {
                long slowId;
                try (Statement s = slow.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
                    rs.next();
                    slowId = rs.getLong(1);
                }
                java.util.concurrent.CompletableFuture<Void> sleeping = java.util.concurrent.CompletableFuture.runAsync(() -> {
                    try (Statement s = slow.createStatement()) {
                        s.executeQuery("SELECT SLEEP(60) AS report_query").close();
                    } catch (SQLException e) {
                        // KILL QUERY at the end of the test interrupts it
                    }
                });
                h.await(() -> h.view().select("maria"));
                List<Connection> extra = new ArrayList<>();
                try {
                    for (int round = 0; round < 4; round++) {
                        extra.add(db.connect());
                        try (Statement s = extra.get(0).createStatement()) {
                            for (int i = 0; i < 50 * (round + 1); i++) {
                                s.executeQuery("SELECT balance FROM shop.accounts WHERE id = 1").close();
                            }
                        }
                        h.await(h.view()::sampleOnce);
                    }
                    await(extra.get(0), "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP(60)%'");
                    h.await(h.view()::captureSelected);
                } finally {
                    for (Connection c : extra) {
                        c.close();
                    }
                }
                assertThat(h.read(h.view()::chartedSamples)).containsOnlyKeys("threads_connected", "threads_running", "queries_per_second")
                        .allSatisfy((k, v) -> assertThat(v).isGreaterThanOrEqualTo(4));
                assertThat(h.root().lookupAll(".mini-chart")).hasSize(3);
                java.util.Map<String, List<List<String>>> tables = h.tables();
                assertThat(tables).containsKeys(MySqlDetails.PROCESSLIST, MySqlDetails.DEADLOCK, MySqlDetails.DIGESTS);
                assertThat(tables.get(MySqlDetails.PROCESSLIST)).anyMatch(r -> r.get(7).startsWith("SELECT SLEEP(60)"));
                assertThat(tables.get(MySqlDetails.DEADLOCK)).hasSize(2).anyMatch(r -> r.get(7).equals("yes"))
                        .anyMatch(r -> r.get(3).contains("UPDATE shop.accounts SET balance = balance + 10 WHERE id = 2"));
                assertThat(h.read(h.view()::shownFindings)).anyMatch(f -> f.finding().title().startsWith("Deadlock between 2 transactions"));
                assertThat(h.screenshots("mysql-diagnostics-view")).allSatisfy(p -> assertThat(p).isNotEmptyFile());
                try (Connection admin = db.connect(); Statement s = admin.createStatement()) {
                    s.execute("KILL QUERY " + slowId);
                }
                sleeping.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }
}
