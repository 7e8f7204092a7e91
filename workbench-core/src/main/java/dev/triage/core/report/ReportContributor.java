package dev.triage.core.report;

import java.util.List;

/** Adds sections to reports; plugins register implementations in the ServiceRegistry. */
public interface ReportContributor {

    /**
     * Returns the name shown as the section title when this contributor fails.
     *
     * @return a short name, such as {@code "MySQL diagnostics"}
     */
    String name();

    /**
     * Produces this contributor's sections for a report.
     *
     * @param request the case and generation time
     * @return the sections, possibly none
     * @throws Exception when the sections cannot be produced; the report then shows a short error in their place
     */
    List<ReportSection> contribute(ReportRequest request) throws Exception;
}
