package dev.triage.plugin.metrics.application;

/**
 * Arguments of {@code metrics.chart}.
 *
 * @param query a stored query's title or PromQL, or a selector such as {@code node_load1{instance="a:9100"}}
 * @param png the PNG file to write
 * @param since the window's start; default the first point
 * @param until the window's end; default the last point
 * @param log true for a logarithmic value axis
 * @param rate true to chart counters as per-second rates (counter resets handled)
 * @param width the width in pixels (default 1000)
 * @param height the height in pixels (default 500)
 */
public record ChartArgs(String query, String png, String since, String until, Boolean log, Boolean rate, Integer width,
        Integer height) {
}
