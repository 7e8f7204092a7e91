package dev.triage.plugin.rca.infrastructure;

import dev.triage.core.report.Block;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import java.util.List;

/** Contributes the known issues matching the products and versions found in the case to the report. */
public final class KnownIssueReport implements ReportContributor {

    private final KnownIssueLookup lookup;
    private final String title;

    /**
     * Creates the contributor.
     *
     * @param lookup the known-issue lookup
     * @param title the section title
     */
    public KnownIssueReport(KnownIssueLookup lookup, String title) {
        this.lookup = lookup;
        this.title = title;
    }

    @Override
    public String name() {
        return title;
    }

    @Override
    public List<ReportSection> contribute(ReportRequest request) throws Exception {
        KnownIssueLookup.Result r = lookup.run(null, request.currentCase());
        if (r.matches().isEmpty()) {
            return List.of();
        }
        List<List<String>> rows = r.matches().stream().map(m -> List.of(m.issue().id(), m.product() + " " + m.version(),
                m.issue().title(), m.issue().affected().text(), String.join(", ", m.issue().fixed()),
                String.join("\n", m.symptoms()), m.issue().link())).toList();
        return List.of(ReportSection.of(title, new Block.Paragraph("Versions found in the case: " + String.join(", ", r.detected())),
                new Block.Table(List.of("Issue", "Version", "Title", "Affected", "Fixed in", "Seen in the case", "Link"), rows)));
    }
}
