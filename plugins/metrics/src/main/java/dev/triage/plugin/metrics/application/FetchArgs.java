package dev.triage.plugin.metrics.application;

import java.util.List;

/**
 * Arguments of {@code metrics.fetch}.
 *
 * @param prometheus the server's URL, e.g. {@code http://127.0.0.1:9090}; or give {@code connection}
 * @param connection the id of a saved PROMETHEUS connection (its password or token comes from the SecretStore)
 * @param querySet a shipped set (node, tidb, mysql, redis, kafka, prometheus), a file of {@code Title = PromQL} lines,
 *     a Grafana dashboard JSON, or {@code case} for the dashboards imported into the case
 * @param query extra PromQL queries to fetch, each its own chart (the positional arguments on the CLI)
 * @param since the window's start (ISO-8601, epoch seconds, {@code -1h}); without since and until, the case's incident
 *     window; else one hour before {@code until}
 * @param until the window's end; default now
 * @param step the step, e.g. {@code 15s}; default chosen from the window
 * @param maxPoints the most points per series when the step is chosen (default and maximum 11,000)
 */
public record FetchArgs(String prometheus, String connection, String querySet, List<String> query, String since, String until,
        String step, Integer maxPoints) {
}
