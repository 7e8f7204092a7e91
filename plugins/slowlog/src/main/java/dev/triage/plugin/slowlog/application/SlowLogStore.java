package dev.triage.plugin.slowlog.application;

import dev.triage.core.cases.Case;
import dev.triage.core.task.TaskContext;
import java.nio.file.Path;
import java.util.List;

/** Where slow-query events are stored and digested (DuckDB in the infrastructure layer). */
public interface SlowLogStore {

    /**
     * Parses files into a temporary store and digests them, without a case.
     *
     * @param files the slow logs, plain or gzip
     * @param query the order and limit
     * @param context progress and cancellation
     * @return the top classes
     * @throws Exception when a file cannot be read or the store fails
     */
    List<DigestRow> digestFiles(List<Path> files, DigestQuery query, TaskContext context) throws Exception;

    /**
     * Parses two sets of files into a temporary store and compares their classes.
     *
     * @param a the baseline slow logs
     * @param b the slow logs to compare with the baseline
     * @param limit how many classes to return, biggest absolute change of total time first
     * @param context progress and cancellation
     * @return the classes that changed most
     * @throws Exception when a file cannot be read or the store fails
     */
    List<CompareRow> compareFiles(List<Path> a, List<Path> b, int limit, TaskContext context) throws Exception;

    /**
     * Compares the classes of two time windows of a case and keeps the result in the case for its report.
     *
     * @param c the case
     * @param before the baseline window
     * @param after the window to compare with it
     * @param limit how many classes to return, biggest absolute change of total time first
     * @return the classes that changed most
     * @throws Exception when the case database cannot be read or written
     */
    List<CompareRow> compareCase(Case c, DigestFilter before, DigestFilter after, int limit) throws Exception;

    /**
     * Buckets the executions of several classes of a case over one common time range, for the report's chart.
     *
     * @param c the case
     * @param checksums the class ids
     * @param buckets how many buckets the range is cut into at most
     * @return per class id, its buckets oldest first (classes without timestamps are absent)
     * @throws Exception when the case database cannot be read
     */
    java.util.Map<String, List<TimelinePoint>> timelines(Case c, List<String> checksums, int buckets) throws Exception;

    /**
     * Returns the comparison last made in a case, for its report.
     *
     * @param c the case
     * @return the rows and what was compared, or empty when none was made
     * @throws Exception when the case database cannot be read
     */
    java.util.Optional<SavedCompare> lastCompare(Case c) throws Exception;

    /**
     * Digests the slow-query events imported into a case.
     *
     * @param c the case
     * @param query the order and limit
     * @return the top classes, empty when nothing was imported
     * @throws Exception when the case database cannot be read
     */
    List<DigestRow> digestCase(Case c, DigestQuery query) throws Exception;

    /**
     * Buckets the executions of one query class of a case over time, for a query-time-over-time chart.
     *
     * @param c the case
     * @param checksum the class id
     * @param filter which events to look at
     * @param buckets how many buckets the time range of the class is cut into at most
     * @return the buckets that hold executions, oldest first; empty when the class has none with a timestamp
     * @throws Exception when the case database cannot be read
     */
    List<TimelinePoint> timelineCase(Case c, DigestGroup group, String key, DigestFilter filter, int buckets) throws Exception;
}
