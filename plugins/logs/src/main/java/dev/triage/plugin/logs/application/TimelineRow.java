package dev.triage.plugin.logs.application;

/**
 * One entry of the merged timeline.
 *
 * @param micros its time, microseconds since 1970 UTC
 * @param time its time in the case's zone, ISO-8601 with offset
 * @param fileId the file id
 * @param file the file name
 * @param line the entry's first line number
 * @param lines how many lines the entry has
 * @param level its level
 * @param message its first line
 */
public record TimelineRow(long micros, String time, int fileId, String file, long line, int lines, String level, String message) {
}
