package dev.triage.plugin.overview.application;

/**
 * Arguments of {@code triage overview} and {@code triage alerts history}.
 *
 * @param limit the most rows of history (default 50)
 */
public record OverviewArgs(Integer limit) {
}
