package dev.triage.plugin.mysqldiag.domain;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The kinds of MySQL/MariaDB output the diagnostic reads, and how a pasted dump is recognised. */
public final class MySqlDumpKind {

    /** {@code SHOW GLOBAL STATUS}. */
    public static final String STATUS = "mysql-status";
    /** {@code SHOW GLOBAL VARIABLES}. */
    public static final String VARIABLES = "mysql-variables";
    /** {@code SHOW ENGINE INNODB STATUS}. */
    public static final String INNODB = "innodb-status";
    /** {@code SHOW REPLICA STATUS} / {@code SHOW SLAVE STATUS}. */
    public static final String REPLICA = "replica-status";
    /** {@code SHOW [FULL] PROCESSLIST}. */
    public static final String PROCESSLIST = "processlist";
    /** Top statements from performance_schema.events_statements_summary_by_digest (live captures). */
    public static final String DIGESTS = "mysql-digests";
    /** Every kind, for {@code --kind}. */
    public static final List<String> ALL = List.of(STATUS, VARIABLES, INNODB, REPLICA, PROCESSLIST, DIGESTS);

    /** The columns of SHOW FULL PROCESSLIST, for tab-separated output without a header. */
    public static final List<String> PROCESSLIST_COLUMNS = List.of("Id", "User", "Host", "db", "Command", "Time", "State", "Info", "Progress");

    private static final Pattern STATUS_NAME = Pattern.compile("(?m)^[|\\s]*(Uptime|Com_select|Threads_connected|Questions|Aborted_connects"
            + "|Innodb_buffer_pool_reads|Max_used_connections)[\\s|:]");
    private static final Pattern VARIABLE_NAME = Pattern.compile("(?m)^[|\\s]*(max_connections|innodb_buffer_pool_size|version_comment"
            + "|datadir|innodb_log_file_size|sql_mode|table_open_cache)[\\s|:]");
    private static final Pattern PROCESS_ROW = Pattern.compile("(?m)^\\d+\\t[^\\t]*\\t[^\\t]*\\t[^\\t]*\\t(Sleep|Query|Daemon|Binlog Dump|Connect"
            + "|Killed|Execute|Slave_IO|Slave_SQL|Slave_worker)\\t");

    private static final Pattern PROCESS_HEADER = Pattern.compile("(?m)^[|\\s]*Id[\\s|]+User[\\s|]+Host[\\s|]+db[\\s|]+Command[\\s|]+Time");
    private static final Pattern PROCESS_VERTICAL = Pattern.compile("(?m)^\\s*Id: \\d+\\n\\s*User: .*\\n\\s*Host: .*\\n\\s*db: .*\\n\\s*Command: ");

    private MySqlDumpKind() {
    }

    /**
     * Recognises a MySQL/MariaDB dump.
     *
     * @param text the dump
     * @return its kind, or empty when it is not MySQL output
     */
    public static Optional<String> detect(String text) {
        String head = text.length() > 65536 ? text.substring(0, 65536) : text;
        if (head.contains("INNODB MONITOR OUTPUT")) {
            return Optional.of(INNODB);
        }
        if (head.contains("Slave_IO_Running") || head.contains("Replica_IO_Running")) {
            return Optional.of(REPLICA);
        }
        if (PROCESS_HEADER.matcher(head).find() || PROCESS_VERTICAL.matcher(head).find() || PROCESS_ROW.matcher(head).find()) {
            return Optional.of(PROCESSLIST);
        }
        boolean status = STATUS_NAME.matcher(head).find();
        boolean variables = VARIABLE_NAME.matcher(head).find();
        if (status && !variables) {
            return Optional.of(STATUS);
        }
        if (variables) {
            return Optional.of(VARIABLES);
        }
        // status counters are capitalised (Innodb_row_lock_waits), system variables are not (innodb_lock_wait_timeout)
        java.util.Map<String, String> values = ResultTable.nameValues(head);
        long upper = values.keySet().stream().filter(k -> k.matches("[A-Z][A-Za-z0-9_]*_[A-Za-z0-9_]+|Uptime|Questions|Queries")).count();
        long lower = values.keySet().stream().filter(k -> k.matches("[a-z][a-z0-9_]*")).count();
        if (upper > 0 && upper >= lower) {
            return Optional.of(STATUS);
        }
        return lower > 0 && values.keySet().stream().anyMatch(k -> k.contains("_")) ? Optional.of(VARIABLES) : Optional.empty();
    }
}
