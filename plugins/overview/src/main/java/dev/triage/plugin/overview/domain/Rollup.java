package dev.triage.plugin.overview.domain;

import java.util.Arrays;
import java.util.List;

/**
 * Summary of one metric over one day.
 *
 * @param min smallest value
 * @param max largest value
 * @param avg mean
 * @param p95 95th percentile (linear interpolation between closest ranks, as DuckDB's quantile_cont)
 * @param last the latest value
 * @param count number of samples
 */
public record Rollup(double min, double max, double avg, double p95, double last, long count) {

    /**
     * Summarises values given in time order.
     *
     * @param values the values, oldest first
     * @return the rollup
     */
    public static Rollup of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("A rollup needs at least one value");
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double pos = 0.95 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        double p95 = sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
        return new Rollup(sorted[0], sorted[sorted.length - 1], Arrays.stream(v).average().orElse(0), p95, v[v.length - 1], v.length);
    }
}
