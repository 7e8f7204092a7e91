package dev.triage.plugin.rca.application;

/**
 * Arguments of {@code triage rca known-issues [--product P] [--version V] [--search WORDS] [--online true] [--case C]}.
 *
 * @param product the product to look up; detected from the case when absent
 * @param version its version; detected from the case when absent
 * @param search words to search the known-issues list for (offline), and the trackers with {@code --online}
 * @param online also search the product's public issue tracker (GitHub) and cache the answer; the cached answer is used offline
 */
public record KnownIssueArgs(String product, String version, String search, Boolean online) {

    /**
     * Looks up the shipped list only.
     *
     * @param product the product, or null to detect it
     * @param version the version, or null to detect it
     * @param search words, or null
     */
    public KnownIssueArgs(String product, String version, String search) {
        this(product, version, search, null);
    }
}
