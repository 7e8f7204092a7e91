package dev.triage.plugin.rca.infrastructure;

import dev.triage.core.report.Block;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import dev.triage.plugin.rca.domain.EvidenceItem;
import dev.triage.plugin.rca.domain.Hypothesis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Contributes the root-cause hypotheses to the case report, each with its evidence and the links to it. */
public final class RcaReport implements ReportContributor {

    private final CaseAnalyser analyser;
    private final String title;

    /**
     * Creates the contributor.
     *
     * @param analyser runs the rules
     * @param title the section title
     */
    public RcaReport(CaseAnalyser analyser, String title) {
        this.analyser = analyser;
        this.title = title;
    }

    @Override
    public String name() {
        return title;
    }

    @Override
    public List<ReportSection> contribute(ReportRequest request) throws Exception {
        RcaResult r = analyser.analyse(request.currentCase());
        if (r.hypotheses().isEmpty()) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        List<ReportSection> subs = new ArrayList<>();
        for (Hypothesis h : r.hypotheses()) {
            String conf = String.format(Locale.ROOT, "%.0f%%", h.confidence() * 100);
            rows.add(List.of(conf, h.rule().title(), h.from() == null ? "" : h.from() + " .. " + h.to(), h.rule().id()));
            List<List<String>> ev = new ArrayList<>();
            for (Hypothesis.Match m : h.evidence()) {
                for (EvidenceItem i : m.items().stream().limit(10).toList()) {
                    ev.add(List.of(m.spec().describe(), i.at() == null ? "" : i.at().toString(), i.text(), i.ref()));
                }
            }
            subs.add(new ReportSection(conf + " " + h.rule().title(), List.of(new Block.Paragraph(h.rule().explanation()),
                    new Block.Table(List.of("Evidence", "Time", "What", "Link"), ev),
                    new Block.Paragraph("Suggestion: " + h.rule().suggestion()))));
        }
        return List.of(new ReportSection(title, List.of(new Block.Paragraph(
                "Hypotheses from the root-cause rules (docs/rca-rules.md), most confident first."),
                new Block.Table(List.of("Confidence", "Hypothesis", "Window", "Rule"), rows)), subs));
    }
}
