package dev.triage.core.cases;

/** The kernel's own tables in every case database. */
final class CoreSchema {

    static final SchemaMigrations MIGRATIONS = SchemaMigrations.of("core",
            Migration.sql(1, "imports list",
                    "CREATE TABLE case_imports (id VARCHAR PRIMARY KEY, label VARCHAR NOT NULL, files INTEGER,"
                            + " rows BIGINT, skipped BIGINT, imported_at TIMESTAMP DEFAULT now())"));

    private CoreSchema() {
    }
}
