package dev.triage.plugin.slowlog.application;

import java.util.List;

/**
 * One group of a digest (a query class, with pt-query-digest's class id and fingerprint, or a database, user, host or
 * TiDB plan) and its statistics, as pt-query-digest reports them per class.
 *
 * @param rank 1 for the group that costs most by the chosen order
 * @param checksum the group's key: pt-query-digest's class id, or the database, user, host or plan digest
 * @param fingerprint the abstracted statement (for a grouping other than fingerprint, that of its costliest class)
 * @param count executions
 * @param share this group's share of the total query time of all groups (0..1)
 * @param queryTime query time statistics, seconds
 * @param lockTime lock time statistics, seconds
 * @param rowsSent rows sent statistics
 * @param rowsExamined rows examined statistics
 * @param querySize statement length statistics, bytes
 * @param variance the variance-to-mean ratio of query time (pt's V/M), or null
 * @param histogram executions per query-time bucket: under 10us, 10us, 100us, 1ms, 10ms, 100ms, 1s, 10s and more
 * @param firstSeen the earliest timestamp (ISO-8601, UTC), or null
 * @param lastSeen the latest timestamp (ISO-8601, UTC), or null
 * @param sample the statement of the slowest execution
 * @param databases the databases seen, most executions first, as {@code name (count)}
 * @param users the users seen, most first
 * @param hosts the client hosts seen, most first
 * @param tables the tables the fingerprint names
 */
public record DigestRow(int rank, String checksum, String fingerprint, long count, double share, Stats queryTime, Stats lockTime,
        Stats rowsSent, Stats rowsExamined, Stats querySize, Double variance, List<Long> histogram, String firstSeen,
        String lastSeen, String sample, List<String> databases, List<String> users, List<String> hosts, List<String> tables) {

    /** The labels of the histogram buckets, as pt-query-digest prints them. */
    public static final List<String> BUCKETS = List.of("1us", "10us", "100us", "1ms", "10ms", "100ms", "1s", "10s+");

    /** Copies the lists. */
    public DigestRow {
        histogram = histogram == null ? List.of() : List.copyOf(histogram);
        databases = databases == null ? List.of() : List.copyOf(databases);
        users = users == null ? List.of() : List.copyOf(users);
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /**
     * Returns this row with the breakdowns filled in.
     *
     * @param databases the databases seen
     * @param users the users seen
     * @param hosts the hosts seen
     * @param tables the tables named
     * @return a copy
     */
    public DigestRow withBreakdown(List<String> databases, List<String> users, List<String> hosts, List<String> tables) {
        return new DigestRow(rank, checksum, fingerprint, count, share, queryTime, lockTime, rowsSent, rowsExamined, querySize,
                variance, histogram, firstSeen, lastSeen, sample, databases, users, hosts, tables);
    }

    /**
     * Statistics of one attribute over a group; each is null when no execution had the attribute.
     *
     * @param sum the total
     * @param min the smallest
     * @param max the largest
     * @param avg the mean
     * @param p95 the 95th percentile (interpolated)
     * @param median the median (interpolated)
     * @param stddev the population standard deviation
     */
    public record Stats(Double sum, Double min, Double max, Double avg, Double p95, Double median, Double stddev) {
    }
}
