package dev.triage.plugin.casefiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.ImportSummary;
import dev.triage.core.kernel.Kernel;
import dev.triage.plugin.casefiles.application.CaseFile;
import dev.triage.testkit.TestKernels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseFilesPluginTest {

    @TempDir
    Path home;

    @Test
    void importsAnyFileIntoTheCaseAndListsIt() throws Exception {
        Path slow = Files.writeString(home.resolve("slow.log"), "# Time: 1\nSELECT 1;\nSELECT 2;\n");
        Path gbk = Files.write(home.resolve("错误日志.txt"), "主从复制中断\n".getBytes("GBK"));
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(5)).startPlugins()) {
            Case c = kernel.cases().create(home.resolve("case"), "demo");
            ImportSummary s = kernel.imports().importFiles(c, List.of(slow, gbk)).result().get();
            assertThat(s.files()).isEqualTo(2);
            @SuppressWarnings("unchecked")
            List<CaseFile> files = (List<CaseFile>) kernel.commands().execute("casefiles.list", null, null);
            assertThat(files).extracting(CaseFile::name).containsExactlyInAnyOrder("slow.log", "错误日志.txt");
            assertThat(files).filteredOn(f -> f.name().equals("slow.log")).singleElement()
                    .satisfies(f -> assertThat(f.lines()).isEqualTo(3));
            assertThat(Files.readString(c.sources().resolve(s.importId()).resolve("slow.log"), StandardCharsets.UTF_8))
                    .startsWith("# Time: 1");
        }
    }

    @Test
    void listsFilesThatAnotherPluginImportedWithoutALineCount() throws Exception {
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(5)).startPlugins()) {
            kernel.services().register(dev.triage.core.imports.FileImporter.class, new dev.triage.core.imports.FileImporter() {
                @Override
                public String id() {
                    return "test.strong";
                }

                @Override
                public int claim(Path file, byte[] head) {
                    return file.toString().endsWith(".slow") ? 50 : 0;
                }

                @Override
                public void importFile(Path file, dev.triage.core.cases.ImportSession session) throws Exception {
                    session.stage(file);
                    session.addRows(7);
                }
            });
            Path slow = Files.writeString(home.resolve("db1.slow"), "# Time: 1\n");
            Case c = kernel.cases().create(home.resolve("case"), "demo");
            kernel.imports().importFiles(c, List.of(slow)).result().get();
            @SuppressWarnings("unchecked")
            List<CaseFile> files = (List<CaseFile>) kernel.commands().execute("casefiles.list", null, null);
            assertThat(files).singleElement().satisfies(f -> {
                assertThat(f.name()).isEqualTo("db1.slow");
                assertThat(f.bytes()).isEqualTo(10);
                assertThat(f.lines()).isNull();
                assertThat(f.importer()).isEqualTo("test.strong");
                assertThat(f.rows()).isEqualTo(7);
                assertThat(f.content()).isEqualTo("7 rows · test.strong");
            });
        }
    }

    @Test
    void aMissingFileFailsTheWholeImportAndKeepsTheCase() throws Exception {
        Path ok = Files.writeString(home.resolve("ok.log"), "x\n");
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(5)).startPlugins()) {
            Case c = kernel.cases().create(home.resolve("case"), "demo");
            var h = kernel.imports().importFiles(c, List.of(ok, home.resolve("missing.log")));
            assertThatThrownBy(() -> h.result().get()).hasMessageContaining("missing.log");
            assertThat(c.imports()).isEmpty();
            assertThat(kernel.commands().execute("casefiles.list", null, null)).asList().isEmpty();
        }
    }
}
