package dev.triage.plugin.slowlog.application;

import java.util.List;

/**
 * Arguments of {@code slowlog.digest}: {@code files=a.log files=b.log.gz limit=10 order=sum since=2024-03-01 db=shop}.
 *
 * @param files the slow logs to digest (plain or gzip)
 * @param limit how many classes to print (default 20)
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
public record DigestArgs(List<String> files, Integer limit, String order, String orderBy, String groupBy, String since, String until, String db, String user,
        String host, Double minTime, String match) {

    /**
     * Digests files with the default filter.
     *
     * @param files the slow logs
     * @param limit how many classes
     * @param order the order name
     */
    public DigestArgs(List<String> files, Integer limit, String order) {
        this(files, limit, order, null, null, null, null, null, null, null, null, null);
    }

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
