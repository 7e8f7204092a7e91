package dev.triage.plugin.slowlog.domain;

/** The dialect of a slow query log, detected per file from its first entries. */
public enum SlowLogFormat {
    /** MySQL 5.x/8.0 and Percona Server (including Percona's extended attributes). */
    MYSQL,
    /** MariaDB (QC_hit, explain lines, {@code # Time: 230101  1:02:03}). */
    MARIADB,
    /** TiDB ({@code # Time:} with a zone, {@code Txn_start_ts}, {@code Conn_ID}, ...). */
    TIDB
}
