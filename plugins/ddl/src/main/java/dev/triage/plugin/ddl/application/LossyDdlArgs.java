package dev.triage.plugin.ddl.application;

/**
 * Arguments of {@code triage check lossy-ddl}.
 *
 * @param file the SQL file to check
 * @param schema a file of CREATE TABLE statements for the current schema, or null
 * @param connection the id or name of a saved MySQL/MariaDB/TiDB connection to read the current schema from, or null
 * @param dialect {@code mysql} or {@code tidb}; null means mysql, or tidb for a TiDB connection
 */
public record LossyDdlArgs(String file, String schema, String connection, String dialect) {
}
