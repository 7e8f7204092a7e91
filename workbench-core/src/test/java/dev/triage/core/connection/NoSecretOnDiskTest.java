package dev.triage.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.triage.core.cases.Case;
import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.FindingSource;
import dev.triage.core.finding.Severity;
import dev.triage.core.plugin.Sandbox;
import dev.triage.core.report.Block;
import dev.triage.core.report.JsonReportWriter;
import dev.triage.core.report.MarkdownReportWriter;
import dev.triage.core.report.Report;
import dev.triage.core.report.ReportBuilder;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import dev.triage.core.service.DefaultServiceRegistry;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Saves a connection with a planted password, uses it in a case and a report, then searches every byte written for it. */
class NoSecretOnDiskTest {

    private static final String PASSWORD = "Pl@nted-S3cret-4711";
    private static final String PASSPHRASE = "unlock-Phrase-9923";

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLogs() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
    }

    @Test
    void thePasswordIsNowhereInTheConfigFolderTheCaseFolderOrTheLogs() throws Exception {
        Path config = dir.resolve("config");
        Path caseFolder = dir.resolve("case");
        EncryptedFileSecretStore secrets = EncryptedFileSecretStore.at(config.resolve(SecretStores.FILE), EncryptedFileSecretStore.MIN_ITERATIONS);
        secrets.unlock(PASSPHRASE.toCharArray());
        ConnectionStore connections = new ConnectionStore(config, secrets);
        ConnectionTarget target = new ConnectionTarget("db1", "prod", ConnectionKind.MYSQL, "db1.example", 3306, "triage",
                Map.of("tls", "true"));
        connections.save(target, PASSWORD.toCharArray());
        assertThat(connections.password("db1")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo(PASSWORD));

        DefaultServiceRegistry registry = new DefaultServiceRegistry();
        registry.register(ReportContributor.class, new ConnectionsContributor(connections, secrets));
        try (Case c = Case.create(caseFolder, "incident", List.of()); Sandbox sandbox = new Sandbox(Duration.ofSeconds(10))) {
            ReportRequest request = new ReportRequest(c, Instant.now());
            request.findings().save(new Finding(Severity.WARNING, "Login failures on " + target.name(),
                    List.of(Evidence.line(target.toString()), Evidence.metric("store", secrets.toString())), "Rotate the password",
                    new FindingSource("diag-mysql", target.host() + ":" + target.port(), Instant.now())));
            Report report = new ReportBuilder(registry, sandbox).build("Incident", request);
            new MarkdownReportWriter().write(report, caseFolder.resolve("reports/r1"));
            new JsonReportWriter().write(report, caseFolder.resolve("reports/r1"));
            assertThat(Files.readString(caseFolder.resolve("reports/r1/report.md"))).contains("db1.example", "Login failures on prod");
        }

        List<Path> scanned = files(config, caseFolder);
        assertThat(scanned).extracting(p -> p.getFileName().toString())
                .contains("secrets.json", "connections.json", "case.duckdb", "report.md", "report.json");
        for (Path f : scanned) {
            assertThat(leaks(Files.readAllBytes(f), PASSWORD)).as("password in %s", f).isEmpty();
            assertThat(leaks(Files.readAllBytes(f), PASSPHRASE)).as("passphrase in %s", f).isEmpty();
        }
        for (ILoggingEvent e : logs.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(PASSWORD, PASSPHRASE);
        }
    }

    @Test
    void theScanFindsAPlantedPasswordInEveryEncodingItChecks() throws Exception {
        for (String encoding : List.of("UTF-8", "UTF-16LE", "UTF-16BE", "BASE64")) {
            byte[] planted = encoding.equals("BASE64")
                    ? Base64.getEncoder().encode(PASSWORD.getBytes(StandardCharsets.UTF_8))
                    : PASSWORD.getBytes(Charset.forName(encoding));
            byte[] file = ("prefix " + new String(planted, StandardCharsets.ISO_8859_1) + " suffix").getBytes(StandardCharsets.ISO_8859_1);

            assertThat(leaks(file, PASSWORD)).containsExactly(encoding);
        }
    }

    /** Lists the encodings in which the text occurs in the bytes. */
    private static List<String> leaks(byte[] content, String text) {
        String haystack = new String(content, StandardCharsets.ISO_8859_1);
        List<String> found = new ArrayList<>();
        for (String encoding : List.of("UTF-8", "UTF-16LE", "UTF-16BE")) {
            if (haystack.contains(new String(text.getBytes(Charset.forName(encoding)), StandardCharsets.ISO_8859_1))) {
                found.add(encoding);
            }
        }
        if (haystack.contains(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)))) {
            found.add("BASE64");
        }
        return found;
    }

    private static List<Path> files(Path... roots) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path r : roots) {
            try (Stream<Path> all = Files.walk(r)) {
                all.filter(Files::isRegularFile).forEach(out::add);
            }
        }
        return out;
    }

    /** A report section listing saved connections the way a plugin would, with the secret store at hand. */
    private record ConnectionsContributor(ConnectionStore connections, SecretStore secrets) implements ReportContributor {

        @Override
        public String name() {
            return "Connections";
        }

        @Override
        public List<ReportSection> contribute(ReportRequest request) throws Exception {
            List<List<String>> rows = new ArrayList<>();
            for (ConnectionTarget t : connections.list()) {
                rows.add(List.of(t.name(), t.kind().name(), t.host() + ":" + t.port(), t.user(), t.options().toString(), t.toString()));
            }
            return List.of(new ReportSection("Connections", List.of(
                    new Block.Paragraph("Secrets kept in " + secrets),
                    new Block.Table(List.of("name", "kind", "address", "user", "options", "target"), rows),
                    new Block.FindingsBlock(request.findings().list()))));
        }
    }
}
