package dev.triage.plugin.flame.infrastructure;

import dev.triage.core.cases.Migration;
import dev.triage.core.cases.SchemaMigrations;

/** The flame plugin's tables: one row per stored profile, and every function's counts for SQL queries. */
public final class FlameSchema {

    /** The profiles table. */
    static final String PROFILES = "flame_profiles";
    /** The functions table. */
    static final String FUNCTIONS = "flame_functions";

    /** Version 1: profiles and their functions; version 2: the profile file of each function row. */
    public static final SchemaMigrations MIGRATIONS = SchemaMigrations.of("flame", Migration.sql(1, "profiles and functions",
            "CREATE TABLE " + PROFILES + " (import_id VARCHAR, file VARCHAR, path VARCHAR, format VARCHAR, sample_type VARCHAR, "
                    + "unit VARCHAR, total BIGINT, functions BIGINT, skipped BIGINT, target VARCHAR, collected_at TIMESTAMP)",
            "CREATE TABLE " + FUNCTIONS + " (import_id VARCHAR, name VARCHAR, self BIGINT, total BIGINT)"),
            // several profiles in one import share its id: each function row names its profile file
            Migration.sql(2, "the profile file of each function row",
                    "ALTER TABLE " + FUNCTIONS + " ADD COLUMN file VARCHAR",
                    "UPDATE " + FUNCTIONS + " f SET file = (SELECT any_value(p.file) FROM " + PROFILES + " p WHERE p.import_id = f.import_id)"
                            + " WHERE (SELECT count(*) FROM " + PROFILES + " p WHERE p.import_id = f.import_id) = 1"));

    private FlameSchema() {
    }
}
