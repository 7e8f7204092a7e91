package dev.triage.plugin.metrics.infrastructure;

import dev.triage.core.cases.Migration;
import dev.triage.core.cases.SchemaMigrations;

/**
 * The metrics plugin's tables in the case database. {@code metrics_series} holds one row per series (its labels as
 * JSON, so {@code labels->>'instance'} works in the SQL editor); {@code metrics_samples} one row per point.
 */
public final class MetricsSchema {

    /** The series table. */
    public static final String SERIES = "metrics_series";
    /** The samples table. */
    public static final String SAMPLES = "metrics_samples";
    /** The table of the queries fetched into the case, which the report and the view chart. */
    public static final String QUERIES = "metrics_queries";

    static final String CREATE_SERIES = "CREATE TABLE " + SERIES + " (series_id BIGINT PRIMARY KEY, metric VARCHAR, "
            + "labels JSON, type VARCHAR, query VARCHAR, source VARCHAR, import_id VARCHAR)";
    static final String CREATE_SAMPLES = "CREATE TABLE " + SAMPLES + " (series_id BIGINT, ts TIMESTAMP, value DOUBLE)";
    static final String CREATE_QUERIES = "CREATE TABLE " + QUERIES + " (pos INTEGER, title VARCHAR, query VARCHAR, "
            + "source VARCHAR, step_seconds DOUBLE, fetched_at TIMESTAMP, import_id VARCHAR)";

    /** Version 1: series, samples and fetched queries. */
    public static final SchemaMigrations MIGRATIONS = SchemaMigrations.of("metrics",
            Migration.sql(1, "metric series, samples and fetched queries", CREATE_SERIES, CREATE_SAMPLES, CREATE_QUERIES));

    private MetricsSchema() {
    }
}
