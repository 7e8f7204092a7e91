package dev.triage.plugin.logs.application;

/**
 * How log files are read when they are imported.
 *
 * @param zone the zone of stamps that carry none (an id such as {@code Asia/Shanghai} or {@code +08:00}); null for the case's zone
 * @param encoding the encoding to read every file with; null to detect it per file
 * @param year the year of stamps without one (syslog); null to take it from the file's modification time
 * @param gzipLimit the most bytes a gzip file may inflate to; 0 for the default (200 times its size, at least 64 MiB)
 */
public record ImportOptions(String zone, String encoding, Integer year, long gzipLimit) {

    /** Detect everything, case zone. */
    public static final ImportOptions DEFAULT = new ImportOptions(null, null, null, 0);
}
