package dev.triage.plugin.slowlog.application;

/**
 * One query class in a comparison of two sets of slow logs, A (baseline) and B.
 *
 * @param checksum pt-query-digest's class id
 * @param fingerprint the abstracted statement
 * @param status NEW (only in B), GONE (only in A), REGRESSED (B's total or p95 at least 10% above A's), IMPROVED
 *     (B's total and p95 at least 10% below A's), or SAME
 * @param countA executions in A
 * @param countB executions in B
 * @param totalA total query time in A, seconds
 * @param totalB total query time in B, seconds
 * @param p95A 95th percentile of query time in A, or null
 * @param p95B 95th percentile of query time in B, or null
 * @param impact totalB minus totalA: the seconds this class added (negative: saved)
 */
public record CompareRow(String checksum, String fingerprint, Status status, long countA, long countB, double totalA, double totalB,
        Double p95A, Double p95B, double impact) {

    /** How a class changed from A to B. */
    public enum Status {
        /** Only in B. */
        NEW,
        /** Only in A. */
        GONE,
        /** Total time or p95 grew by at least 10%. */
        REGRESSED,
        /** Total time and p95 shrank by at least 10%. */
        IMPROVED,
        /** Neither. */
        SAME;

        /**
         * Classifies a class from its numbers in A and B.
         *
         * @param countA executions in A (0 when absent)
         * @param countB executions in B (0 when absent)
         * @param totalA total time in A
         * @param totalB total time in B
         * @param p95A p95 in A, or null
         * @param p95B p95 in B, or null
         * @return the status
         */
        public static Status of(long countA, long countB, double totalA, double totalB, Double p95A, Double p95B) {
            if (countA == 0) {
                return NEW;
            }
            if (countB == 0) {
                return GONE;
            }
            boolean p95Up = p95A != null && p95B != null && p95B >= p95A * 1.1 && p95B > p95A;
            boolean p95Down = p95A == null || p95B == null || p95B <= p95A * 0.9;
            if (totalB >= totalA * 1.1 && totalB > totalA || p95Up) {
                return REGRESSED;
            }
            if (totalB <= totalA * 0.9 && totalB < totalA && p95Down) {
                return IMPROVED;
            }
            return SAME;
        }
    }
}
