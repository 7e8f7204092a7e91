package dev.triage.plugin.sql.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.core.cases.Case;
import dev.triage.core.kernel.Kernel;
import dev.triage.plugin.ddl.api.DdlCheckResult;
import dev.triage.plugin.ddl.api.DdlChecker;
import dev.triage.plugin.ddl.api.DdlReason;
import dev.triage.plugin.ddl.api.DdlStatementCheck;
import dev.triage.plugin.ddl.api.DdlVerdict;
import dev.triage.plugin.sql.MariaDb;
import dev.triage.plugin.sql.application.AuditEntry;
import dev.triage.plugin.sql.application.Confirmation;
import dev.triage.plugin.sql.application.ConfirmationRequest;
import dev.triage.plugin.sql.application.ExportFormat;
import dev.triage.plugin.sql.application.ResultCursor;
import dev.triage.plugin.sql.application.ResultExporter;
import dev.triage.plugin.sql.application.SqlCommands;
import dev.triage.plugin.sql.application.SqlEditorService;
import dev.triage.plugin.sql.application.SqlJournal;
import dev.triage.plugin.sql.application.StatementRefusedException;
import dev.triage.plugin.sql.application.StatementResult;
import dev.triage.plugin.sql.domain.PlanFlag;
import dev.triage.plugin.sql.domain.PlanNode;
import dev.triage.plugin.sql.domain.SqlStatement;
import dev.triage.plugin.sql.domain.StatementSplitter;
import dev.triage.testkit.TestKernels;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The editor's application layer against a real MariaDB and a real case. */
@ExtendWith(MariaDb.class)
class SqlSessionTest {

    @TempDir
    static Path home;

    static Kernel kernel;
    static Case kase;

    private final List<DdlChecker> checkers = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins();
        kase = kernel.cases().create(home.resolve("case"), "sql");
        try (Connection c = MariaDb.get().root(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS triage.items (id INT PRIMARY KEY, name VARCHAR(40), price DECIMAL(8,2), note TEXT, "
                    + "seen DATETIME, data VARBINARY(8)) DEFAULT CHARSET=utf8mb4");
            s.execute("DELETE FROM triage.items");
            s.execute("INSERT INTO triage.items VALUES (1, 'plain', 1.50, NULL, '2024-03-01 10:00:00', X'00FF'), "
                    + "(2, 'comma, \"quote\"', -2.00, 'line1\\nline2 | pipe', NULL, NULL), (3, '中文 ''apos''', 0, 'back\\\\slash', "
                    + "'2024-03-02 11:30:00', X'41')");
        }
    }

    @AfterAll
    static void tearDown() {
        kernel.close();
    }

    private SqlEditorService editor() {
        return new SqlEditorService(() -> checkers.stream().findFirst(), () -> Optional.of(new DuckDbSqlJournal(kase)), Clock.systemUTC());
    }

    private static JdbcSqlSession open(boolean production) throws Exception {
        return SqlConnector.open(MariaDb.get().target(production ? "prod" : "dev", production), MariaDb.PASSWORD.toCharArray());
    }

    private static List<Object[]> all(ResultCursor c) throws Exception {
        List<Object[]> out = new ArrayList<>();
        while (!c.exhausted()) {
            out.addAll(c.next(1000));
        }
        return out;
    }

    @Test
    void runsEachStatementOfAScriptWithItsOwnResultAndKeepsSeveralCursorsOpen() throws Exception {
        try (JdbcSqlSession s = open(false)) {
            String script = "SELECT id FROM items ORDER BY id; -- first\nSELECT name FROM items WHERE id = 2;\nUPDATE items SET price = price WHERE id > 0";
            List<StatementResult> results = new ArrayList<>();
            for (SqlStatement st : StatementSplitter.split(script)) {
                results.add(editor().run(s, st.text(), 2, Confirmation.REFUSE));
            }
            ResultCursor first = results.get(0).cursors().get(0);
            ResultCursor second = results.get(1).cursors().get(0);
            // the first result is read page by page while the second is open too (server-side cursors)
            assertThat(first.next(2)).extracting(r -> ((Number) r[0]).intValue()).containsExactly(1, 2);
            assertThat(second.next(10)).extracting(r -> r[0]).containsExactly("comma, \"quote\"");
            assertThat(first.next(2)).extracting(r -> ((Number) r[0]).intValue()).containsExactly(3);
            assertThat(first.exhausted()).isTrue();
            assertThat(first.columns()).extracting(c -> c.name()).containsExactly("id");
            assertThat(results.get(2).cursors()).isEmpty();
            assertThat(results.get(2).updateCount()).as("Connector/J counts matched rows").isEqualTo(3);
            results.forEach(r -> r.cursors().forEach(ResultCursor::close));
        }
    }

