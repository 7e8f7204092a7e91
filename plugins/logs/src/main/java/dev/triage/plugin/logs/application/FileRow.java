package dev.triage.plugin.logs.application;

/**
 * One imported log file as the case knows it.
 *
 * @param id the file id
 * @param name the file name
 * @param source the path it was imported from
 * @param encoding the encoding it was read with
 * @param detectedEncoding the encoding detected
 * @param formats the time stamp shapes found, most frequent first
 * @param zone the zone given to stamps without one
 * @param lines lines read
 * @param entries entries (a stamped line and its continuation lines)
 * @param timedEntries entries with a time
 * @param first the first time, ISO-8601 UTC, or null
 * @param last the last time, or null
 * @param status ok or failed
 * @param problem what went wrong or was cut short, or null
 */
public record FileRow(int id, String name, String source, String encoding, String detectedEncoding, String formats, String zone, long lines, long entries,
        long timedEntries, String first, String last, String status, String problem) {
}
