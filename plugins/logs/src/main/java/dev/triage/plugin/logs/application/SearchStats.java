package dev.triage.plugin.logs.application;

/**
 * What a search cost and whether it stopped early.
 *
 * @param files files scanned
 * @param bytes bytes of text read
 * @param candidateLines lines looked at (inside the time window)
 * @param hits hits found
 * @param millis time taken
 * @param truncated whether it stopped before the end (max hits or time budget)
 * @param reason why it stopped early, or null
 */
public record SearchStats(int files, long bytes, long candidateLines, long hits, long millis, boolean truncated, String reason) {
}
