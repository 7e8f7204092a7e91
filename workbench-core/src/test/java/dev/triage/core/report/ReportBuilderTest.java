package dev.triage.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.plugin.Sandbox;
import dev.triage.core.service.DefaultServiceRegistry;
import dev.triage.core.service.ServiceRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportBuilderTest {

    @TempDir
    Path dir;

    private static ReportContributor contributor(String name, ReportRequestFunction body) {
        return new ReportContributor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<ReportSection> contribute(ReportRequest request) throws Exception {
                return body.apply(request);
            }
        };
    }

    @FunctionalInterface
    interface ReportRequestFunction {
        List<ReportSection> apply(ReportRequest request) throws Exception;
    }

    @Test
    void aFailingOrHangingContributorBecomesAnErrorParagraphAndTheRestRender() throws Exception {
        ServiceRegistry registry = new DefaultServiceRegistry();
        registry.register(ReportContributor.class, contributor("Case", r -> List.of(
                ReportSection.of("Case " + r.currentCase().name(), new Block.Paragraph("Findings: " + r.findings().list().size())))));
        registry.register(ReportContributor.class, contributor("Broken plugin", r -> {
            throw new IllegalStateException("no data imported");
        }));
        registry.register(ReportContributor.class, contributor("Slow plugin", r -> {
            Thread.sleep(10_000);
            return List.of();
        }));
        registry.register(ReportContributor.class, contributor("Empty plugin", r -> null));
        registry.register(ReportContributor.class, contributor("Null section", r -> Arrays.asList((ReportSection) null)));
        registry.register(ReportContributor.class, contributor("Last", r -> List.of(ReportSection.of("Last section"))));

        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        try (Case c = Case.create(dir.resolve("case"), "incident-42", List.of()); Sandbox sandbox = new Sandbox(Duration.ofMillis(300))) {
            Report report = new ReportBuilder(registry, sandbox).build("Incident", new ReportRequest(c, now));

            assertThat(report.generated()).isEqualTo(now);
            assertThat(report.sections()).extracting(ReportSection::title)
                    .containsExactly("Case incident-42", "Broken plugin", "Slow plugin", "Null section", "Last section");
            assertThat(report.sections().get(0).blocks()).containsExactly(new Block.Paragraph("Findings: 0"));
            assertThat(report.sections().get(1).blocks())
                    .containsExactly(new Block.Paragraph("This section could not be produced: no data imported"));
            assertThat(((Block.Paragraph) report.sections().get(2).blocks().get(0)).text())
                    .startsWith("This section could not be produced: Report section 'Slow plugin' did not finish within 300 ms");

            assertThat(report.sections().get(3).blocks())
                    .containsExactly(new Block.Paragraph("This section could not be produced: it returned a null section"));

            Path md = new MarkdownReportWriter().write(report, c.folder().resolve("reports/1"));
            assertThat(Files.readString(md)).contains("## Broken plugin\n\nThis section could not be produced: no data imported\n",
                    "## Last section\n");
        }
    }
}