    @Test
    void readsAMillionRowResultInPagesWithTheFirstPageFast() throws Exception {
        try (JdbcSqlSession s = open(false)) {
            long t0 = System.nanoTime();
            StatementResult r = editor().run(s, "SELECT seq, CONCAT('row-', seq) AS label FROM seq_1_to_1000000", 500, Confirmation.REFUSE);
            ResultCursor c = r.cursors().get(0);
            List<Object[]> page = c.next(500);
            long firstPageMillis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(page).hasSize(500);
            assertThat(page.get(499)[1]).isEqualTo("row-500");
            assertThat(firstPageMillis).as("first page of 1 M rows in ms").isLessThan(5_000);
            long n = 500;
            while (!c.exhausted()) {
                n += c.next(10_000).size();
            }
            assertThat(n).isEqualTo(1_000_000);
            c.close();
        }
    }

    @Test
    void aStreamedMillionRowResultGivesItsFirstPageAtOnceAndTheNextStatementStopsIt() throws Exception {
        try (JdbcSqlSession s = open(false)) {
            long t0 = System.nanoTime();
            StatementResult r = editor().run(s, "SELECT seq, CONCAT('row-', seq) AS label FROM seq_1_to_1000000", 500, Confirmation.REFUSE,
                    true);
            List<Object[]> page = r.cursors().get(0).next(500);
            long firstPage = (System.nanoTime() - t0) / 1_000_000;
            assertThat(page).hasSize(500);
            assertThat(firstPage).as("first page in ms").isLessThan(2_000);
            long t1 = System.nanoTime();
            assertThat(s.rows("SELECT 2 AS two")).extracting(m -> m.get("two")).containsExactly("2");
            assertThat((System.nanoTime() - t1) / 1_000_000).as("the stream stops without reading the rest").isLessThan(3_000);
            assertThat(s.rows("SELECT 3 AS three")).extracting(m -> m.get("three")).containsExactly("3");
        }
    }

    @Test
    void aQueryInAScriptStreamsOnAReaderConnectionUnlessSessionStateCouldDiffer() throws Exception {
        try (JdbcSqlSession s = open(false); Connection check = MariaDb.get().root(); Statement cs = check.createStatement()) {
            cs.execute("CREATE DATABASE IF NOT EXISTS triage_other");
            cs.execute("CREATE TABLE IF NOT EXISTS triage_other.only_here (v VARCHAR(10))");
            cs.execute("DELETE FROM triage_other.only_here");
            cs.execute("INSERT INTO triage_other.only_here VALUES ('other')");
            long t0 = System.nanoTime();
            // not streamed: a statement of a script, so the result must stay readable while the next ones run
            StatementResult big = editor().run(s, "SELECT seq FROM seq_1_to_1000000", 500, Confirmation.REFUSE, false);
            ResultCursor bigRows = big.cursors().get(0);
            List<Object[]> page = bigRows.next(500);
            long firstPage = (System.nanoTime() - t0) / 1_000_000;
            assertThat(page).hasSize(500);
            assertThat(firstPage).as("first page of 1 M rows inside a script, ms (a server-side cursor takes 3 s)").isLessThan(2_000);
            assertThat(s.readerCount()).isEqualTo(1);
            // USE carries over to the next reader
            editor().run(s, "USE triage_other", 10, Confirmation.REFUSE, false);
            StatementResult other = editor().run(s, "SELECT v FROM only_here", 10, Confirmation.REFUSE, false);
            assertThat(all(other.cursors().get(0))).extracting(r -> r[0]).containsExactly("other");
            assertThat(s.readerCount()).isEqualTo(2);
            // the first result still pages after later statements ran
            assertThat(((Number) bigRows.next(1).get(0)[0]).longValue()).isEqualTo(501);
            long t1 = System.nanoTime();
            bigRows.close();
            assertThat((System.nanoTime() - t1) / 1_000_000).as("closing 999,499 unread rows, ms").isLessThan(3_000);
            other.cursors().get(0).close();
            assertThat(s.readerCount()).as("readers are released with their results").isZero();
            // a user variable lives in the session: from here on queries run on the session itself
            editor().run(s, "SET @x = 7", 10, Confirmation.REFUSE, false);
            StatementResult x = editor().run(s, "SELECT @x + 1 AS y", 10, Confirmation.REFUSE, false);
            assertThat(((Number) all(x.cursors().get(0)).get(0)[0]).intValue()).isEqualTo(8);
            StatementResult plain = editor().run(s, "SELECT v FROM only_here", 10, Confirmation.REFUSE, false);
            assertThat(all(plain.cursors().get(0))).extracting(r -> r[0]).containsExactly("other");
            assertThat(s.readerCount()).isZero();
        }
        assertThat(JdbcSqlSession.touchesSessionState("/* c */ set names utf8mb4")).isTrue();
        assertThat(JdbcSqlSession.touchesSessionState("CREATE  TEMPORARY TABLE t (a INT)")).isTrue();
        assertThat(JdbcSqlSession.touchesSessionState("SELECT * FROM orders WHERE id = 1")).isFalse();
    }

