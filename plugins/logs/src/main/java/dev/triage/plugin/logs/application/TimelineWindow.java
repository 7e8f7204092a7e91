package dev.triage.plugin.logs.application;

import java.util.List;

/**
 * The merged timeline under one set of filters, read a page at a time by row number, so a view can scroll millions of
 * entries while holding only the pages on screen.
 */
public interface TimelineWindow extends AutoCloseable {

    /**
     * Returns how many entries pass the filters.
     *
     * @return the row count
     */
    long size();

    /**
     * Reads rows by position in time order.
     *
     * @param from the first row, 0-based
     * @param count how many rows
     * @return the rows (fewer at the end)
     * @throws Exception when the database fails
     */
    List<TimelineRow> rows(long from, int count) throws Exception;

    /**
     * Finds the first row at or after a time.
     *
     * @param micros the time
     * @return its position, or {@link #size()} when every row is earlier
     * @throws Exception when the database fails
     */
    long positionOf(long micros) throws Exception;

    /**
     * Finds the row of the entry that holds a line of a file (the entry starting at or before that line).
     *
     * @param fileName the file's name as the timeline shows it
     * @param line the 1-based line
     * @return its position, or -1 when that file has no entry at or before the line under the filters
     * @throws Exception when the database fails
     */
    long positionOfLine(String fileName, long line) throws Exception;

    @Override
    void close();
}
