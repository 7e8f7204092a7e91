package dev.triage.core.report;

import java.util.List;
import java.util.Objects;

/**
 * A titled part of a report, with its blocks and optional subsections.
 *
 * @param title the section title
 * @param blocks the content, in order
 * @param subsections nested sections, written after the blocks
 */
public record ReportSection(String title, List<Block> blocks, List<ReportSection> subsections) {

    /** Checks the title and copies the lists. */
    public ReportSection {
        Objects.requireNonNull(title, "section title");
        blocks = List.copyOf(blocks);
        subsections = subsections == null ? List.of() : List.copyOf(subsections);
    }

    /**
     * Makes a section without subsections.
     *
     * @param title the section title
     * @param blocks the content
     */
    public ReportSection(String title, List<Block> blocks) {
        this(title, blocks, List.of());
    }

    /**
     * Makes a section without subsections from blocks given inline.
     *
     * @param title the section title
     * @param blocks the content
     * @return the section
     */
    public static ReportSection of(String title, Block... blocks) {
        return new ReportSection(title, List.of(blocks));
    }
}
