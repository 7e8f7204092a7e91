package dev.triage.plugin.metrics.application;

import dev.triage.core.command.CommandOutput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What {@code metrics.fetch} brought into the case.
 *
 * @param source the server
 * @param from the window's start
 * @param to the window's end
 * @param step the step
 * @param queries one line per query
 * @param series how many series were stored
 * @param points how many points were stored
 * @param millis how long it took
 */
public record FetchResult(String source, Instant from, Instant to, Duration step, List<QueryResult> queries, long series, long points,
        long millis) implements CommandOutput {

    /**
     * One query's outcome.
     *
     * @param title the chart title
     * @param promql the query
     * @param series how many series it returned
     * @param points how many points
     * @param error the server's error, or null
     */
    public record QueryResult(String title, String promql, int series, long points, String error) {
    }

    /** Copies the list. */
    public FetchResult {
        queries = List.copyOf(queries);
    }

    @Override
    public String text() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Fetched %d series, %d points from %s, %s .. %s, step %ss, in %.1f s%n",
                series, points, source, from, to, step.toMillis() / 1000.0, millis / 1000.0));
        for (QueryResult q : queries) {
            b.append(q.error() == null ? String.format(Locale.ROOT, "  %-40s %5d series %9d points%n", q.title(), q.series(), q.points())
                    : String.format(Locale.ROOT, "  %-40s FAILED: %s%n", q.title(), q.error()));
        }
        return b.toString();
    }

    @Override
    public int exitCode() {
        return queries.stream().allMatch(q -> q.error() != null) && !queries.isEmpty() ? 1 : 0;
    }
}
