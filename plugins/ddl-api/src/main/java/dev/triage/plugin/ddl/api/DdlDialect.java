package dev.triage.plugin.ddl.api;

/** The server family whose ALTER rules the checker applies. */
public enum DdlDialect {
    /** MySQL, MariaDB and Percona Server. */
    MYSQL,
    /** TiDB, which also reports changes that need its column data rewritten. */
    TIDB
}
