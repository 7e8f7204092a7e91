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

    /**
     * Opens the merged timeline under filters for paging by row number.
     *
     * @param c the case
     * @param args the filters (limit and cursor are ignored)
     * @return the window; close it when the filters change
     * @throws Exception when an argument is wrong or the database fails
     */
    TimelineWindow window(Case c, TimelineArgs args) throws Exception;

    /**
     * Counts entries per file in equal time buckets.
     *
     * @param c the case
     * @param args the filters (the since/until range is bucketed; the whole span when absent)
     * @param buckets how many buckets
     * @return the non-empty buckets
     * @throws Exception when the database fails
     */
    java.util.List<DensityBin> density(Case c, TimelineArgs args, int buckets) throws Exception;

    /**
     * Reads the lines around a line of a file.
     *
     * @param c the case
     * @param fileId the file
     * @param line the line
     * @param before lines before
     * @param after lines after
     * @return the lines, each as its number, a tab and its text
     * @throws Exception when the file cannot be read
     */
    java.util.List<String> context(Case c, int fileId, long line, int before, int after) throws Exception;

    /**
     * Searches the case's logs.
     *
     * @param c the case
     * @param args the query
     * @param ctx cancellation
     * @return the hits
     * @throws Exception when the query is wrong or a file cannot be read
     */
    SearchResult search(Case c, SearchArgs args, dev.triage.core.task.TaskContext ctx) throws Exception;

    /**
     * Keeps a note or bookmark on a line of the open case.
     *
     * @param args the note
     * @return the stored note
     * @throws Exception when the line is unknown
     */
    NoteRow remember(RememberArgs args) throws Exception;

    /**
     * Reads the timeline filters the view last applied in a case.
     *
     * @param c the case
     * @return filter name to value (since, until, level, file, text, fact)
     * @throws Exception when the database fails
     */
    java.util.Map<String, String> viewFilters(Case c) throws Exception;

    /**
     * Keeps the timeline filters the view applied, so the case reopens on them.
     *
     * @param c the case
     * @param filters filter name to value; blank values are removed
     * @throws Exception when the database fails
     */
    void saveViewFilters(Case c, java.util.Map<String, String> filters) throws Exception;
}
