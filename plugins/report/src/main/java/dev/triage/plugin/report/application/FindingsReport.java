package dev.triage.plugin.report.application;

import dev.triage.core.finding.Finding;
import dev.triage.core.finding.Severity;
import dev.triage.core.report.Block;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Contributes every finding of the case by severity, whichever plugin made it (diagnostics, logs, alerts, DDL checks, RCA). */
public final class FindingsReport implements ReportContributor {

    private final String title;
    private final List<String> headers;

    /**
     * Creates the contributor.
     *
     * @param title the section title
     * @param headers the count table's headers: severity, plugin, count
     */
    public FindingsReport(String title, List<String> headers) {
        this.title = title;
        this.headers = List.copyOf(headers);
    }

    @Override
    public String name() {
        return title;
    }

    @Override
    public List<ReportSection> contribute(ReportRequest request) throws Exception {
        List<Finding> findings = request.findings().list();
        if (findings.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Finding f : findings) {
            counts.merge((Severity.values().length - f.severity().ordinal()) + "\u0000" + f.severity() + "\u0000" + f.source().pluginId(),
                    1, Integer::sum);
        }
        List<List<String>> rows = new ArrayList<>();
        counts.forEach((k, n) -> {
            String[] p = k.split("\u0000");
            rows.add(List.of(p[1], p[2], String.valueOf(n)));
        });
        return List.of(ReportSection.of(title, new Block.Table(headers, rows), new Block.FindingsBlock(findings)));
    }
}
