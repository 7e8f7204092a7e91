package dev.triage.plugin.slowlog.application;

/**
 * How to rank and cut a digest.
 *
 * @param order what to rank classes by
 * @param limit how many classes to return at most
 */
public record DigestQuery(DigestOrder order, int limit) {

    /** Checks the limit is positive. */
    public DigestQuery {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        order = order == null ? DigestOrder.SUM : order;
    }
}
