package dev.triage.plugin.overview.infrastructure;

import dev.triage.core.cases.Migration;
import dev.triage.core.cases.SchemaMigrations;

/** The overview's tables in the case database. */
public final class OverviewSchema {

    /** Raw samples (long format), the latest snapshot per target, daily rollups, the alert history, silences and deliveries. */
    public static final SchemaMigrations MIGRATIONS = SchemaMigrations.of("overview",
            Migration.sql(1, "overview samples, snapshots, daily rollups and alert history",
                    "CREATE TABLE overview_samples (target VARCHAR NOT NULL, ts BIGINT NOT NULL, metric VARCHAR NOT NULL, value DOUBLE NOT NULL)",
                    "CREATE TABLE overview_snapshot (target VARCHAR PRIMARY KEY, ts BIGINT NOT NULL, up BOOLEAN NOT NULL, version VARCHAR,"
                            + " error VARCHAR, metrics VARCHAR NOT NULL)",
                    "CREATE TABLE overview_daily (target VARCHAR NOT NULL, day DATE NOT NULL, metric VARCHAR NOT NULL, min DOUBLE, max DOUBLE,"
                            + " avg DOUBLE, p95 DOUBLE, last DOUBLE, samples BIGINT, PRIMARY KEY (target, day, metric))",
                    "CREATE TABLE overview_alert_history (rule VARCHAR NOT NULL, target VARCHAR NOT NULL, severity VARCHAR NOT NULL,"
                            + " from_state VARCHAR NOT NULL, to_state VARCHAR NOT NULL, ts BIGINT NOT NULL, value DOUBLE)"),
            Migration.sql(2, "alert silences, acknowledgements and notification deliveries",
                    "CREATE TABLE overview_silences (id VARCHAR PRIMARY KEY, matchers VARCHAR NOT NULL, starts BIGINT NOT NULL,"
                            + " ends BIGINT NOT NULL, created_by VARCHAR, comment VARCHAR)",
                    "CREATE TABLE overview_acks (fingerprint VARCHAR PRIMARY KEY, by_user VARCHAR, ts BIGINT NOT NULL, comment VARCHAR)",
                    "CREATE TABLE overview_notifications (ts BIGINT NOT NULL, receiver VARCHAR NOT NULL, route VARCHAR, title VARCHAR,"
                            + " alerts INTEGER, attempts INTEGER, delivered BOOLEAN, error VARCHAR)"));

    private OverviewSchema() {
    }
}
