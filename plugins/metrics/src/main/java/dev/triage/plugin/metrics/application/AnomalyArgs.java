package dev.triage.plugin.metrics.application;

/**
 * Arguments of {@code metrics.anomalies}.
 *
 * @param since the window's start; default the first point
 * @param until the window's end; default the last point
 * @param k how many scaled MADs from the rolling median count as anomalous (default 5)
 * @param window how many preceding points make the rolling band (default 30)
 * @param limit how many series to list (default 20)
 */
public record AnomalyArgs(String since, String until, Double k, Integer window, Integer limit) {
}
