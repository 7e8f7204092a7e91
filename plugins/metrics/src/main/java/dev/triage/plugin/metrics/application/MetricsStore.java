package dev.triage.plugin.metrics.application;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.ImportSession;
import dev.triage.plugin.metrics.domain.NamedQuery;
import dev.triage.plugin.metrics.domain.Series;
import dev.triage.plugin.metrics.domain.SeriesKey;
import java.util.List;
import java.util.function.Predicate;

/** Where the case keeps its metric series and samples. */
public interface MetricsStore {

    /**
     * Writes series into the case inside an import; points of the same series in the same time span are replaced.
     *
     * @param session the import
     * @param source where they come from (a file name or the Prometheus URL)
     * @param query the PromQL that returned them, empty for expositions
     * @param series the series
     * @return the number of points written
     * @throws Exception when the database refuses
     */
    long save(ImportSession session, String source, String query, List<Series> series) throws Exception;

    /**
     * Records a query fetched into the case (the report and the view chart them in this order).
     *
     * @param session the import
     * @param pos its position in the set
     * @param query the title and PromQL
     * @param source where it was fetched from
     * @param stepSeconds the step used
     * @throws Exception when the database refuses
     */
    void saveQuery(ImportSession session, int pos, NamedQuery query, String source, double stepSeconds) throws Exception;

    /**
     * Returns the series stored in the case.
     *
     * @param c the case
     * @return their keys
     * @throws Exception when the database refuses
     */
    List<SeriesKey> keys(Case c) throws Exception;

    /**
     * Loads the series that match, with their points in a time window.
     *
     * @param c the case
     * @param which which series
     * @param fromMillis the start, or Long.MIN_VALUE
     * @param toMillis the end, or Long.MAX_VALUE
     * @return the series
     * @throws Exception when the database refuses
     */
    List<Series> load(Case c, Predicate<SeriesKey> which, long fromMillis, long toMillis) throws Exception;

    /**
     * Loads the series imported from files (expositions, saved query results), not those fetched by a query.
     *
     * @param c the case
     * @param fromMillis the start, or Long.MIN_VALUE
     * @param toMillis the end, or Long.MAX_VALUE
     * @return the series
     * @throws Exception when the database refuses
     */
    List<Series> loadImported(Case c, long fromMillis, long toMillis) throws Exception;

    /**
     * Loads the series a fetched query returned.
     *
     * @param c the case
     * @param promql the query's text
     * @param fromMillis the start, or Long.MIN_VALUE
     * @param toMillis the end, or Long.MAX_VALUE
     * @return the series
     * @throws Exception when the database refuses
     */
    List<Series> loadQuery(Case c, String promql, long fromMillis, long toMillis) throws Exception;

    /**
     * Returns the queries fetched into the case, latest fetch of each PromQL, in set order.
     *
     * @param c the case
     * @return the queries
     * @throws Exception when the database refuses
     */
    List<NamedQuery> queries(Case c) throws Exception;
}
