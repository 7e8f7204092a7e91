package dev.triage.plugin.casefiles.infrastructure;

import dev.triage.core.cases.Migration;
import dev.triage.core.cases.SchemaMigrations;

/** The casefiles plugin's tables. */
public final class CaseFilesSchema {

    /** Version 1: one row per copied file. */
    public static final SchemaMigrations MIGRATIONS = SchemaMigrations.of("casefiles",
            Migration.sql(1, "case files", "CREATE TABLE casefiles_files (import_id VARCHAR, name VARCHAR, bytes BIGINT, lines BIGINT)"));

    private CaseFilesSchema() {
    }
}