    @Test
    void cancelsASleepingQueryWithinTwoSeconds() throws Exception {
        try (JdbcSqlSession s = open(false)) {
            CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> {
                try {
                    StatementResult r = editor().run(s, "SELECT SLEEP(30)", 10, Confirmation.REFUSE);
                    return all(r.cursors().get(0)).get(0)[0];
                } catch (Exception e) {
                    return e;
                }
            });
            // wait until the server runs it
            try (Connection c = MariaDb.get().root(); Statement st = c.createStatement()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                boolean seen = false;
                while (!seen && System.nanoTime() < deadline) {
                    try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.processlist WHERE info = 'SELECT SLEEP(30)'")) {
                        rs.next();
                        seen = rs.getInt(1) > 0;
                    }
                }
                assertThat(seen).isTrue();
            }
            long t0 = System.nanoTime();
            s.cancel();
            Object outcome = run.get(2, TimeUnit.SECONDS);
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2_000);
            // MariaDB answers an interrupted SLEEP with 1 or an "interrupted" error; either way it did not wait 30 s
            assertThat(outcome).satisfiesAnyOf(o -> assertThat(o).isInstanceOf(Exception.class),
                    o -> assertThat(((Number) o).intValue()).isEqualTo(1));
            assertThat(s.rows("SELECT 1 AS one")).extracting(m -> m.get("one")).containsExactly("1");
        }
    }

    @Test
    void manualTransactionsCommitAndRollBack() throws Exception {
        try (JdbcSqlSession s = open(false); Connection check = MariaDb.get().root(); Statement cs = check.createStatement()) {
            cs.execute("CREATE TABLE IF NOT EXISTS tx (a INT) ENGINE=InnoDB");
            cs.execute("DELETE FROM tx");
            s.autoCommit(false);
            assertThat(s.autoCommit()).isFalse();
            editor().run(s, "INSERT INTO tx VALUES (1)", 10, Confirmation.REFUSE);
            assertThat(count(cs, "tx")).isZero();
            s.rollback();
            assertThat(s.rows("SELECT COUNT(*) AS n FROM tx").get(0).get("n")).isEqualTo("0");
            editor().run(s, "INSERT INTO tx VALUES (2)", 10, Confirmation.REFUSE);
            s.commit();
            assertThat(count(cs, "tx")).isEqualTo(1);
            s.autoCommit(true);
            editor().run(s, "INSERT INTO tx VALUES (3)", 10, Confirmation.REFUSE);
            assertThat(count(cs, "tx")).isEqualTo(2);
        }
    }

    private static int count(Statement st, String table) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void exportsTheFullResultAsCsvJsonMarkdownAndInsertsThatReloadIdentically() throws Exception {
        try (JdbcSqlSession s = open(false); Connection check = MariaDb.get().root(); Statement cs = check.createStatement()) {
            String q = "SELECT id, name, price, note, seen, data FROM items ORDER BY id";
            String csv = export(s, q, ExportFormat.CSV);
            assertThat(csv).startsWith("id,name,price,note,seen,data\r\n1,plain,1.50,,2024-03-01 10:00:00,AP8=\r\n")
                    .contains("2,\"comma, \"\"quote\"\"\",-2.00,\"line1\nline2 | pipe\",,\r\n");
            JsonNode json = new ObjectMapper().readTree(export(s, q, ExportFormat.JSON));
            assertThat(json).hasSize(3);
            assertThat(json.get(1).get("name").asText()).isEqualTo("comma, \"quote\"");
            assertThat(json.get(0).get("note").isNull()).isTrue();
            assertThat(json.get(2).get("id").asInt()).isEqualTo(3);
            String md = export(s, q, ExportFormat.MARKDOWN);
            assertThat(md.lines().toList()).hasSize(5);
            assertThat(md).contains("| id | name | price | note | seen | data |\n| ---: | --- | ---: |")
                    .contains("line1<br>line2 \\| pipe");
            String inserts = export(s, q, ExportFormat.INSERT).replace("`exported`", "`items_copy`");
            cs.execute("DROP TABLE IF EXISTS items_copy");
            cs.execute("CREATE TABLE items_copy LIKE items");
            for (String line : inserts.split(";\n")) {
                cs.execute(line);
            }
            try (ResultSet rs = cs.executeQuery("SELECT COUNT(*) FROM (SELECT * FROM items UNION SELECT * FROM items_copy) u")) {
                rs.next();
                assertThat(rs.getInt(1)).as("reloaded rows equal the originals").isEqualTo(3);
            }
        }
    }

    private static String export(JdbcSqlSession s, String q, ExportFormat f) throws Exception {
        StringWriter w = new StringWriter();
        try (ResultCursor c = s.stream(q)) {
            assertThat(ResultExporter.export(c, f, "exported", w, () -> false)).isEqualTo(3);
        }
        return w.toString();
    }

    @Test
    void productionTargetsAreReadOnlyAndWritesNeedAConfirmationThatIsAudited() throws Exception {
        try (JdbcSqlSession s = open(true)) {
            assertThat(s.readOnly()).isTrue();
            // the driver's read-only session refuses a write even past the classifier
            assertThatThrownBy(() -> s.execute("INSERT INTO items VALUES (9, 'x', 0, NULL, NULL, NULL)", 10))
                    .hasMessageContaining("read-only");
            assertThatThrownBy(() -> editor().run(s, "DELETE FROM items WHERE id = 1", 10, Confirmation.REFUSE))
                    .isInstanceOf(StatementRefusedException.class).hasMessageContaining("read-only");
            AtomicReference<ConfirmationRequest> asked = new AtomicReference<>();
            StatementResult ok = editor().run(s, "UPDATE items SET price = price WHERE id = 1", 10, r -> {
                asked.set(r);
                return true;
            });
            assertThat(ok.updateCount()).isEqualTo(1);
            assertThat(asked.get().statement()).isEqualTo("UPDATE items SET price = price WHERE id = 1");
            assertThat(s.readOnly()).as("read-only again after the confirmed write").isTrue();
            assertThat(editor().run(s, "SELECT 1", 10, Confirmation.REFUSE).cursors()).hasSize(1);
        }
        SqlJournal journal = new DuckDbSqlJournal(kase);
        List<AuditEntry> audit = journal.audits(50);
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.target()).isEqualTo("prod");
            assertThat(e.statement()).isEqualTo("DELETE FROM items WHERE id = 1");
            assertThat(e.outcome()).startsWith("REFUSED");
        });
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.statement()).startsWith("UPDATE items");
            assertThat(e.outcome()).isEqualTo("OK");
            assertThat(e.rows()).isEqualTo(1);
        });
        assertThat(audit).allSatisfy(e -> assertThat(e.toString()).doesNotContain(MariaDb.PASSWORD));
        assertThat(journal.history("prod", "update", 10)).containsExactly("UPDATE items SET price = price WHERE id = 1");
    }

    @Test
    void alterAndDropAskTheDdlCheckerOrSayItIsMissingAndAlwaysNeedConfirmation() throws Exception {
        try (JdbcSqlSession s = open(false); Connection check = MariaDb.get().root(); Statement cs = check.createStatement()) {
            cs.execute("CREATE TABLE IF NOT EXISTS ddl_t (a INT)");
            AtomicReference<ConfirmationRequest> asked = new AtomicReference<>();
            assertThatThrownBy(() -> editor().run(s, "ALTER TABLE ddl_t MODIFY a TINYINT", 10, r -> {
                asked.set(r);
                return false;
            })).isInstanceOf(StatementRefusedException.class);
            assertThat(asked.get().ddlVerdict()).isEqualTo(SqlEditorService.NO_CHECKER);

            checkers.add(request -> new DdlCheckResult(List.of(new DdlStatementCheck(1, request.sql(), DdlVerdict.LOSSY,
                    List.of(new DdlReason(DdlVerdict.LOSSY, "ddl_t", "a", "INT to TINYINT narrows the range")))), List.of()));
            editor().run(s, "ALTER TABLE ddl_t MODIFY a TINYINT", 10, r -> {
                asked.set(r);
                return true;
            });
            assertThat(asked.get().ddlVerdict()).startsWith("LOSSY").contains("INT to TINYINT narrows the range");
            assertThat(s.columns("triage", "ddl_t")).containsExactly("a tinyint(4)");
        }
    }

    @Test
    void explainsAQueryAsATreeWithCostlyStepsFlagged() throws Exception {
        try (JdbcSqlSession s = open(false)) {
            PlanNode classic = SqlCommands.explain(s, "SELECT name FROM items ORDER BY note", false);
            assertThat(classic.children().get(0).table()).isEqualTo("items");
            assertThat(classic.children().get(0).flags()).contains(PlanFlag.FULL_SCAN, PlanFlag.FILESORT);
            PlanNode json = SqlCommands.explain(s, "EXPLAIN SELECT name FROM items ORDER BY note", true);
            assertThat(json.flagged()).extracting(PlanNode::flags).anySatisfy(f -> assertThat(f).contains(PlanFlag.FULL_SCAN));
            assertThat(json.flagged()).extracting(PlanNode::flags).anySatisfy(f -> assertThat(f).contains(PlanFlag.FILESORT));
            PlanNode analyzed = SqlCommands.analyze(s, "SELECT name FROM items ORDER BY note");
            assertThat(analyzed.flagged()).extracting(PlanNode::table).contains("items");
            assertThat(analyzed.flagged().stream().filter(n -> n.table().equals("items")).findFirst().orElseThrow().details())
                    .containsKey("r_rows");
            assertThatThrownBy(() -> SqlCommands.analyze(s, "DELETE FROM items")).isInstanceOf(StatementRefusedException.class);
        }
    }

    @Test
    void browsesSchemasTablesColumnsIndexesAndDdl() throws Exception {
        try (JdbcSqlSession s = open(false)) {
            assertThat(s.schemas()).contains("triage", "information_schema");
            assertThat(s.tables("triage")).contains("items");
            assertThat(s.columns("triage", "items")).startsWith("id int(11) NOT NULL", "name varchar(40)");
            assertThat(s.indexes("triage", "items")).containsExactly("PRIMARY UNIQUE (id)");
            assertThat(s.ddl("triage", "items")).startsWith("CREATE TABLE `items`");
            assertThat(s.rowEstimate("triage", "items")).isBetween(0L, 10L);
            assertThat(s.rowEstimate("triage", "no_such_table")).isEqualTo(-1);
        }
    }

    @Test
    void theCaseDatabaseIsABuiltInReadOnlyConnectionThatIsNotAudited() throws Exception {
        try (Connection c = kase.newConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS imported_events (id INTEGER, msg VARCHAR)");
            st.execute("INSERT INTO imported_events VALUES (1, 'hello'), (2, 'world')");
        }
        int audits = new DuckDbSqlJournal(kase).audits(1000).size();
        try (JdbcSqlSession s = SqlConnector.openCase(kase)) {
            StatementResult r = editor().run(s, "SELECT msg FROM imported_events ORDER BY id", 100, Confirmation.REFUSE);
            assertThat(all(r.cursors().get(0))).extracting(x -> x[0]).containsExactly("hello", "world");
            assertThatThrownBy(() -> editor().run(s, "DELETE FROM imported_events", 100, x -> true))
                    .isInstanceOf(StatementRefusedException.class).hasMessageContaining("case database is read-only");
            assertThat(s.tables("main")).contains("imported_events", "sql_audit");
            assertThat(s.columns("main", "imported_events")).containsExactly("id INTEGER", "msg VARCHAR");
        }
        assertThat(new DuckDbSqlJournal(kase).audits(1000)).hasSize(audits);
    }
}
