package dev.triage.plugin.metrics.application;

import java.util.List;

/**
 * Arguments of {@code metrics.import}: metric files to import into the open case ({@code --case DIR} on the CLI).
 *
 * @param files Prometheus text expositions, saved query_range JSON or Grafana dashboards (plain or gzip)
 */
public record ImportArgs(List<String> files) {
}
