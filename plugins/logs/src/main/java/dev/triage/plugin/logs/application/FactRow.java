package dev.triage.plugin.logs.application;

/**
 * One stored fact.
 *
 * @param time its entry's time (ISO-8601 UTC), or null
 * @param file the file name
 * @param line the entry's first line
 * @param rule the rule
 * @param severity the severity
 * @param fields the fields as JSON
 * @param text the entry's first line
 */
public record FactRow(String time, String file, long line, String rule, String severity, String fields, String text) {
}
