package dev.triage.core.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.finding.Finding;
import dev.triage.core.finding.FindingSource;
import dev.triage.core.finding.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagnosisTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static CategorizedFinding finding(String category, Severity s, String title) {
        return new CategorizedFinding(category, new Finding(s, title, List.of(), "", new FindingSource("redis-diagnostics", "r1", T0)));
    }

    @Test
    void capturesFindItemsByKind() {
        Capture c = new Capture("redis-diagnostics", "r1", T0, List.of(new CaptureItem("redis-info", "INFO ALL", "# Server"),
                new CaptureItem("redis-slowlog", null, "1"), new CaptureItem("redis-info", "INFO", "# Clients")));
        assertThat(c.item("redis-info")).map(CaptureItem::output).contains("# Server");
        assertThat(c.items("redis-info")).hasSize(2);
        assertThat(c.item("kafka-groups")).isEmpty();
        assertThat(c.items().get(1).command()).isEmpty();
    }

    @Test
    void worstSeverityPerCategoryAndMostSeriousFirst() {
        Capture c = new Capture("redis-diagnostics", "r1", T0, List.of());
        Diagnosis d = new Diagnosis(c, List.of(finding("memory", Severity.WARNING, "used 85 %"),
                finding("memory", Severity.CRITICAL, "evictions"), finding("replication", Severity.OK, "link up")), Map.of("used_memory", 1.0));
        assertThat(d.worst("memory")).contains(Severity.CRITICAL);
        assertThat(d.worst("replication")).contains(Severity.OK);
        assertThat(d.worst("cluster")).isEmpty();
        assertThat(d.findings("memory")).hasSize(2);
        assertThat(d.plainFindings()).extracting(Finding::title).containsExactly("evictions", "used 85 %", "link up");
        assertThat(new DiagnosticCategory("memory", null).title()).isEqualTo("memory");
    }
}
