package dev.triage.plugin.metrics.application;

import dev.triage.plugin.metrics.domain.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A live Prometheus-compatible HTTP API. */
public interface PrometheusSource {

    /**
     * Returns the server's address, for messages and the {@code source} column.
     *
     * @return the base URL
     */
    String address();

    /**
     * Runs {@code /api/v1/query_range}.
     *
     * @param promql the query
     * @param from the start
     * @param to the end
     * @param step the step
     * @param title the name given to result series without a metric name (e.g. the results of {@code rate(...)})
     * @return the series
     * @throws Exception when the server cannot be reached or refuses the query (its error message is kept)
     */
    List<Series> queryRange(String promql, Instant from, Instant to, Duration step, String title) throws Exception;

    /**
     * Runs {@code /api/v1/query_range}, handing each series over as soon as it is read (so storing can start while the
     * rest of the answer still arrives); by default it reads the whole answer first.
     *
     * @param promql the query
     * @param from the start
     * @param to the end
     * @param step the step
     * @param title the name given to result series without a metric name
     * @param sink receives the series in the answer's order
     * @throws Exception when the server cannot be reached or refuses the query (its error message is kept)
     */
    default void queryRange(String promql, Instant from, Instant to, Duration step, String title,
            java.util.function.Consumer<Series> sink) throws Exception {
        queryRange(promql, from, to, step, title).forEach(sink);
    }

    /**
     * Returns the label names ({@code /api/v1/labels}).
     *
     * @return the names
     * @throws Exception when the server cannot be reached
     */
    List<String> labels() throws Exception;

    /**
     * Returns the values of a label ({@code /api/v1/label/NAME/values}); {@code __name__} gives the metric names.
     *
     * @param label the label name
     * @return the values
     * @throws Exception when the server cannot be reached
     */
    List<String> labelValues(String label) throws Exception;

    /**
     * Returns the series matching a selector ({@code /api/v1/series}) as label maps including {@code __name__}.
     *
     * @param match the selector
     * @param from the start
     * @param to the end
     * @return the label sets
     * @throws Exception when the server cannot be reached
     */
    List<java.util.Map<String, String>> series(String match, Instant from, Instant to) throws Exception;
}
