package dev.triage.plugin.slowlog.application;

/**
 * How to rank and cut a digest.
 *
 * @param order what to rank classes by
 * @param limit how many classes to return at most
 * @param filter which events to look at
 */
public record DigestQuery(DigestOrder order, int limit, DigestFilter filter) {

    /**
     * Ranks all events.
     *
     * @param order what to rank classes by
     * @param limit how many classes to return at most
     */
    public DigestQuery(DigestOrder order, int limit) {
        this(order, limit, DigestFilter.ALL);
    }

    /** Checks the limit is positive. */
    public DigestQuery {
        filter = filter == null ? DigestFilter.ALL : filter;
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        order = order == null ? DigestOrder.SUM : order;
    }
}
