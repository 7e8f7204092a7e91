package dev.triage.plugin.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.ImportSummary;
import dev.triage.core.kernel.Kernel;
import dev.triage.plugin.logs.application.FileRow;
import dev.triage.plugin.logs.infrastructure.LogImporter;
import dev.triage.testkit.TestKernels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dropped files reach the logs importer through the kernel's claims; slow logs stay with the slow-log importer (claim 50). */
class LogImporterClaimTest {

    @TempDir
    Path home;

    @Test
    void claimsStampedTextLogsBelowTheSlowLogImporter() {
        LogImporter importer = new LogImporter(null, null);
        byte[] errorLog = LogsFeaturesTest.MYSQL.getBytes(StandardCharsets.UTF_8);
        byte[] slowLog = ("# Time: 2024-03-01T10:00:00.000000Z\n# User@Host: app[app] @ web1 [10.0.0.1]  Id:    42\n"
                + "# Query_time: 2.000000  Lock_time: 0.001000 Rows_sent: 1  Rows_examined: 5000\nSELECT 1;\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(importer.claim(Path.of("error.log"), errorLog)).isEqualTo(LogImporter.CLAIM).isLessThan(50).isGreaterThan(1);
        assertThat(importer.claim(Path.of("slow.log"), slowLog)).isLessThan(LogImporter.CLAIM);
        assertThat(importer.claim(Path.of("notes.bin"), new byte[] {0, 1, 2, 3, 0, 0})).isZero();
        assertThat(importer.claim(Path.of("readme.md"), "just words\n".getBytes(StandardCharsets.UTF_8))).isZero();
    }

    @Test
    void aDroppedServerLogIsIndexedByTheLogsImporter() throws Exception {
        Path log = Files.writeString(home.resolve("mysql-error.log"), LogsFeaturesTest.MYSQL);
        try (Kernel k = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = k.cases().create(home.resolve("case"), "drop");
            assertThat(k.imports().importerFor(log)).hasValueSatisfying(i -> assertThat(i.id()).isEqualTo("logs.text"));
            ImportSummary s = k.imports().importFiles(c, List.of(log)).result().get();
            assertThat(s.rows()).isEqualTo(4);
            @SuppressWarnings("unchecked")
            List<FileRow> files = (List<FileRow>) k.commands().executeText("logs.files", Map.of(), Fixtures.NONE);
            assertThat(files).singleElement().satisfies(f -> {
                assertThat(f.entries()).isEqualTo(4);
                assertThat(f.formats()).isEqualTo("ISO");
            });
        }
    }
}
