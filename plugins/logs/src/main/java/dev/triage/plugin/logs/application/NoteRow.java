package dev.triage.plugin.logs.application;

/**
 * A note or bookmark on a log line.
 *
 * @param id the note id
 * @param time the time of the line's entry (ISO-8601 UTC), or null
 * @param file the file name
 * @param line the line
 * @param kind note or bookmark
 * @param key the key, or null
 * @param text the text
 */
public record NoteRow(String id, String time, String file, long line, String kind, String key, String text) {
}
