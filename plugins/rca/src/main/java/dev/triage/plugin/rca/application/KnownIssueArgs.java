package dev.triage.plugin.rca.application;

/**
 * Arguments of {@code triage rca known-issues [--product P] [--version V] [--search WORDS] [--case C]}.
 *
 * @param product the product to look up; detected from the case when absent
 * @param version its version; detected from the case when absent
 * @param search words to search the known-issues list for (offline)
 */
public record KnownIssueArgs(String product, String version, String search) {
}
