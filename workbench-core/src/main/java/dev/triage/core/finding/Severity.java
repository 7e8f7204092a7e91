package dev.triage.core.finding;

/** How serious a finding is, ordered from harmless ({@link #OK}) to urgent ({@link #CRITICAL}). */
public enum Severity {

    /** Checked and healthy. */
    OK,
    /** Worth knowing, no action needed. */
    INFO,
    /** Likely to hurt soon or already hurting a little; act when convenient. */
    WARNING,
    /** Hurting now or about to fail; act at once. */
    CRITICAL;

    /**
     * Tells whether this severity is at least as serious as another.
     *
     * @param other the severity to compare with
     * @return true when this is the same or more serious
     */
    public boolean isAtLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
