package dev.triage.plugin.slowlog.infrastructure;

import dev.triage.core.cases.Migration;
import dev.triage.core.cases.SchemaMigrations;

/** The slowlog plugin's tables in the case database; the same DDL makes the temporary store of {@code slowlog.digest}. */
public final class SlowLogSchema {

    /** The events table: one row per slow-log entry. */
    static final String EVENTS = "slowlog_events";
    /** The files table: one row per imported slow log. */
    static final String FILES = "slowlog_files";

    static final String CREATE_EVENTS = "CREATE TABLE " + EVENTS + " ("
            + "import_id VARCHAR, file VARCHAR, line BIGINT, format VARCHAR, ts TIMESTAMP, "
            + "query_time DOUBLE, lock_time DOUBLE, rows_sent BIGINT, rows_examined BIGINT, "
            + "user_name VARCHAR, host VARCHAR, db VARCHAR, thread_id BIGINT, "
            + "checksum VARCHAR, fingerprint VARCHAR, statement VARCHAR, query_length BIGINT, "
            + "attributes MAP(VARCHAR, VARCHAR))";
    static final String CREATE_FILES = "CREATE TABLE " + FILES + " ("
            + "import_id VARCHAR, file VARCHAR, path VARCHAR, format VARCHAR, events BIGINT, lines BIGINT, problems BIGINT)";

    /** TiDB's plan digest, to group executions by plan. */
    static final String ADD_PLAN_DIGEST = "ALTER TABLE " + EVENTS + " ADD COLUMN plan_digest VARCHAR";

    /** The last comparison made in the case, for its report. */
    static final String COMPARES = "slowlog_compare";
    static final String CREATE_COMPARES = "CREATE TABLE " + COMPARES + " (made_at TIMESTAMP, label VARCHAR, pos INTEGER, "
            + "checksum VARCHAR, fingerprint VARCHAR, status VARCHAR, n_a BIGINT, n_b BIGINT, total_a DOUBLE, total_b DOUBLE, "
            + "p95_a DOUBLE, p95_b DOUBLE, impact DOUBLE)";

    /** Version 1: events and files; version 2: plan digests; version 3: the last comparison. */
    public static final SchemaMigrations MIGRATIONS = SchemaMigrations.of("slowlog",
            Migration.sql(1, "slow query events and files", CREATE_EVENTS, CREATE_FILES),
            Migration.sql(2, "TiDB plan digests", ADD_PLAN_DIGEST),
            Migration.sql(3, "last slow-log comparison", CREATE_COMPARES));

    private SlowLogSchema() {
    }
}
