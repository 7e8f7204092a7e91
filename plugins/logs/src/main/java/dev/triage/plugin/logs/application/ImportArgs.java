package dev.triage.plugin.logs.application;

import java.util.List;

/**
 * Arguments of {@code logs.import}: {@code triage logs import DIR... --case C [--glob '*.log*'] [--exclude '*.json'] [--tz +08:00]}.
 *
 * @param paths files and folders (a folder imports the files under it)
 * @param glob only files whose name or path under the folder matches this glob (comma-separated for several)
 * @param exclude skip files matching this glob (comma-separated for several)
 * @param tz the zone of stamps without one; the case's zone when absent
 * @param encoding read every file with this encoding instead of detecting it
 * @param year the year of stamps without one (syslog); the file's modification year when absent
 */
public record ImportArgs(List<String> paths, String glob, String exclude, String tz, String encoding, Integer year) {
}
