package dev.triage.plugin.ddl.api;

/**
 * One reason behind a statement's verdict, naming the table and column it is about.
 *
 * @param verdict what this change alone risks
 * @param table the table, never null
 * @param column the column, index or partition, or empty for the whole table
 * @param message why, in one sentence (e.g. "BIGINT to INT: values beyond ±2147483647 are cut")
 */
public record DdlReason(DdlVerdict verdict, String table, String column, String message) {
}
