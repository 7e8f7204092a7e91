package dev.triage.plugin.report.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionStore;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.connection.EncryptedFileSecretStore;
import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.FindingSource;
import dev.triage.core.finding.FindingStore;
import dev.triage.core.finding.Severity;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.report.Report;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.report.application.ReportComposer;
import dev.triage.testkit.TestKernels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case with a slow log, findings, notes and planted secrets, exported in every format, linted and grepped. */
class ReportExportTest {

    static final String CONNECTION_PASSWORD = "Conn-Pa55word-9931";
    static final String LOG_SECRET = "cust-ssn-123-45-6789";
    static final String SASL_SECRET = "k4fka-Sasl-Secr3t";
    static final String USER_PASSWORD = "Sup3r-User-Pw";

    static final String SLOW_LOG = """
            # Time: 2024-03-01T10:00:00.000000Z
            # User@Host: app[app] @ web1 [10.0.0.1]  Id:    42
            # Query_time: 2.000000  Lock_time: 0.001000 Rows_sent: 1  Rows_examined: 5000
            use shop;
            SET timestamp=1709287200;
            SELECT * FROM orders WHERE customer_id = 17 AND note = 'vip-customer-x';
            # Time: 2024-03-01T10:00:05.000000Z
            # User@Host: root[root] @ web1 [10.0.0.1]  Id:    43
            # Query_time: 1.000000  Lock_time: 0.000000 Rows_sent: 0  Rows_examined: 0
            SET timestamp=1709287205;
            CREATE USER 'app2'@'%' IDENTIFIED BY 'Sup3r-User-Pw';
            """;

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
    void exportsMarkdownJsonAndHtmlWithoutAnySecretAndWithMaskedLiterals() throws Exception {
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(20)).startPlugins()) {
            Case c = kernel.cases().create(home.resolve("case"), "incident-42");
            kernel.imports().importFiles(c, List.of(Files.writeString(home.resolve("slow.log"), SLOW_LOG))).result().get();
            String logLine = "2024-03-01T10:00:03Z ERROR payment failed for " + LOG_SECRET + " token=abcd1234efgh";
            new FindingStore(c).saveAll(List.of(
                    new Finding(Severity.CRITICAL, "Payment errors for " + LOG_SECRET, List.of(Evidence.line(logLine)),
                            "Check the payment gateway", new FindingSource("logs", "app.log", Instant.parse("2024-03-01T10:00:03Z"))),
                    new Finding(Severity.WARNING, "Consumer group billing lags", List.of(Evidence.line(
                            "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"billing\" password=\""
                                    + SASL_SECRET + "\";"), Evidence.metric("lag", "5000")), "",
                            new FindingSource("kafka-diagnostics", "kafka1:9092", Instant.parse("2024-03-01T10:00:04Z"))),
                    new Finding(Severity.CRITICAL, "Memory used is 100.0 % of maxmemory (" + LOG_SECRET + ")", List.of(), "",
                            new FindingSource("redis-diagnostics", "cache1", Instant.parse("2024-03-01T10:00:05Z"))),
                    new Finding(Severity.CRITICAL, "185666 keys were evicted to stay under maxmemory", List.of(), "",
                            new FindingSource("redis-diagnostics", "cache1", Instant.parse("2024-03-01T10:00:05Z")))));
            c.saveNotes("Timeline: at 10:00 the app logged in with password " + CONNECTION_PASSWORD + " and failed for " + LOG_SECRET + ".\n");
            kernel.commands().executeText("report.sensitive", Map.of("values", List.of(LOG_SECRET)), NONE);
            kernel.commands().executeText("report.layout", Map.of("conclusion", "Lock contention from the orders query; the DB password was "
                    + CONNECTION_PASSWORD), NONE);
            assertThat(Files.readString(c.folder().resolve(LayoutStore.FILE))).doesNotContain(LOG_SECRET);

            EncryptedFileSecretStore secrets = EncryptedFileSecretStore.at(home.resolve("secrets.json"), EncryptedFileSecretStore.MIN_ITERATIONS);
            secrets.unlock("passphrase".toCharArray());
            ConnectionStore connections = new ConnectionStore(home.resolve("conf"), secrets);
            connections.save(new ConnectionTarget("prod-db", "prod", ConnectionKind.MYSQL, "db1", 3306, "app", Map.of()),
                    CONNECTION_PASSWORD.toCharArray());
            ReportService service = new ReportService(kernel.reports(), connections, new ReportComposer("Summary", "Conclusion", "Notes"));
            Path out = home.resolve("out");
            ReportService.Written w = service.export(c, out, EnumSet.allOf(ReportService.Format.class));
            assertThat(w.files()).extracting(p -> p.getFileName().toString()).containsExactly("report.md", "report.json", "report.html");

            List<Path> files;
            try (Stream<Path> s = Files.walk(out)) {
                files = s.filter(Files::isRegularFile).toList();
            }
            assertThat(files).anyMatch(p -> p.toString().endsWith(".png"));
            for (Path f : files) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String secret : List.of(CONNECTION_PASSWORD, LOG_SECRET, SASL_SECRET, USER_PASSWORD, "abcd1234efgh", "vip-customer-x")) {
                    assertThat(text).as("%s must not hold %s", f, secret).doesNotContain(secret);
                }
            }
            String md = Files.readString(out.resolve("report.md"));
            assertThat(MarkdownLint.lint(out.resolve("report.md"))).isEmpty();
            assertThat(md).contains("## Summary", "Lock contention from the orders query", "Timeline: at 10:00", "Payment errors for",
                    "customer\\_id = ?").doesNotContain("customer_id = 17", "customer\\_id = 17");
            assertThat(md.indexOf("## Summary")).isLessThan(md.indexOf("Payment errors"));
            assertThat(md).contains("## Root-cause hypotheses");
            // The timeline orders the findings (10:00:03, 10:00:04) and the slow log's busiest minute (10:00) by time.
            String timeline = md.substring(md.indexOf("## Incident timeline"));
            assertThat(timeline.indexOf("slow queries")).isLessThan(timeline.indexOf("Payment errors"));
            assertThat(timeline.indexOf("Payment errors")).isLessThan(timeline.indexOf("Consumer group billing lags"));

            // The core's export path (triage case report, File > Export report) goes through the plugin's finisher too.
            Report viaCore = dev.triage.core.report.ReportFinisher.finishAll(kernel.services(),
                    new dev.triage.core.report.ReportRequest(c, Instant.now()), kernel.reports().build("incident-42",
                            new dev.triage.core.report.ReportRequest(c, Instant.now())));
            Path core = dev.triage.core.report.ReportExport.write(viaCore, home.resolve("core-out")).markdown();
            assertThat(Files.readString(core)).contains("## Summary").doesNotContain(LOG_SECRET, SASL_SECRET, USER_PASSWORD, "customer_id = 17");
            JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
            assertThat(json.get("sections").get(0).get("title").asText()).isEqualTo("Summary");
            String html = Files.readString(out.resolve("report.html"));
            assertThat(html).startsWith("<!DOCTYPE html>").contains("src=\"data:image/png;base64,", "</html>")
                    .doesNotContain("src=\"assets/", "<script");
            assertThat(html.split("<table>", -1).length).isEqualTo(html.split("</table>", -1).length);
        }
    }

    @Test
    void followsTheChosenOrderAndSelectionAndCanKeepLiterals() throws Exception {
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(20)).startPlugins()) {
            Case c = kernel.cases().create(home.resolve("case"), "order");
            kernel.imports().importFiles(c, List.of(Files.writeString(home.resolve("slow.log"), SLOW_LOG))).result().get();
            new FindingStore(c).save(new Finding(Severity.WARNING, "Replica lag", List.of(), "",
                    new FindingSource("logs", "db1", Instant.parse("2024-03-01T10:00:03Z"))));
            ReportService service = new ReportService(kernel.reports(), null, new ReportComposer("Summary", "Conclusion", "Notes"));
            List<String> titles = ReportComposer.titles(service.raw(c, Instant.now()));
            assertThat(titles.size()).isGreaterThanOrEqualTo(2);
            @SuppressWarnings("unchecked")
            List<dev.triage.plugin.report.application.SectionRow> rows = (List<dev.triage.plugin.report.application.SectionRow>)
                    kernel.commands().executeText("report.layout", Map.of("order", List.of(titles.get(1), titles.get(0)),
                            "hide", titles.get(0), "maskLiterals", "false"), NONE);
            assertThat(rows.get(0).title()).isEqualTo(titles.get(1));
            assertThat(rows).filteredOn(r -> r.title().equals(titles.get(0))).singleElement()
                    .satisfies(r -> assertThat(r.included()).isFalse());
            Report r = service.compose(c, service.raw(c, Instant.now()), LayoutStore.load(c));
            List<String> written = new ArrayList<>(r.sections().stream().map(s -> s.title()).toList());
            assertThat(written).doesNotContain(titles.get(0)).hasSize(titles.size() - 1);
            assertThat(written.get(0)).isEqualTo(titles.get(1));
            Path out = home.resolve("out");
            ReportService.write(r, out, EnumSet.of(ReportService.Format.MD));
            assertThat(out.resolve("report.html")).doesNotExist();
            assertThat(Files.readString(out.resolve("report.md"))).contains("customer_id = 17");
        }
    }
}
