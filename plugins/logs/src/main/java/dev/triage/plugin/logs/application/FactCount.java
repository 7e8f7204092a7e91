package dev.triage.plugin.logs.application;

/**
 * How often a rule matched in a file.
 *
 * @param rule the rule
 * @param severity its severity
 * @param file the file name
 * @param count the number of facts
 * @param first the first time (ISO-8601 UTC) or null
 * @param last the last time or null
 */
public record FactCount(String rule, String severity, String file, long count, String first, String last) {
}
