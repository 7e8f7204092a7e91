package dev.triage.plugin.flame.infrastructure;

import dev.triage.core.cases.Migration;
import dev.triage.core.cases.SchemaMigrations;

/** The flame plugin's tables: one row per stored profile, and every function's counts for SQL queries. */
public final class FlameSchema {

    /** The profiles table. */
    static final String PROFILES = "flame_profiles";
    /** The functions table. */
    static final String FUNCTIONS = "flame_functions";

    /** Version 1: profiles and their functions. */
    public static final SchemaMigrations MIGRATIONS = SchemaMigrations.of("flame", Migration.sql(1, "profiles and functions",
            "CREATE TABLE " + PROFILES + " (import_id VARCHAR, file VARCHAR, path VARCHAR, format VARCHAR, sample_type VARCHAR, "
                    + "unit VARCHAR, total BIGINT, functions BIGINT, skipped BIGINT, target VARCHAR, collected_at TIMESTAMP)",
            "CREATE TABLE " + FUNCTIONS + " (import_id VARCHAR, name VARCHAR, self BIGINT, total BIGINT)"));

    private FlameSchema() {
    }
}
