package dev.triage.core.cases;

/** The kernel's own tables in every case database. */
final class CoreSchema {

    static final SchemaMigrations MIGRATIONS = SchemaMigrations.of("core",
            Migration.sql(1, "imports list",
                    "CREATE TABLE case_imports (id VARCHAR PRIMARY KEY, label VARCHAR NOT NULL, files INTEGER,"
                            + " rows BIGINT, skipped BIGINT, imported_at TIMESTAMP DEFAULT now())"),
            // Findings of every plugin, read and written by dev.triage.core.finding.FindingStore; the enum keeps
            // severities ordered (OK < INFO < WARNING < CRITICAL) for users querying the table directly.
            Migration.sql(2, "findings",
                    "CREATE TYPE finding_severity AS ENUM ('OK', 'INFO', 'WARNING', 'CRITICAL')",
                    "CREATE TABLE findings (id VARCHAR PRIMARY KEY, severity finding_severity NOT NULL, title VARCHAR NOT NULL,"
                            + " evidence VARCHAR NOT NULL, suggestion VARCHAR NOT NULL, plugin_id VARCHAR NOT NULL,"
                            + " target VARCHAR NOT NULL, found_at TIMESTAMPTZ NOT NULL, saved_at TIMESTAMPTZ DEFAULT now())"),
            // Every file an import staged, whichever plugin imported it, so any view can list the case's files.
            Migration.sql(3, "case files",
                    "CREATE TABLE case_files (import_id VARCHAR NOT NULL, name VARCHAR NOT NULL, source VARCHAR, bytes BIGINT)"),
            // Which importer read each file and how many rows it gave, so the case's file list can say so for every plugin.
            Migration.sql(4, "case files: importer and rows",
                    "ALTER TABLE case_files ADD COLUMN importer VARCHAR",
                    "ALTER TABLE case_files ADD COLUMN rows BIGINT"));

    private CoreSchema() {
    }
}
