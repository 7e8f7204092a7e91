package dev.triage.plugin.logs.application;

import dev.triage.core.cases.Case;

/** The read side of a case's logs, as the report and the view need it. */
public interface LogQueries {

    /**
     * Collects the report data of a case.
     *
     * @param c the case
     * @return the data
     * @throws Exception when the database fails
     */
    LogsReportData report(Case c) throws Exception;

    /**
     * Reads one page of the merged timeline.
     *
     * @param c the case
     * @param args filters, page size and cursor
     * @return the page
     * @throws Exception when an argument is wrong or the database fails
     */
    TimelinePage timeline(Case c, TimelineArgs args) throws Exception;
}
