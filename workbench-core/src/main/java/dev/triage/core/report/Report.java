package dev.triage.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A report document, written as Markdown with assets or as JSON.
 *
 * @param title the report title
 * @param generated when it was generated
 * @param sections the sections, in order
 */
public record Report(String title, Instant generated, List<ReportSection> sections) {

    /** Checks the title and time and copies the sections. */
    public Report {
        Objects.requireNonNull(title, "report title");
        Objects.requireNonNull(generated, "generation time");
        sections = List.copyOf(sections);
    }
}
