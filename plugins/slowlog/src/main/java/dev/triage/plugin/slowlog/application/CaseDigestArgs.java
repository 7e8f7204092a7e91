package dev.triage.plugin.slowlog.application;

/**
 * Arguments of {@code slowlog.case-digest}: {@code limit=10 order=sum until=2024-03-02 user=app}.
 *
 * @param limit how many classes to return (default 20)
 * @param order sum, max, avg, p95 or count (default sum), optionally of another attribute: {@code rows_examined:max}
 * @param orderBy the same as order, in pt-query-digest's spelling ({@code Query_time:sum}); wins over order
 * @param groupBy fingerprint (default), db, user, host or plan-digest
 * @param since only events at or after this time (ISO-8601; UTC when no zone is given)
 * @param until only events before this time
 * @param db only this default database
 * @param user only this user
 * @param host only this client host
 * @param minTime only events that took at least this many seconds
 * @param match only classes whose fingerprint contains this text, ignoring case
 */
public record CaseDigestArgs(Integer limit, String order, String orderBy, String groupBy, String since, String until, String db, String user, String host,
        Double minTime, String match) {

    /**
     * Returns the grouping, ranking, limit and filter these arguments ask for.
     *
     * @return the query
     */
    public DigestQuery query() {
        return DigestQuery.parse(orderBy != null ? orderBy : order, groupBy, limit, filter());
    }

    /**
     * Returns the filter these arguments ask for.
     *
     * @return the filter
     */
    public DigestFilter filter() {
        return new DigestFilter(DigestFilter.time(since), DigestFilter.time(until), db, user, host, minTime, match);
    }
}
