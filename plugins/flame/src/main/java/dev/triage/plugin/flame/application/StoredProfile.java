package dev.triage.plugin.flame.application;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A profile kept in a case.
 *
 * @param importId the import that brought it
 * @param file the original file name
 * @param path the copy inside the case
 * @param format the detected format
 * @param sampleType what the counts measure
 * @param total the sum of the counts
 * @param target where it was collected from (an address or process), or null for an imported file
 * @param collectedAt when it was collected, or null
 */
public record StoredProfile(String importId, String file, Path path, String format, String sampleType, long total, String target,
        Instant collectedAt) {
}
