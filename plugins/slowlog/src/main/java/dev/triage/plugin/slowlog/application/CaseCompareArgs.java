package dev.triage.plugin.slowlog.application;

/**
 * Arguments of {@code slowlog.case-compare}: two time windows of the open case, the baseline before the other.
 *
 * @param beforeSince the baseline's start (ISO-8601; UTC when no zone is given); null for the first event
 * @param beforeUntil the baseline's end
 * @param afterSince the compared window's start
 * @param afterUntil the compared window's end; null for the last event
 * @param limit how many classes to return (default 20)
 */
public record CaseCompareArgs(String beforeSince, String beforeUntil, String afterSince, String afterUntil, Integer limit) {

    /**
     * Returns the baseline window as a filter.
     *
     * @return the filter
     */
    public DigestFilter before() {
        return window(beforeSince, beforeUntil);
    }

    /**
     * Returns the compared window as a filter.
     *
     * @return the filter
     */
    public DigestFilter after() {
        return window(afterSince, afterUntil);
    }

    private static DigestFilter window(String since, String until) {
        return new DigestFilter(DigestFilter.time(since), DigestFilter.time(until), null, null, null, null, null);
    }
}
