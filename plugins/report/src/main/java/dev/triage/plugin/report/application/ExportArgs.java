package dev.triage.plugin.report.application;

/**
 * Arguments of {@code triage report --case C [--out DIR] [--as md,json,html]}.
 *
 * @param out the output folder; {@code reports/<time>} in the case when absent
 * @param as the formats, comma-separated: md, json, html; all three when absent
 */
public record ExportArgs(String out, String as) {
}
