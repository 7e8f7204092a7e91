package dev.triage.plugin.casefiles.application;

import dev.triage.core.report.Block;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import java.util.ArrayList;
import java.util.List;

/** Contributes the case notes and the list of imported files to the case report. */
public final class CaseFilesReport implements ReportContributor {

    private final CaseFileRepository repository;
    private final Titles titles;

    /**
     * The localised titles and column names of the sections.
     *
     * @param notes the notes section title
     * @param files the files section title
     * @param name the file name column
     * @param lines the content column (lines of a plain copy, rows of a plugin's import)
     * @param bytes the size column
     */
    public record Titles(String notes, String files, String name, String lines, String bytes) {
    }

    /**
     * Creates the contributor.
     *
     * @param repository where files are recorded
     * @param titles the section texts in the user's language
     */
    public CaseFilesReport(CaseFileRepository repository, Titles titles) {
        this.repository = repository;
        this.titles = titles;
    }

    @Override
    public String name() {
        return "casefiles";
    }

    @Override
    public List<ReportSection> contribute(ReportRequest request) throws Exception {
        List<ReportSection> out = new ArrayList<>();
        String notes = request.currentCase().notes().strip();
        if (!notes.isEmpty()) {
            out.add(ReportSection.of(titles.notes(), new Block.CodeBlock("markdown", notes)));
        }
        List<List<String>> rows = repository.list(request.currentCase()).stream()
                .map(f -> List.of(f.name(), f.content(), Long.toString(f.bytes()))).toList();
        if (!rows.isEmpty()) {
            out.add(ReportSection.of(titles.files(), new Block.Table(List.of(titles.name(), titles.lines(), titles.bytes()), rows)));
        }
        return out;
    }
}
