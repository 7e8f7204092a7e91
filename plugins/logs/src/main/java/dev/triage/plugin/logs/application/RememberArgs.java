package dev.triage.plugin.logs.application;

/**
 * Arguments of {@code logs.remember}: a note or bookmark on a line, kept in the case and listed in the report.
 *
 * @param file the file (name or id)
 * @param line the line number
 * @param kind note (default) or bookmark
 * @param key an optional key, for key/value notes
 * @param text the note text
 */
public record RememberArgs(String file, Long line, String kind, String key, String text) {
}
