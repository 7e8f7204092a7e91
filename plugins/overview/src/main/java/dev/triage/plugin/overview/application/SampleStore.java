package dev.triage.plugin.overview.application;

import dev.triage.plugin.overview.domain.AlertTransition;
import dev.triage.plugin.overview.domain.Rollup;
import dev.triage.plugin.overview.domain.Sample;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Port: samples, snapshots, daily rollups and alert history of the open case. */
public interface SampleStore {

    /**
     * Appends a sample to the raw table and makes it the target's snapshot, in one transaction.
     *
     * @param sample the sample
     * @throws Exception when the case cannot be written
     */
    void append(Sample sample) throws Exception;

    /**
     * The latest sample per target.
     *
     * @return snapshots by target id
     * @throws Exception when the case cannot be read
     */
    Map<String, Sample> snapshots() throws Exception;

    /**
     * A metric's raw values of a target since a time, oldest first.
     *
     * @param target the target id
     * @param metric the metric
     * @param since the earliest time
     * @return time and value points
     * @throws Exception when the case cannot be read
     */
    List<Map.Entry<Instant, Double>> series(String target, String metric, Instant since) throws Exception;

    /**
     * Computes the daily rollups of a day from the raw samples (replacing earlier rollups of that day).
     *
     * @param day the UTC day
     * @return rows written
     * @throws Exception when the case cannot be written
     */
    int rollup(LocalDate day) throws Exception;

    /**
     * The daily rollups of a target's metric, oldest first.
     *
     * @param target the target id
     * @param metric the metric
     * @return day to rollup
     * @throws Exception when the case cannot be read
     */
    Map<LocalDate, Rollup> daily(String target, String metric) throws Exception;

    /**
     * Deletes raw samples before one time and rollups before one day.
     *
     * @param rawBefore raw samples older than this go
     * @param dailyBefore rollups of days before this go
     * @return rows deleted
     * @throws Exception when the case cannot be written
     */
    long retain(Instant rawBefore, LocalDate dailyBefore) throws Exception;

    /**
     * Records an alert transition.
     *
     * @param t the transition
     * @throws Exception when the case cannot be written
     */
    void recordTransition(AlertTransition t) throws Exception;

    /**
     * The alert history, newest first.
     *
     * @param limit the most rows
     * @return rows as rule, target, from, to, time, value
     * @throws Exception when the case cannot be read
     */
    List<HistoryRow> history(int limit) throws Exception;

    /**
     * Replaces the overview plugin's findings of a target (the alerts firing on it, the capacity forecast).
     *
     * @param target the target id
     * @param findings the findings now
     * @throws Exception when the case cannot be written
     */
    void replaceFindings(String target, List<dev.triage.core.finding.Finding> findings) throws Exception;

    /**
     * One recorded alert transition.
     *
     * @param rule the rule name
     * @param target the target id
     * @param severity the rule's severity
     * @param from the old state
     * @param to the new state
     * @param time when
     * @param value the metric value
     */
    record HistoryRow(String rule, String target, String severity, String from, String to, Instant time, double value) {
    }
}
