package dev.triage.plugin.logs.application;

import java.util.List;

/**
 * One line that matched a search.
 *
 * @param fileId the file id
 * @param file the file name
 * @param line the 1-based line number
 * @param time the time of the line's entry (ISO-8601 UTC), or null
 * @param level the level of the line's entry
 * @param text the line (cut at 1 MiB)
 * @param cut whether the line was longer than 1 MiB and was cut
 * @param before the context lines before it
 * @param after the context lines after it
 * @param highlights start/end pairs of the matched terms in {@code text}
 */
public record Hit(int fileId, String file, long line, String time, String level, String text, boolean cut, List<String> before,
        List<String> after, List<int[]> highlights) {
}
