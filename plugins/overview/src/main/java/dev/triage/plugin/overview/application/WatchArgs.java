package dev.triage.plugin.overview.application;

/**
 * Arguments of {@code triage watch}.
 *
 * @param targets comma-separated connection ids or names (all saved targets when absent)
 * @param interval sampling interval, e.g. 30s (default 30s)
 * @param duration stop after this long (default: until Ctrl+C)
 * @param timeout the longest one sample may take (default 10s)
 * @param concurrency targets sampled at once (default 4)
 */
public record WatchArgs(String targets, String interval, String duration, String timeout, Integer concurrency) {
}
