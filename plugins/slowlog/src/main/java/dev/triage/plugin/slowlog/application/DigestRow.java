package dev.triage.plugin.slowlog.application;

/**
 * One query class of a digest, with pt-query-digest's class id and fingerprint.
 *
 * @param rank 1 for the class that costs most by the chosen order
 * @param checksum pt-query-digest's class id
 * @param fingerprint the abstracted statement
 * @param count executions
 * @param share this class's share of the total query time of all classes (0..1)
 * @param queryTime query time statistics, seconds
 * @param lockTime lock time statistics, seconds
 * @param rowsSent rows sent statistics
 * @param rowsExamined rows examined statistics
 * @param firstSeen the earliest timestamp (ISO-8601, UTC), or null
 * @param lastSeen the latest timestamp (ISO-8601, UTC), or null
 * @param sample the statement of the slowest execution
 */
public record DigestRow(int rank, String checksum, String fingerprint, long count, double share, Stats queryTime, Stats lockTime,
        Stats rowsSent, Stats rowsExamined, String firstSeen, String lastSeen, String sample) {

    /**
     * Statistics of one attribute over a class; each is null when no execution had the attribute.
     *
     * @param sum the total
     * @param min the smallest
     * @param max the largest
     * @param avg the mean
     * @param p95 the 95th percentile (interpolated)
     */
    public record Stats(Double sum, Double min, Double max, Double avg, Double p95) {
    }
}
