package dev.triage.plugin.logs.application;

import dev.triage.core.command.CommandOutput;
import java.util.List;

/**
 * The logs part of a case report: summary, important events, facts and notes.
 *
 * @param zone the case's zone
 * @param first the earliest entry time (ISO-8601 UTC), or null
 * @param last the latest, or null
 * @param files the files
 * @param events important events (facts of WARNING or CRITICAL, ERROR and FATAL entries, bookmarks), oldest first
 * @param facts counts per rule and file
 * @param notes notes and bookmarks
 */
public record LogsReportData(String zone, String first, String last, List<FileRow> files, List<TimelineRow> events, List<FactCount> facts,
        List<NoteRow> notes) implements CommandOutput {

    @Override
    public String markdown() {
        return LogsMarkdown.render(this);
    }

    @Override
    public String text() {
        return LogsMarkdown.render(this);
    }
}
