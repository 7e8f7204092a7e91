package dev.triage.plugin.sql.application;

/** File formats a full result can be exported to. */
public enum ExportFormat {
    /** Comma-separated values, RFC 4180 quoting. */
    CSV,
    /** A JSON array of objects. */
    JSON,
    /** A Markdown table. */
    MARKDOWN,
    /** INSERT statements into a table. */
    INSERT
}
