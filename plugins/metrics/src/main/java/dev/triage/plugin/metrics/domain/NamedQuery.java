package dev.triage.plugin.metrics.domain;

/**
 * One chart of a query set: a title and its PromQL.
 *
 * @param title the chart title, e.g. "CPU busy %"
 * @param promql the query
 */
public record NamedQuery(String title, String promql) {
}
