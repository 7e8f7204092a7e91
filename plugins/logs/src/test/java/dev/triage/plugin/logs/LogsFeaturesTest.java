package dev.triage.plugin.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.cases.Case;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.logs.application.FactsResult;
import dev.triage.plugin.logs.application.FileRow;
import dev.triage.plugin.logs.application.Hit;
import dev.triage.plugin.logs.application.ImportResult;
import dev.triage.plugin.logs.application.LogsReportData;
import dev.triage.plugin.logs.application.NoteRow;
import dev.triage.plugin.logs.application.SearchResult;
import dev.triage.plugin.logs.application.TimelinePage;
import dev.triage.plugin.logs.application.TimelineRow;
import dev.triage.testkit.TestKernels;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsFeaturesTest {

    static final String MYSQL = """
            2026-03-01T10:15:00.100000Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld starting as process 1
            2026-03-01T10:15:02.000000Z 12 [ERROR] [MY-012345] [InnoDB] Transactions deadlock detected, dumping detailed information (thread 77)
            2026-03-01T10:15:03.000000Z 13 [Note] [MY-010914] [Server] Aborted connection 13 to db: 'shop' user: 'app' host: '10.0.0.9' (Got timeout reading communication packets)
            2026-03-01T10:15:09.000000Z 0 [Warning] [MY-012985] [InnoDB] A long semaphore wait:
            --Thread 140 has waited at buf0flu.cc line 1200 for 250 seconds the semaphore:
            """;
    static final String APP = """
            2026-03-01 18:15:01.000 ERROR [exec-1] c.e.OrderService - payment failed
            java.lang.IllegalStateException: boom
            \tat com.example.OrderService.pay(OrderService.java:42)
            \t... 12 more
            2026-03-01 18:15:05.500 INFO  [exec-2] c.e.OrderService - request served in 5 ms
            2026-03-01 18:15:07.000 WARN  [exec-3] c.e.OrderService - Exception in thread "x" java.lang.OutOfMemoryError: Java heap space
            """;
    static final String KAFKA = """
            [2026-03-01 10:15:04,000] INFO [Partition orders-3 broker=1] Shrinking ISR from 1,2,3 to 1. (kafka.cluster.Partition)
            [2026-03-01 10:15:06,000] INFO [Controller id=1] 1 successfully elected as the controller (kafka.controller.KafkaController)
            """;

    @TempDir
    Path home;

    private Path folder() throws Exception {
        Path dir = Files.createDirectories(home.resolve("logs"));
        Files.writeString(dir.resolve("mysql-error.log"), MYSQL);
        Files.writeString(dir.resolve("app.log"), APP);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("kafka-server.log.gz")))) {
            out.write(KAFKA.getBytes(StandardCharsets.UTF_8));
        }
        return dir;
    }

    private static Object run(Kernel k, String command, Object... kv) throws Exception {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            args.put((String) kv[i], kv[i + 1]);
        }
        return k.commands().executeText(command, args, Fixtures.NONE);
    }

    @Test
    void mergesTheTimelineAcrossFilesAndZonesAndPagesThroughIt() throws Exception {
        Path dir = folder();
        try (Kernel k = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            k.cases().create(home.resolve("case"), "t");
            assertThat(run(k, "logs.zone", "zone", "Asia/Shanghai")).isEqualTo("Asia/Shanghai");
            // app.log is in the case's zone (+08:00), the others carry Z or are UTC by --tz for the gzip Kafka log.
            run(k, "logs.import", "paths", dir.resolve("app.log").toString());
            ImportResult r = (ImportResult) run(k, "logs.import", "paths", dir.toString(), "exclude", "app.log", "tz", "UTC");
            assertThat(r.table()).extracting(FileRow::name).containsExactly("app.log", "kafka-server.log.gz", "mysql-error.log");
            assertThat(r.table()).extracting(FileRow::zone).containsExactly("Asia/Shanghai", "UTC", "UTC");
            assertThat(r.table()).extracting(FileRow::entries).containsExactly(3L, 2L, 4L);
            assertThat(r.table()).extracting(FileRow::lines).containsExactly(6L, 2L, 5L);
            TimelinePage all = (TimelinePage) run(k, "logs.timeline", "limit", "100");
            assertThat(all.rows()).extracting(t -> t.file() + ":" + t.line()).containsExactly("mysql-error.log:1", "app.log:1",
                    "mysql-error.log:2", "mysql-error.log:3", "kafka-server.log.gz:1", "app.log:5", "kafka-server.log.gz:2", "app.log:6",
                    "mysql-error.log:4");
            assertThat(all.rows().get(1).time()).isEqualTo("2026-03-01 18:15:01.000 +08:00");
            assertThat(all.rows().get(1).lines()).isEqualTo(4);
            List<String> paged = new ArrayList<>();
            String cursor = null;
            do {
                TimelinePage p = (TimelinePage) (cursor == null ? run(k, "logs.timeline", "limit", "4")
                        : run(k, "logs.timeline", "limit", "4", "cursor", cursor));
                p.rows().forEach(t -> paged.add(t.file() + ":" + t.line()));
                cursor = p.nextCursor();
            } while (cursor != null);
            assertThat(paged).isEqualTo(all.rows().stream().map(t -> t.file() + ":" + t.line()).toList());
            assertThat(((TimelinePage) run(k, "logs.timeline", "level", "WARN")).rows()).extracting(TimelineRow::level)
                    .containsExactly("ERROR", "ERROR", "WARN", "WARN");
            assertThat(((TimelinePage) run(k, "logs.timeline", "since", "2026-03-01 18:15:04", "until", "2026-03-01T10:15:06Z")).rows())
                    .extracting(t -> t.file() + ":" + t.line()).containsExactly("kafka-server.log.gz:1", "app.log:5");
            assertThat(((TimelinePage) run(k, "logs.timeline", "fact", "kafka.isr-shrink")).rows()).singleElement()
                    .satisfies(t -> assertThat(t.message()).contains("Shrinking ISR"));
            assertThat(((TimelinePage) run(k, "logs.timeline", "text", "PAYMENT", "file", "app.log")).rows()).hasSize(1);
        }
    }

    @Test
    void extractsFactsWithShippedAndCaseRulesAndKeepsNotesForTheReport() throws Exception {
        Path dir = folder();
        try (Kernel k = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = k.cases().create(home.resolve("case"), "t");
            run(k, "logs.import", "paths", dir.toString(), "tz", "UTC");
            FactsResult facts = (FactsResult) run(k, "logs.facts");
            assertThat(facts.counts()).extracting(f -> f.rule() + "@" + f.file() + "=" + f.count()).contains(
                    "mysql.deadlock@mysql-error.log=1", "mysql.aborted-connection@mysql-error.log=1",
                    "mysql.long-semaphore-wait@mysql-error.log=1", "kafka.isr-shrink@kafka-server.log.gz=1",
                    "kafka.controller-change@kafka-server.log.gz=1", "java.exception@app.log=2", "java.oom@app.log=1");
            assertThat(facts.facts()).filteredOn(f -> f.rule().equals("mysql.aborted-connection")).singleElement()
                    .satisfies(f -> assertThat(f.fields()).isEqualTo("{\"conn\":\"13\",\"db\":\"shop\",\"user\":\"app\",\"host\":\"10.0.0.9\"}"));
            assertThat(facts.facts()).filteredOn(f -> f.rule().equals("java.exception")).extracting(f -> f.fields())
                    .containsExactly("{\"class\":\"java.lang.IllegalStateException\"}", "{\"class\":\"java.lang.OutOfMemoryError\"}");
            assertThat(facts.facts()).filteredOn(f -> f.rule().equals("mysql.deadlock")).singleElement()
                    .satisfies(f -> assertThat(f.fields()).isEqualTo("{\"thread\":\"77\"}"));

            Files.createDirectories(c.folder().resolve("logs-rules"));
            Files.writeString(c.folder().resolve("logs-rules/shop.toml"), """
                    [[rule]]
                    name = "shop.payment"
                    pattern = 'payment (?P<what>\\w+)'
                    fields = ["what"]
                    severity = "critical"
                    """);
            FactsResult again = (FactsResult) run(k, "logs.facts", "refresh", "true", "rule", "shop.payment");
            assertThat(again.facts()).singleElement().satisfies(f -> {
                assertThat(f.fields()).isEqualTo("{\"what\":\"failed\"}");
                assertThat(f.severity()).isEqualTo("CRITICAL");
                assertThat(f.time()).isEqualTo("2026-03-01T18:15:01Z");
            });
            Files.writeString(c.folder().resolve("logs-rules/bad.toml"), "[[rule]]\nname = \"x\"\npattern = '(unclosed'\n");
            assertThatThrownBy(() -> run(k, "logs.facts", "refresh", "true")).hasMessageContaining("bad.toml rule 1")
                    .hasMessageContaining("bad pattern");
            Files.delete(c.folder().resolve("logs-rules/bad.toml"));

            NoteRow note = (NoteRow) run(k, "logs.remember", "file", "app.log", "line", "3", "kind", "bookmark", "key", "cause",
                    "text", "stack of the failed payment");
            assertThat(note.time()).isEqualTo("2026-03-01T18:15:01Z");
            assertThat(((List<?>) run(k, "logs.notes"))).hasSize(1);
            LogsReportData data = (LogsReportData) run(k, "logs.report");
            assertThat(data.files()).hasSize(3);
            assertThat(data.first()).isEqualTo("2026-03-01T10:15:00.100Z");
            assertThat(data.events()).extracting(TimelineRow::file).contains("mysql-error.log", "kafka-server.log.gz", "app.log");
            String md = data.markdown();
            assertThat(md).contains("## Server logs", "### Important events", "### Facts", "| shop.payment | CRITICAL | app.log | 1 |",
                    "### Notes and bookmarks", "stack of the failed payment");
            List<ReportSection> sections = k.reports().build("t", new ReportRequest(c, Instant.now())).sections();
            assertThat(sections).anySatisfy(s -> assertThat(s.title()).isEqualTo("Server logs"));
        }
    }

    @Test
    void searchesWithAllOptionsAndKeepsHistory() throws Exception {
        Path dir = folder();
        try (Kernel k = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = k.cases().create(home.resolve("case"), "t");
            run(k, "logs.import", "paths", dir.toString(), "tz", "UTC");
            SearchResult r = (SearchResult) run(k, "logs.search", "any", List.of("deadlock", "Shrinking"), "none", "Partition",
                    "context", "1");
            assertThat(r.hits()).singleElement().satisfies(h -> {
                assertThat(h.file()).isEqualTo("mysql-error.log");
                assertThat(h.line()).isEqualTo(2);
                assertThat(h.level()).isEqualTo("ERROR");
                assertThat(h.time()).isEqualTo("2026-03-01T10:15:02Z");
                assertThat(h.before()).singleElement().satisfies(l -> assertThat(l).contains("starting as process"));
                assertThat(h.after()).singleElement().satisfies(l -> assertThat(l).contains("Aborted connection"));
                assertThat(h.highlights()).hasSize(1);
            });
            SearchResult stack = (SearchResult) run(k, "logs.search", "regex", "OrderService\\.java:\\d+", "file", "app.log");
            assertThat(stack.hits()).singleElement().satisfies(h -> {
                assertThat(h.line()).isEqualTo(3);
                assertThat(h.level()).isEqualTo("ERROR");
                assertThat(h.time()).isEqualTo("2026-03-01T18:15:01Z");
            });
            // A plain keyword takes the byte-level path; its hits still carry their entry's time and level.
            SearchResult plain = (SearchResult) run(k, "logs.search", "must", "OrderService.java");
            assertThat(plain.hits()).singleElement().satisfies(h -> {
                assertThat(h.line()).isEqualTo(3);
                assertThat(h.level()).isEqualTo("ERROR");
                assertThat(h.time()).isEqualTo("2026-03-01T18:15:01Z");
            });
            SearchResult windowed = (SearchResult) run(k, "logs.search", "must", "[", "since", "2026-03-01T10:15:03Z", "until",
                    "2026-03-01T10:15:06Z");
            assertThat(windowed.hits()).extracting(h -> h.file() + ":" + h.line()).containsExactly("kafka-server.log.gz:1",
                    "mysql-error.log:3");
            SearchResult ci = (SearchResult) run(k, "logs.search", "must", List.of("ORDER", "java"), "ignoreCase", "true", "maxHits", "1");
            assertThat(ci.hits()).hasSize(1);
            assertThat(ci.stats().truncated()).isTrue();
            assertThat(ci.nextCursor()).isEqualTo(ci.hits().get(0).fileId() + ":" + ci.hits().get(0).line());
            SearchResult rest = (SearchResult) run(k, "logs.search", "must", List.of("ORDER", "java"), "ignoreCase", "true", "cursor",
                    ci.nextCursor());
            assertThat(rest.hits()).extracting(Hit::line).containsExactly(6L);
            assertThat(rest.stats().truncated()).isFalse();
            assertThat(rest.stats().files()).isEqualTo(3);
            assertThat(rest.stats().candidateLines()).isEqualTo(5 + 2 + 3);
            assertThatThrownBy(() -> run(k, "logs.search", "regex", "(")).hasMessageContaining("Bad regex");
            assertThatThrownBy(() -> run(k, "logs.search", "must", "x", "context", "13")).hasMessageContaining("--context");
            try (Connection conn = c.newConnection(); Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), sum(hits) FROM logs_searches")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(6);
                assertThat(rs.getLong(2)).isEqualTo(1 + 1 + 1 + 2 + 1 + 1);
            }
        }
    }

    @Test
    void reportsAFailingFileImportsTheRestAndReindexesOnlyChangedFiles() throws Exception {
        Path dir = folder();
        byte[] gz = Files.readAllBytes(dir.resolve("kafka-server.log.gz"));
        Files.write(dir.resolve("broken.log.gz"), java.util.Arrays.copyOf(gz, 12));
        Files.write(dir.resolve("bomb.log.gz"), gzip(("x".repeat(100) + "\n").repeat(200_000)));
        Files.write(dir.resolve("utf16.log"), ("\uFEFF2026-03-01 10:15:00 ERROR 数据库 down\n2026-03-01 10:15:01 INFO ok\n")
                .getBytes(StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("gbk.log"), "2026-03-01 10:15:00 [ERROR] 订单服务: 支付回调超时 1055 毫秒\n".getBytes(Charset.forName("GBK")));
        try (Kernel k = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = k.cases().create(home.resolve("case"), "t");
            ImportResult r = (ImportResult) run(k, "logs.import", "paths", dir.toString(), "tz", "UTC");
            Map<String, FileRow> byName = new LinkedHashMap<>();
            r.table().forEach(f -> byName.put(f.name(), f));
            assertThat(byName.get("broken.log.gz").status()).isEqualTo("failed");
            assertThat(r.warnings()).anySatisfy(w -> assertThat(w).startsWith("broken.log.gz: compressed data"));
            assertThat(byName.get("bomb.log.gz").status()).isEqualTo("ok");
            assertThat(byName.get("bomb.log.gz").lines()).isEqualTo(200_000);
            assertThat(byName.get("utf16.log").encoding()).isEqualTo("UTF-16LE");
            assertThat(byName.get("gbk.log").encoding()).isEqualTo("GBK");
            assertThat(r.exitCode()).isEqualTo(1);
            TimelinePage p = (TimelinePage) run(k, "logs.timeline", "text", "毫秒");
            assertThat(p.rows()).singleElement().satisfies(t -> assertThat(t.message()).endsWith("订单服务: 支付回调超时 1055 毫秒"));
            SearchResult s = (SearchResult) run(k, "logs.search", "must", "数据库");
            assertThat(s.hits()).singleElement().satisfies(h -> {
                assertThat(h.file()).isEqualTo("utf16.log");
                assertThat(h.text()).isEqualTo("2026-03-01 10:15:00 ERROR 数据库 down");
                assertThat(h.level()).isEqualTo("ERROR");
            });

            ImportResult again = (ImportResult) run(k, "logs.import", "paths", dir.resolve("app.log").toString(), "tz", "UTC");
            assertThat(again.warnings()).singleElement().satisfies(w -> assertThat(w).contains("unchanged"));
            assertThat(again.table()).hasSize(r.table().size());
            Files.writeString(dir.resolve("app.log"), APP + "2026-03-01 18:16:00.000 INFO  [exec-9] c.e.OrderService - later\n");
            ImportResult changed = (ImportResult) run(k, "logs.import", "paths", dir.resolve("app.log").toString(), "tz", "UTC");
            assertThat(changed.table()).hasSize(r.table().size());
            assertThat(changed.table()).filteredOn(f -> f.name().equals("app.log")).singleElement()
                    .satisfies(f -> assertThat(f.entries()).isEqualTo(4));

            // The gzip-bomb guard: a file that inflates beyond the limit keeps what was read and says why.
            var importer = new dev.triage.plugin.logs.infrastructure.LogImporter(
                    new dev.triage.plugin.logs.application.ImportOptions("UTC", null, null, 1 << 20), null);
            var summary = c.importAtomically("bomb", Fixtures.NONE, session -> importer.importFile(dir.resolve("bomb.log.gz"), session));
            assertThat(summary.warnings()).anySatisfy(w -> assertThat(w).contains("gzip bomb"));

            TaskContext cancelling = new TaskContext() {
                @Override
                public void progress(double fraction, String message) {
                }

                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            long before = ((TimelinePage) run(k, "logs.timeline", "limit", "100000")).rows().size();
            Files.writeString(dir.resolve("new.log"), APP);
            assertThatThrownBy(() -> k.commands().executeText("logs.import", Map.of("paths", dir.resolve("new.log").toString()), cancelling))
                    .isInstanceOf(CancellationException.class);
            assertThat(((TimelinePage) run(k, "logs.timeline", "limit", "100000")).rows()).hasSize((int) before);
        }
    }

    @Test
    void runsTwentySearchesAtOnceOnOneCase() throws Exception {
        Path gen = Fixtures.generated(2);
        try (Kernel k = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            k.cases().create(home.resolve("case"), "t");
            run(k, "logs.import", "paths", gen.toString(), "tz", "UTC");
            SearchResult alone = (SearchResult) run(k, "logs.search", "must", "served", "regex", "in [0-9]+ ms", "maxHits", "100000");
            assertThat(alone.hits()).hasSizeGreaterThan(1000).allSatisfy(h -> {
                assertThat(h.time()).isNotNull();
                assertThat(h.level()).isIn("INFO", "WARN", "ERROR");
                if (h.file().equals("app.log") || h.file().equals("app-gbk.log")) {
                    assertThat(h.text()).startsWith(h.time().substring(0, 19).replace('T', ' '));
                }
            });
            var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
            try {
                List<java.util.concurrent.Future<SearchResult>> all = new ArrayList<>();
                var start = new java.util.concurrent.CountDownLatch(1);
                for (int i = 0; i < 20; i++) {
                    all.add(pool.submit(() -> {
                        start.await();
                        return (SearchResult) run(k, "logs.search", "must", "served", "regex", "in [0-9]+ ms", "maxHits", "100000");
                    }));
                }
                start.countDown();
                for (var f : all) {
                    assertThat(f.get(120, java.util.concurrent.TimeUnit.SECONDS).stats().hits()).isEqualTo(alone.stats().hits());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static byte[] gzip(String text) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
