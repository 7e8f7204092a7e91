package dev.triage.plugin.ddl.api;

import java.util.Objects;

/**
 * What to check: SQL text with any mix of CREATE TABLE and ALTER/DROP/TRUNCATE/RENAME statements, plus CREATE TABLE
 * statements describing the current schema (from a schema file or a live server's SHOW CREATE TABLE).
 *
 * @param sql the statements to check
 * @param schemaSql CREATE TABLE statements for tables the SQL does not create itself; empty when unknown
 * @param dialect the server family whose rules apply
 */
public record DdlCheckRequest(String sql, String schemaSql, DdlDialect dialect) {

    /** Requires the SQL and the dialect; a null schema means none. */
    public DdlCheckRequest {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(dialect, "dialect");
        schemaSql = schemaSql == null ? "" : schemaSql;
    }

    /**
     * Returns a MySQL-dialect request without a separate schema.
     *
     * @param sql the statements to check
     * @return the request
     */
    public static DdlCheckRequest mysql(String sql) {
        return new DdlCheckRequest(sql, "", DdlDialect.MYSQL);
    }
}
