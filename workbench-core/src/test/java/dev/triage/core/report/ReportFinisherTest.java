package dev.triage.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.service.DefaultServiceRegistry;
import dev.triage.core.service.ServiceRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFinisherTest {

    @TempDir
    Path dir;

    @Test
    void appliesEveryFinisherInOrderAndKeepsTheReportWithoutOne() throws Exception {
        ServiceRegistry registry = new DefaultServiceRegistry();
        Report built = new Report("r", Instant.parse("2026-11-23T12:00:00Z"), List.of(ReportSection.of("A"), ReportSection.of("B")));
        try (Case c = Case.create(dir.resolve("case"), "c", List.of())) {
            ReportRequest request = new ReportRequest(c, built.generated());
            assertThat(ReportFinisher.finishAll(registry, request, built)).isSameAs(built);
            registry.register(ReportFinisher.class, (rq, r) -> new Report(r.title(), r.generated(), r.sections().subList(1, 2)));
            registry.register(ReportFinisher.class, (rq, r) -> new Report(r.title() + " for " + rq.currentCase().name(), r.generated(),
                    r.sections()));
            Report out = ReportFinisher.finishAll(registry, request, built);
            assertThat(out.title()).isEqualTo("r for c");
            assertThat(out.sections()).extracting(ReportSection::title).containsExactly("B");
        }
    }
}
