package dev.triage.plugin.slowlog.application;

/**
 * How to group, rank and cut a digest.
 *
 * @param order the aggregate to rank groups by
 * @param attribute the attribute the aggregate is taken of (ignored for COUNT)
 * @param group what events are grouped by
 * @param limit how many groups to return at most
 * @param filter which events to look at
 */
public record DigestQuery(DigestOrder order, DigestAttribute attribute, DigestGroup group, int limit, DigestFilter filter) {

    /**
     * Ranks query classes by an aggregate of query time.
     *
     * @param order what to rank classes by
     * @param limit how many classes to return at most
     * @param filter which events to look at
     */
    public DigestQuery(DigestOrder order, int limit, DigestFilter filter) {
        this(order, DigestAttribute.QUERY_TIME, DigestGroup.FINGERPRINT, limit, filter);
    }

    /**
     * Ranks all events' query classes by an aggregate of query time.
     *
     * @param order what to rank classes by
     * @param limit how many classes to return at most
     */
    public DigestQuery(DigestOrder order, int limit) {
        this(order, limit, DigestFilter.ALL);
    }

    /** Checks the limit is positive and fills in defaults. */
    public DigestQuery {
        filter = filter == null ? DigestFilter.ALL : filter;
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        order = order == null ? DigestOrder.SUM : order;
        attribute = attribute == null ? DigestAttribute.QUERY_TIME : attribute;
        group = group == null ? DigestGroup.FINGERPRINT : group;
    }

    /**
     * Reads the ranking and grouping given on the command line or in the view.
     *
     * @param order {@code sum}, {@code max}, {@code avg}, {@code p95}, {@code count}, or pt's {@code Rows_examined:max}
     * @param group {@code fingerprint}, {@code db}, {@code user}, {@code host} or {@code plan-digest}; null for fingerprint
     * @param limit how many groups, or null for the default
     * @param filter which events
     * @return the query
     */
    public static DigestQuery parse(String order, String group, Integer limit, DigestFilter filter) {
        DigestAttribute attribute = DigestAttribute.QUERY_TIME;
        String aggregate = order;
        if (order != null && order.contains(":")) {
            attribute = DigestAttribute.parse(order.substring(0, order.indexOf(':')));
            aggregate = order.substring(order.indexOf(':') + 1);
        }
        return new DigestQuery(DigestOrder.parse(aggregate), attribute, DigestGroup.parse(group),
                limit == null ? SlowLogDigests.DEFAULT_LIMIT : limit, filter);
    }
}
