package dev.triage.plugin.logs.infrastructure;

import dev.triage.core.cases.Migration;
import dev.triage.core.cases.SchemaMigrations;

/**
 * The logs plugin's tables in the case database (see docs/logs-design.md): files with their fingerprint, encoding and
 * stamp shapes; one row per entry (time in microseconds since 1970 UTC, level, first 4 KiB of its text); a sparse index
 * of every 1000th line's byte offset and time range; facts, notes, search history and settings.
 */
public final class LogSchema {

    /** Lines between two rows of the sparse index. */
    public static final int BLOCK_LINES = 1000;

    static final String FILES = "logs_files";
    static final String ENTRIES = "logs_entries";
    static final String BLOCKS = "logs_blocks";
    static final String FACTS = "logs_facts";

    /** Version 1. */
    public static final SchemaMigrations MIGRATIONS = SchemaMigrations.of("logs", Migration.sql(1, "log files, entries, index, facts, notes",
            "CREATE TABLE logs_files (file_id INTEGER, import_id VARCHAR, name VARCHAR, path VARCHAR, source VARCHAR, bytes BIGINT,"
                    + " fingerprint VARCHAR, encoding VARCHAR, detected_encoding VARCHAR, formats VARCHAR, zone VARCHAR, gzip BOOLEAN,"
                    + " text_bytes BIGINT, lines BIGINT, entries BIGINT, timed_entries BIGINT, first_us BIGINT, last_us BIGINT,"
                    + " cut_lines BIGINT, status VARCHAR, problem VARCHAR, stamp_year INTEGER)",
            "CREATE TABLE logs_entries (file_id INTEGER, line BIGINT, byte_offset BIGINT, ts_us BIGINT, level VARCHAR,"
                    + " line_count INTEGER, message VARCHAR)",
            "CREATE TABLE logs_blocks (file_id INTEGER, first_line BIGINT, byte_offset BIGINT, min_us BIGINT, max_us BIGINT)",
            "CREATE TABLE logs_facts (file_id INTEGER, line BIGINT, ts_us BIGINT, rule VARCHAR, severity VARCHAR, fields VARCHAR,"
                    + " text VARCHAR)",
            "CREATE TABLE logs_notes (id VARCHAR, file_id INTEGER, line BIGINT, ts_us BIGINT, kind VARCHAR, note_key VARCHAR, text VARCHAR,"
                    + " created TIMESTAMP)",
            "CREATE TABLE logs_searches (searched_at TIMESTAMP, query VARCHAR, hits BIGINT, millis BIGINT, truncated BOOLEAN)",
            "CREATE TABLE logs_settings (name VARCHAR PRIMARY KEY, value VARCHAR)",
            "CREATE VIEW logs_timeline AS SELECT make_timestamp(e.ts_us) AS ts, f.name AS file, e.line, e.level, e.message,"
                    + " e.file_id, e.ts_us FROM logs_entries e JOIN logs_files f USING (file_id)"));

    private LogSchema() {
    }
}
