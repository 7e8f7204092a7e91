package dev.triage.plugin.sql.application;

import java.util.List;

/** An open result read forward in pages, so a large result never sits whole in memory. */
public interface ResultCursor extends AutoCloseable {

    /**
     * Returns the columns.
     *
     * @return the columns
     */
    List<ResultColumn> columns();

    /**
     * Reads the next rows.
     *
     * @param max how many rows at most
     * @return the rows (values as the driver gives them, null for SQL NULL); fewer than max only at the end
     * @throws Exception when the read fails or was cancelled
     */
    List<Object[]> next(int max) throws Exception;

    /**
     * Tells whether every row has been read.
     *
     * @return true at the end
     */
    boolean exhausted();

    /**
     * Returns how many rows were read so far.
     *
     * @return the count
     */
    long rowsRead();

    @Override
    void close();
}
