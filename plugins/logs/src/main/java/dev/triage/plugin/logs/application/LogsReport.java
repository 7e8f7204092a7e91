package dev.triage.plugin.logs.application;

import dev.triage.core.report.Block;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import java.util.ArrayList;
import java.util.List;

/** Contributes the logs section to the case report: summary, important events, facts and notes. */
public final class LogsReport implements ReportContributor {

    private final LogQueries queries;

    /**
     * Creates the contributor.
     *
     * @param queries where the data comes from
     */
    public LogsReport(LogQueries queries) {
        this.queries = queries;
    }

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public List<ReportSection> contribute(ReportRequest request) throws Exception {
        LogsReportData d = queries.report(request.currentCase());
        return d.files().isEmpty() ? List.of() : List.of(section(d));
    }

    /**
     * Builds the section.
     *
     * @param d the data
     * @return the section with its subsections
     */
    public static ReportSection section(LogsReportData d) {
        List<List<String>> files = new ArrayList<>();
        for (FileRow f : d.files()) {
            files.add(List.of(f.name(), orDash(f.encoding()), orDash(f.formats()), orDash(f.zone()),
                    Long.toString(f.lines()), Long.toString(f.entries()), orDash(f.first()), orDash(f.last()),
                    f.status() + (f.problem() == null ? "" : ": " + f.problem())));
        }
        List<ReportSection> subs = new ArrayList<>();
        subs.add(new ReportSection("Summary", List.of(
                new Block.Paragraph(d.first() == null
                        ? d.files().size() + " log files without time stamps; times below in " + d.zone() + "."
                        : d.files().size() + " log files from " + d.first() + " to " + d.last() + " (UTC); times below in "
                                + d.zone() + "."),
                new Block.Table(List.of("file", "encoding", "formats", "zone", "lines", "entries", "first", "last", "status"), files))));
        if (!d.events().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (TimelineRow r : d.events()) {
                rows.add(List.of(r.time(), r.file() + ":" + r.line(), r.level(), r.message()));
            }
            subs.add(new ReportSection("Important events", List.of(new Block.Table(List.of("time", "where", "level", "message"), rows))));
        }
        if (!d.facts().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (FactCount c : d.facts()) {
                rows.add(List.of(c.rule(), c.severity(), c.file(), Long.toString(c.count()), orDash(c.first()), orDash(c.last())));
            }
            subs.add(new ReportSection("Facts", List.of(new Block.Table(List.of("rule", "severity", "file", "count", "first", "last"), rows))));
        }
        if (!d.notes().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (NoteRow n : d.notes()) {
                rows.add(List.of(orDash(n.time()), n.file() + ":" + n.line(), n.kind(), n.key() == null ? "" : n.key(),
                        n.text() == null ? "" : n.text()));
            }
            subs.add(new ReportSection("Notes and bookmarks", List.of(new Block.Table(List.of("time", "where", "kind", "key", "text"), rows))));
        }
        return new ReportSection("Server logs", List.of(), subs);
    }

    /** A missing value shows as a dash, never as "null". */
    private static String orDash(Object value) {
        return value == null || String.valueOf(value).isEmpty() ? "–" : String.valueOf(value);
    }
}
