package dev.triage.plugin.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.report.Block;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.ddl.api.DdlCheckRequest;
import dev.triage.plugin.ddl.api.DdlChecker;
import dev.triage.plugin.ddl.api.DdlVerdict;
import dev.triage.plugin.ddl.application.LossyDdlReport;
import dev.triage.testkit.TestKernels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DdlPluginTest {

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
    void publishesTheCheckerInTheRegistry() {
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            DdlChecker checker = kernel.services().find(DdlChecker.class).orElseThrow();
            assertThat(checker.check(DdlCheckRequest.mysql("DROP TABLE t")).worst()).isEqualTo(DdlVerdict.DESTRUCTIVE);
        }
    }

    @Test
    void theCommandRecordsItsChecksInTheOpenCaseForTheReport() throws Exception {
        Path ddl = Files.writeString(home.resolve("ddl.sql"), "CREATE TABLE t (a BIGINT);\nALTER TABLE t MODIFY a INT;\n");
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = kernel.cases().create(home.resolve("case"), "demo");
            Predicate<ReportSection> ddlSection = s -> s.blocks().size() == 2 && s.blocks().get(1) instanceof Block.Table t
                    && t.headers().size() == 5;
            assertThat(kernel.reports().build("demo", new ReportRequest(c, Instant.now())).sections()).noneMatch(ddlSection);
            LossyDdlReport report = (LossyDdlReport) kernel.commands().executeText("check.lossy-ddl", Map.of("file", ddl.toString()), NONE);
            assertThat(report.exitCode()).isEqualTo(1);
            ReportSection section = kernel.reports().build("demo", new ReportRequest(c, Instant.now())).sections().stream()
                    .filter(ddlSection).findFirst().orElseThrow();
            Block.Table table = (Block.Table) section.blocks().get(1);
            assertThat(table.rows()).hasSize(2);
            assertThat(table.rows().get(1)).containsSubsequence("2", "LOSSY", "ALTER TABLE t MODIFY a INT");
            assertThat(table.rows().get(1).get(4)).contains("t.a: BIGINT to INT");
        }
    }
}
