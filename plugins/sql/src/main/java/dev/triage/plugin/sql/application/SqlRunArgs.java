package dev.triage.plugin.sql.application;

import java.util.List;

/**
 * Arguments of {@code sql.run}, {@code sql.export} and {@code sql.explain}.
 *
 * @param sql the script, as words joined by spaces
 * @param connection a saved connection, or {@code case} (default) for the open case's DuckDB
 * @param yes confirm writes on read-only targets and DDL (the DDL checker's verdict is still printed)
 * @param limit rows printed per result (default 100)
 * @param out the export file
 * @param to the export format: csv, json, markdown or insert (default csv)
 * @param table the table name for INSERT statements (default {@code exported})
 * @param json EXPLAIN FORMAT=JSON instead of the classic table
 * @param analyze run the query and show real row counts (MariaDB ANALYZE FORMAT=JSON, MySQL EXPLAIN ANALYZE FORMAT=JSON)
 */
public record SqlRunArgs(List<String> sql, String connection, Boolean yes, Integer limit, String out, String to, String table,
                         Boolean json, Boolean analyze) {

    /**
     * Returns the script.
     *
     * @return the words joined
     */
    public String script() {
        if (sql == null || sql.isEmpty()) {
            throw new IllegalArgumentException("Give the SQL to run, e.g. triage sql run --connection db1 \"SELECT 1\"");
        }
        return String.join(" ", sql);
    }
}
