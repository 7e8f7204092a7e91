package dev.triage.plugin.slowlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.ImportSummary;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.report.Block;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.slowlog.application.CompareRow;
import dev.triage.plugin.slowlog.application.CompareRow;
import dev.triage.plugin.slowlog.application.DigestReport;
import dev.triage.plugin.slowlog.application.DigestRow;
import dev.triage.plugin.slowlog.domain.Fingerprint;
import dev.triage.testkit.TestKernels;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlowLogPluginTest {

    static final String LOG = SlowLogText.entry("2024-03-01T10:00:00Z", "app", "web1", "10.0.0.1", 42, 2.0, 0.001, 1, 5000, "SELECT * FROM orders WHERE customer_id = 17")
                    .replace("SET timestamp", "use shop;\nSET timestamp")
            + SlowLogText.entry("2024-03-01T10:00:05Z", "app", "web1", "10.0.0.1", 42, 1.0, 0, 1, 4000, "SELECT * FROM orders WHERE customer_id = 18")
            + SlowLogText.entry("2024-03-01T10:00:06Z", "app", "web2", "10.0.0.2", 43, 0.1, 0, 0, 1, "UPDATE customers SET seen = NOW() WHERE id = 17")
            + SlowLogText.entry("2024-03-01T10:00:07Z", "app", "web2", "10.0.0.2", 43, 0.2, 0, 0, 1, "UPDATE customers SET seen = NOW() WHERE id = 18")
            + SlowLogText.entry("2024-03-01T10:00:08Z", "app", "web2", "10.0.0.2", 43, 0.3, 0, 0, 1, "UPDATE customers SET seen = NOW() WHERE id = 19");

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
    Path home;

    @Test
    void importsASlowLogIntoTheCaseAndDigestsItInSql() throws Exception {
        Path slow = Files.writeString(home.resolve("slow.log"), LOG);
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = kernel.cases().create(home.resolve("case"), "demo");
            ImportSummary s = kernel.imports().importFiles(c, List.of(slow)).result().get();
            assertThat(s.rows()).isEqualTo(5);
            assertThat(s.skipped()).isZero();
            assertThat(s.files()).isEqualTo(1);
            assertThat(c.sources().resolve(s.importId()).resolve("slow.log")).hasSameTextualContentAs(slow);
            try (Connection conn = c.newConnection(); Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT checksum), sum(rows_examined), min(ts)::VARCHAR,"
                         + " any_value(format), max(attributes['ip']) FROM slowlog_events")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(5);
                assertThat(rs.getLong(2)).isEqualTo(2);
                assertThat(rs.getLong(3)).isEqualTo(9003);
                assertThat(rs.getString(4)).isEqualTo("2024-03-01 10:00:00");
                assertThat(rs.getString(5)).isEqualTo("MYSQL");
                assertThat(rs.getString(6)).isEqualTo("10.0.0.2");
            }
            try (Connection conn = c.newConnection(); Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM slowlog_summary")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("classes in the summary the import wrote").isEqualTo(2);
            }
            List<DigestRow> rows = ((DigestReport) kernel.commands().executeText("slowlog.case-digest", Map.of(), NONE)).rows();
            assertThat(rows).extracting(DigestRow::fingerprint).containsExactly(
                    "select * from orders where customer_id = ?", "update customers set seen = now() where id = ?");
            DigestRow top = rows.get(0);
            assertThat(top.rank()).isEqualTo(1);
            assertThat(top.count()).isEqualTo(2);
            assertThat(top.queryTime().sum()).isEqualTo(3.0);
            assertThat(top.queryTime().max()).isEqualTo(2.0);
            assertThat(top.queryTime().min()).isEqualTo(1.0);
            assertThat(top.share()).isCloseTo(3.0 / 3.6, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(top.rowsExamined().avg()).isEqualTo(4500.0);
            assertThat(top.firstSeen()).isEqualTo("2024-03-01T10:00:00Z");
            assertThat(top.lastSeen()).isEqualTo("2024-03-01T10:00:05Z");
            assertThat(top.sample()).isEqualTo("SELECT * FROM orders WHERE customer_id = 17");
            assertThat(top.queryTime().median()).isEqualTo(1.5);
            assertThat(top.queryTime().stddev()).isEqualTo(0.5);
            assertThat(top.variance()).isCloseTo(0.25 / 1.5, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(top.histogram()).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 2L, 0L);
            assertThat(top.tables()).containsExactly("orders");
            assertThat(top.hosts()).isNotEmpty().allMatch(h -> h.matches(".+ \\(\\d+\\)"));
            assertThat(top.querySize().max()).isEqualTo((double) "SELECT * FROM orders WHERE customer_id = 17".length());
            List<DigestRow> byHost = ((DigestReport) kernel.commands().executeText("slowlog.case-digest",
                    Map.of("groupBy", "host", "orderBy", "Rows_examined:max"), NONE)).rows();
            assertThat(byHost).extracting(DigestRow::checksum).doesNotHaveDuplicates().contains("web2");
            assertThat(byHost).isSortedAccordingTo((a, b) -> Double.compare(b.rowsExamined().max(), a.rowsExamined().max()));
            assertThat(byHost.stream().mapToLong(DigestRow::count).sum()).isEqualTo(5);
            DigestReport report = (DigestReport) kernel.commands().executeText("slowlog.case-digest", Map.of(), NONE);
            assertThat(report.text()).contains("# Profile", "0x" + top.checksum(), "# Query_time distribution", "# Tables        orders");
            assertThat(report.markdown()).contains("| Rank | Query ID |", "| Exec time | 3s | 1s | 2s |", "```sql");
            List<DigestRow> web2 = ((DigestReport) kernel.commands().executeText("slowlog.case-digest",
                    Map.of("host", "web2", "order", "max"), NONE)).rows();
            assertThat(web2).singleElement().satisfies(r -> {
                assertThat(r.count()).isEqualTo(3);
                assertThat(r.sample()).isEqualTo("UPDATE customers SET seen = NOW() WHERE id = 19");
            });
        }
    }

    @Test
    void showCommandDescribesAClassAndAsksTheWindowToRevealIt() throws Exception {
        Path slow = Files.writeString(home.resolve("slow.log"), LOG);
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = kernel.cases().create(home.resolve("case"), "demo");
            kernel.imports().importFiles(c, List.of(slow)).result().get();
            DigestRow top = ((DigestReport) kernel.commands().executeText("slowlog.case-digest", Map.of(), NONE)).rows().get(0);
            java.util.concurrent.BlockingQueue<dev.triage.core.ui.ShowView> asked = new java.util.concurrent.LinkedBlockingQueue<>();
            kernel.events().subscribe(dev.triage.core.ui.ShowView.class, asked::add);
            var shown = (dev.triage.core.ui.ShowCommand.Shown) kernel.commands().executeText("slowlog.show",
                    Map.of("ref", "slowlog:" + top.checksum()), NONE);
            assertThat(shown.text()).startsWith("Class " + top.checksum() + ": 2 calls, 3.000 s in all")
                    .endsWith("select * from orders where customer_id = ?");
            assertThat(asked.poll(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isEqualTo(new dev.triage.core.ui.ShowView(SlowLogPlugin.VIEW_ID, top.checksum()));
            assertThatThrownBy(() -> kernel.commands().executeText("slowlog.show", Map.of("ref", "0123456789ABCDEF"), NONE))
                    .hasMessageContaining("No slow-log class 0123456789ABCDEF");
        }
    }

    @Test
    void contributesTheTopClassesToTheCaseReport() throws Exception {
        Path slow = Files.writeString(home.resolve("slow.log"), LOG);
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = kernel.cases().create(home.resolve("case"), "demo");
            String id = Fingerprint.checksum("select * from orders where customer_id = ?");
            // Found by content, not by title: the titles follow the machine's language.
            java.util.function.Predicate<ReportSection> slowlog = s -> !s.blocks().isEmpty() && s.blocks().get(0) instanceof Block.Table t
                    && t.headers().size() == 9 && !t.rows().isEmpty() && t.rows().get(0).get(1).equals(id);
            assertThat(kernel.reports().build("demo", new ReportRequest(c, Instant.now())).sections()).noneMatch(slowlog);
            kernel.imports().importFiles(c, List.of(slow)).result().get();
            var report = kernel.reports().build("demo", new ReportRequest(c, Instant.now()));
            ReportSection section = report.sections().stream().filter(slowlog).findFirst().orElseThrow();
            Block.Table table = (Block.Table) section.blocks().get(0);
            assertThat(table.rows()).hasSize(2);
            assertThat(table.rows().get(0)).containsExactly("1", id, "3.000000", "83.3%", "2", "1.500000", "1.950000", "2.000000",
                    "select * from orders where customer_id = ?");
            assertThat(section.blocks()).contains(new Block.CodeBlock("sql", "SELECT * FROM orders WHERE customer_id = 17"));
            Block.Image chart = section.blocks().stream().filter(b -> b instanceof Block.Image).map(Block.Image.class::cast)
                    .findFirst().orElseThrow();
            java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(chart.bytes()));
            assertThat(png.getWidth()).isEqualTo(900);
            assertThat(chart.fileName()).isEqualTo("slowlog-query-time.png");

            @SuppressWarnings("unchecked")
            List<CompareRow> changed = (List<CompareRow>) kernel.commands().executeText("slowlog.case-compare",
                    Map.of("beforeUntil", "2024-03-01T10:00:06Z", "afterSince", "2024-03-01T10:00:06Z"), NONE);
            assertThat(changed).extracting(r -> r.fingerprint().substring(0, 6) + ":" + r.status())
                    .containsExactlyInAnyOrder("select:GONE", "update:NEW");
            var again = kernel.reports().build("demo", new ReportRequest(c, Instant.now()));
            ReportSection compare = again.sections().stream().filter(x -> x.blocks().size() == 2
                    && x.blocks().get(1) instanceof Block.Table t && t.rows().size() == 2 && t.rows().get(0).get(0).matches("NEW|GONE"))
                    .findFirst().orElseThrow();
            assertThat(((Block.Paragraph) compare.blocks().get(0)).text())
                    .startsWith("start..2024-03-01T10:00:06Z vs 2024-03-01T10:00:06Z..end");
            assertThatThrownBy(() -> kernel.commands().executeText("slowlog.case-compare", Map.of(), NONE))
                    .hasMessageContaining("--before-until");
        }
    }

    @Test
    void reportsSkippedLinesWithFileAndLineAndKeepsTheRest() throws Exception {
        Path slow = Files.writeString(home.resolve("damaged.log"), LOG.replace("use shop;", "use shop;\n\u0000\u0001junk"));
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = kernel.cases().create(home.resolve("case"), "demo");
            ImportSummary s = kernel.imports().importFiles(c, List.of(slow)).result().get();
            assertThat(s.rows()).isEqualTo(5);
            assertThat(s.skipped()).isEqualTo(1);
            assertThat(s.warnings()).containsExactly("damaged.log line 5: binary or control bytes; line skipped");
        }
    }

    @Test
    void digestsFilesWithoutACaseAsTheCliDoes() throws Exception {
        Path plain = Files.writeString(home.resolve("a.log"), LOG);
        Path gz = home.resolve("b.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(LOG.getBytes(StandardCharsets.UTF_8));
        }
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("files", List.of(plain.toString(), gz.toString()));
            args.put("limit", "1");
            args.put("order", "count");
            List<DigestRow> rows = ((DigestReport) kernel.commands().executeText("slowlog.digest", args, NONE)).rows();
            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.fingerprint()).isEqualTo("update customers set seen = now() where id = ?");
                assertThat(r.count()).isEqualTo(6);
                assertThat(r.sample()).isEqualTo("UPDATE customers SET seen = NOW() WHERE id = 19");
                assertThat(r.queryTime().sum()).isCloseTo(1.2, org.assertj.core.data.Offset.offset(1e-9));
            });
            List<DigestRow> single = ((DigestReport) kernel.commands().executeText("slowlog.digest",
                    Map.of("files", plain.toString()), NONE)).rows();
            assertThat(single).hasSize(2);
            assertThat(digest(kernel, plain, Map.of("since", "2024-03-01T10:00:06Z"))).containsExactly("update:3");
            assertThat(digest(kernel, plain, Map.of("until", "2024-03-01 10:00:06"))).containsExactly("select:2");
            assertThat(digest(kernel, plain, Map.of("user", "app", "host", "web1"))).containsExactly("select:2");
            assertThat(digest(kernel, plain, Map.of("minTime", "0.25", "order", "count"))).containsExactly("select:2", "update:1");
            assertThat(digest(kernel, plain, Map.of("match", "CUSTOMERS"))).containsExactly("update:3");
            assertThat(digest(kernel, plain, Map.of("db", "shop"))).containsExactly("select:2", "update:3");
            assertThat(digest(kernel, plain, Map.of("db", "other"))).isEmpty();
            assertThatThrownBy(() -> kernel.commands().executeText("slowlog.digest", Map.of("files", "missing.log"), NONE))
                    .hasMessageContaining("missing.log");
            assertThatThrownBy(() -> kernel.commands().executeText("slowlog.digest",
                    Map.of("files", plain.toString(), "order", "bogus"), NONE)).hasMessageContaining("bogus");
        }
    }

    private static List<String> digest(Kernel kernel, Path file, Map<String, Object> filter) throws Exception {
        Map<String, Object> args = new LinkedHashMap<>(filter);
        args.put("files", file.toString());
        @SuppressWarnings("unchecked")
        List<DigestRow> rows = ((DigestReport) kernel.commands().executeText("slowlog.digest", args, NONE)).rows();
        return rows.stream().map(r -> r.fingerprint().substring(0, 6) + ":" + r.count()).toList();
    }

    @Test
    void comparesTwoSetsOfLogs() throws Exception {
        Path before = Files.writeString(home.resolve("before.log"), LOG);
        Path after = Files.writeString(home.resolve("after.log"), LOG.replace("UPDATE customers SET seen = NOW() WHERE id =",
                "DELETE FROM sessions WHERE id =").replace("Query_time: 2.000000", "Query_time: 5.000000"));
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            List<CompareRow> rows = (List<CompareRow>) kernel.commands().executeText("slowlog.compare",
                    Map.of("a", before.toString(), "b", after.toString()), NONE);
            assertThat(rows).hasSize(3);
            CompareRow first = rows.get(0);
            assertThat(first.fingerprint()).isEqualTo("select * from orders where customer_id = ?");
            assertThat(first.status()).isEqualTo(CompareRow.Status.REGRESSED);
            assertThat(first.impact()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(first.p95B()).isGreaterThan(first.p95A());
            assertThat(rows.subList(1, 3)).extracting(r -> r.status() + " " + r.fingerprint() + " " + r.countA() + "/" + r.countB())
                    .containsExactlyInAnyOrder("GONE update customers set seen = now() where id = ? 3/0",
                            "NEW delete from sessions where id = ? 0/3");
        }
    }

    @Test
    void cutsLongSamples() throws Exception {
        String longIn = "SELECT * FROM t WHERE id IN (" + "1,".repeat(3000) + "1)";
        Path slow = Files.writeString(home.resolve("long.log"), "# Time: 2024-03-01T10:00:00Z\n# User@Host: a[a] @ h []\n"
                + "# Query_time: 1.0  Lock_time: 0.0 Rows_sent: 0  Rows_examined: 0\n" + longIn + ";\n");
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            List<DigestRow> rows = ((DigestReport) kernel.commands().executeText("slowlog.digest",
                    Map.of("files", slow.toString()), NONE)).rows();
            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.fingerprint()).isEqualTo("select * from t where id in(?+)");
                assertThat(r.sample()).startsWith(longIn.substring(0, 4096)).endsWith(" /* ... " + (longIn.length() - 4096)
                        + " more characters */");
            });
        }
    }

    @Test
    void claimsSlowLogsStronglyAndOtherFilesNot() {
        var importer = new dev.triage.plugin.slowlog.infrastructure.SlowLogImporter();
        assertThat(importer.claim(Path.of("x.log"), LOG.getBytes(StandardCharsets.UTF_8))).isGreaterThan(1);
        assertThat(importer.claim(Path.of("x.log"), "2024-01-01 ERROR something\n".getBytes(StandardCharsets.UTF_8))).isZero();
    }
}
