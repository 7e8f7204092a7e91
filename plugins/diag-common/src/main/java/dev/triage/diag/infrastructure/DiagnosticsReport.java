package dev.triage.diag.infrastructure;

import dev.triage.core.finding.Finding;
import dev.triage.core.report.Block;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Adds the middleware diagnostics' findings to the case report, one subsection per diagnosed target. */
public final class DiagnosticsReport implements ReportContributor {

    /** The plugins whose findings this section shows. */
    public static final Set<String> PLUGINS = Set.of("mysql-diagnostics", "redis-diagnostics", "kafka-diagnostics");

    @Override
    public String name() {
        return "Middleware diagnostics";
    }

    @Override
    public List<ReportSection> contribute(ReportRequest request) throws Exception {
        Map<String, List<Finding>> byTarget = new LinkedHashMap<>();
        for (Finding f : request.findings().list()) {
            if (PLUGINS.contains(f.source().pluginId())) {
                byTarget.computeIfAbsent(f.source().pluginId() + ": " + f.source().target(), k -> new ArrayList<>()).add(f);
            }
        }
        if (byTarget.isEmpty()) {
            return List.of();
        }
        List<ReportSection> subsections = new ArrayList<>();
        byTarget.forEach((target, findings) -> subsections.add(ReportSection.of(target, new Block.FindingsBlock(findings))));
        return List.of(new ReportSection(name(), List.of(new Block.Paragraph(
                "Findings of the MySQL, Redis and Kafka diagnostics, most serious first, by target."
                + " Thresholds: docs/diagnostics-rules.md.")), subsections));
    }
}
