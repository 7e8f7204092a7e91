package dev.triage.plugin.ddl.application;

import dev.triage.core.report.Block;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import java.util.ArrayList;
import java.util.List;

/** Contributes the statements checked in the case, with their verdicts, to the case report. */
public final class DdlReport implements ReportContributor {

    private final DdlCheckStore store;
    private final String title;
    private final String intro;
    private final List<String> columns;

    /**
     * Creates the contributor.
     *
     * @param store the case's checks
     * @param title the section title
     * @param intro the sentence before the table
     * @param columns the column names: checked at, line, verdict, statement, reasons
     */
    public DdlReport(DdlCheckStore store, String title, String intro, List<String> columns) {
        this.store = store;
        this.title = title;
        this.intro = intro;
        this.columns = List.copyOf(columns);
    }

    @Override
    public String name() {
        return "ddl";
    }

    @Override
    public List<ReportSection> contribute(ReportRequest request) throws Exception {
        List<DdlCheckStore.StoredCheck> checks = store.load(request.currentCase());
        if (checks.isEmpty()) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        for (DdlCheckStore.StoredCheck c : checks) {
            rows.add(List.of(c.checkedAt().toString(), Integer.toString(c.line()), c.verdict(),
                    c.statement().strip().replaceAll("\\s+", " "), c.reasons().replace('\n', ';')));
        }
        return List.of(new ReportSection(title, List.of(new Block.Paragraph(intro), new Block.Table(columns, rows))));
    }
}
