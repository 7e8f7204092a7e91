package dev.triage.plugin.mysqldiag.domain;

import static dev.triage.core.finding.Evidence.line;
import static dev.triage.core.finding.Evidence.metric;
import static dev.triage.diag.domain.Numbers.bytes;
import static dev.triage.diag.domain.Numbers.percent;
import static dev.triage.diag.domain.Numbers.plain;

import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.core.diagnostics.DiagnosticCategory;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Severity;
import dev.triage.diag.domain.FindingCollector;
import dev.triage.diag.domain.Numbers;
import dev.triage.diag.domain.Rules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a MySQL/MariaDB/TiDB capture (status, variables, InnoDB status, replica status, processlist) into findings. */
public final class MySqlDiagnoser {

    /** The categories, in display order. */
    public static final List<DiagnosticCategory> CATEGORIES = List.of(new DiagnosticCategory("connections", "Connections"),
            new DiagnosticCategory("innodb", "InnoDB"), new DiagnosticCategory("replication", "Replication"),
            new DiagnosticCategory("performance", "Performance"), new DiagnosticCategory("config", "Configuration"));

    private final String pluginId;

    /**
     * Creates a diagnoser.
     *
     * @param pluginId the id findings are attributed to
     */
    public MySqlDiagnoser(String pluginId) {
        this.pluginId = pluginId;
    }

    /**
     * Diagnoses a capture.
     *
     * @param capture the raw outputs
     * @param categories the category ids; empty for all
     * @param rules the thresholds
     * @return the diagnosis
     */
    public Diagnosis diagnose(Capture capture, Set<String> categories, Rules rules) {
        FindingCollector c = new FindingCollector(pluginId, capture.target(), capture.time(), categories, rules);
        Values status = new Values(merge(capture, MySqlDumpKind.STATUS));
        Values vars = new Values(merge(capture, MySqlDumpKind.VARIABLES));
        connections(status, vars, c);
        innodbStatus(status, vars, c);
        performance(status, c);
        config(status, vars, c);
        for (CaptureItem i : capture.items(MySqlDumpKind.INNODB)) {
            innodb(InnodbStatus.parse(i.output()), c);
        }
        for (CaptureItem i : capture.items(MySqlDumpKind.REPLICA)) {
            for (Map<String, String> row : ResultTable.parse(i.output(), null)) {
                replica(row, c);
                gtids(row, vars, c);
            }
        }
        for (CaptureItem i : capture.items(MySqlDumpKind.PROCESSLIST)) {
            processlist(ResultTable.parse(i.output(), MySqlDumpKind.PROCESSLIST_COLUMNS), c);
        }
        for (CaptureItem i : capture.items(MySqlDumpKind.DIGESTS)) {
            digests(ResultTable.parse(i.output(), null), c);
        }
        return new Diagnosis(capture, c.findings(), c.metrics());
    }

    private static Map<String, String> merge(Capture capture, String kind) {
        Map<String, String> out = new LinkedHashMap<>();
        capture.items(kind).forEach(i -> out.putAll(ResultTable.nameValues(i.output())));
        return out;
    }

    /** Case-insensitive access to status or variable values. */
    private record Values(Map<String, String> raw) {
        Values {
            Map<String, String> lower = new LinkedHashMap<>();
            raw.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
            raw = lower;
        }

        boolean has(String k) {
            return raw.containsKey(k.toLowerCase(Locale.ROOT));
        }

        String get(String k) {
            return raw.getOrDefault(k.toLowerCase(Locale.ROOT), "");
        }

        double num(String k) {
            return Numbers.parse(raw.get(k.toLowerCase(Locale.ROOT)));
        }

        boolean empty() {
            return raw.isEmpty();
        }

        Evidence ev(String k) {
            return metric(k, has(k) ? get(k) : "(not captured)");
        }
    }

    private static void connections(Values s, Values v, FindingCollector c) {
        if (s.empty()) {
            return;
        }
        double connected = s.num("Threads_connected");
        double maxUsed = s.num("Max_used_connections");
        double max = v.num("max_connections");
        c.metric("threads_connected", connected);
        c.metric("threads_running", s.num("Threads_running"));
        if (max > 0) {
            c.rate("connections", "connections.used_ratio", connected / max, "Connections in use are " + percent(connected / max)
                            + " of max_connections", "Find who holds the connections (processlist by user/host); raise max_connections"
                            + " only with the memory to back it; use a connection pool.", s.ev("Threads_connected"), v.ev("max_connections"));
            c.rate("connections", "connections.max_used_ratio", maxUsed / max, "Connections peaked at " + plain(maxUsed) + " of "
                            + plain(max) + " allowed (" + percent(maxUsed / max) + "): clients got 'Too many connections'",
                    "Raise max_connections or cap the application pools; check for connection leaks and long-running queries.",
                    s.ev("Max_used_connections"), v.ev("max_connections"), s.ev("Aborted_connects"),
                    s.ev("Connection_errors_max_connections"));
        }
        double refused = s.num("Connection_errors_max_connections");
        c.rate("connections", "connections.refused_max_connections", refused, plain(refused)
                + " connections were refused because max_connections was reached", "Raise max_connections or reduce the clients.",
                s.ev("Connection_errors_max_connections"));
        double aborted = s.num("Aborted_connects");
        c.rate("connections", "connections.aborted_connects", aborted, plain(aborted) + " connection attempts failed (Aborted_connects)",
                "Failed logins (wrong password, unknown user), refusals at max_connections or network timeouts; check the error log.",
                s.ev("Aborted_connects"), s.ev("Connections"), s.ev("Access_denied_errors"));
        double abortedClients = s.num("Aborted_clients");
        c.rate("connections", "connections.aborted_clients", abortedClients, plain(abortedClients)
                        + " connections were dropped without a proper close (Aborted_clients)",
                "Clients that die or exceed wait_timeout; check application error handling and wait_timeout.", s.ev("Aborted_clients"));
    }

    private static void innodbStatus(Values s, Values v, FindingCollector c) {
        if (s.empty()) {
            return;
        }
        double reads = s.num("Innodb_buffer_pool_reads");
        double requests = s.num("Innodb_buffer_pool_read_requests");
        if (requests >= c.rules().get("innodb.hit_ratio_min_requests").warning()) {
            double hit = 1 - reads / requests;
            c.metric("buffer_pool_hit_ratio", hit);
            c.rate("innodb", "innodb.buffer_pool_hit_ratio", hit, "Buffer pool hit ratio is " + percent(hit),
                    "Reads go to disk: raise innodb_buffer_pool_size toward the working set (about 70 % of RAM on a dedicated host).",
                    s.ev("Innodb_buffer_pool_reads"), s.ev("Innodb_buffer_pool_read_requests"), v.ev("innodb_buffer_pool_size"));
        }
        double total = s.num("Innodb_buffer_pool_pages_total");
        double free = s.num("Innodb_buffer_pool_pages_free");
        double dirty = s.num("Innodb_buffer_pool_pages_dirty");
        if (total > 0) {
            c.metric("buffer_pool_used_ratio", 1 - free / total);
            c.rate("innodb", "innodb.dirty_pages_ratio", dirty / total, "Dirty pages are " + percent(dirty / total) + " of the buffer pool",
                    "Writes outpace flushing: check innodb_io_capacity and the redo log size.", s.ev("Innodb_buffer_pool_pages_dirty"),
                    s.ev("Innodb_buffer_pool_pages_total"));
        }
        double logWaits = s.num("Innodb_log_waits");
        c.rate("innodb", "innodb.log_waits", logWaits, plain(logWaits) + " times transactions waited for the redo log buffer",
                "Raise innodb_log_buffer_size.", s.ev("Innodb_log_waits"), v.ev("innodb_log_buffer_size"));
        double current = s.num("Innodb_row_lock_current_waits");
        c.rate("innodb", "innodb.row_lock_current_waits", current, plain(current) + " statements are waiting for row locks right now",
                "Find the blocking transaction (information_schema.INNODB_TRX / sys.innodb_lock_waits) and commit or kill it.",
                s.ev("Innodb_row_lock_current_waits"), s.ev("Innodb_row_lock_waits"), s.ev("Innodb_row_lock_time_avg"));
        c.rate("innodb", "innodb.row_lock_time_avg_ms", s.num("Innodb_row_lock_time_avg"), "Row lock waits take "
                        + s.get("Innodb_row_lock_time_avg") + " ms on average", "Keep transactions short; index the columns used to find rows.",
                s.ev("Innodb_row_lock_waits"), s.ev("Innodb_row_lock_time"), s.ev("Innodb_row_lock_time_avg"));
        double deadlocks = s.num("Innodb_deadlocks");
        c.rate("innodb", "innodb.deadlocks", deadlocks, plain(deadlocks) + " deadlocks since the server started",
                "See the latest deadlock in SHOW ENGINE INNODB STATUS (or innodb_print_all_deadlocks in the error log); take locks in one order.",
                s.ev("Innodb_deadlocks"));
    }

    private static void innodb(InnodbStatus st, FindingCollector c) {
        if (!st.deadlock().isEmpty()) {
            List<Evidence> ev = new ArrayList<>();
            ev.add(metric("time", st.deadlockTime()));
            for (InnodbStatus.Transaction t : st.deadlock()) {
                ev.add(metric("transaction " + t.label(), t.header() + "; thread " + t.thread() + " " + t.user()));
                ev.add(metric("statement " + t.label(), t.statement()));
                if (!t.waitingFor().isEmpty()) {
                    ev.add(metric("waits for " + t.label(), t.waitingFor()));
                }
                if (!t.holds().isEmpty()) {
                    ev.add(metric("conflicts with " + t.label(), t.holds()));
                }
            }
            ev.add(metric("rolled back", st.rolledBack()));
            String tables = st.deadlock().stream().map(t -> table(t.waitingFor())).filter(x -> !x.isEmpty()).distinct()
                    .collect(Collectors.joining(", "));
            c.add("innodb", Severity.WARNING, "Deadlock between " + st.deadlock().size() + " transactions" + (tables.isEmpty() ? "" : " on "
                            + tables) + "; InnoDB rolled back transaction " + st.rolledBack(),
                    "Make both code paths lock rows in the same order (for example by primary key), keep transactions short, and retry"
                            + " on error 1213.", ev);
        }
        for (InnodbStatus.Transaction t : st.lockWaits()) {
            Severity s = c.rules().get("innodb.lock_wait_seconds").rate(t.waitedSeconds());
            c.add("innodb", s == Severity.OK ? Severity.WARNING : s, "Transaction " + t.label() + " (thread " + t.thread()
                            + ") has waited " + plain(t.waitedSeconds()) + " s for a row lock on " + table(t.waitingFor()),
                    "Find the transaction holding the lock (INNODB_TRX, sys.innodb_lock_waits) and commit or kill it.",
                    metric("statement", t.statement()), metric("waits for", t.waitingFor()), metric("transaction", t.header()));
        }
        c.metric("history_list_length", st.historyListLength());
        c.rate("innodb", "innodb.history_list_length", st.historyListLength(), "History list length is " + plain(st.historyListLength())
                + ": purge is behind", "A long-open transaction keeps old row versions; find it in INNODB_TRX (trx_started) and end it.",
                metric("History list length", plain(st.historyListLength())));
        if (st.hitRate() >= 0) {
            c.rate("innodb", "innodb.buffer_pool_hit_ratio", st.hitRate() / 1000, "Buffer pool hit rate is " + plain(st.hitRate())
                    + " / 1000", "Raise innodb_buffer_pool_size toward the working set.", metric("Buffer pool hit rate", plain(st.hitRate())));
        }
        if (st.bufferPoolSize() > 0) {
            c.add("innodb", Severity.INFO, "Buffer pool: " + plain(st.bufferPoolSize()) + " pages, " + plain(st.freeBuffers()) + " free, "
                    + plain(st.modifiedPages()) + " modified", "", metric("Buffer pool size", plain(st.bufferPoolSize())),
                    metric("Free buffers", plain(st.freeBuffers())), metric("Modified db pages", plain(st.modifiedPages())));
        }
    }

    private static String table(String lock) {
        int i = lock.indexOf("of table ");
        if (i < 0) {
            return "";
        }
        String rest = lock.substring(i + "of table ".length());
        int sp = rest.indexOf(' ');
        return sp < 0 ? rest : rest.substring(0, sp);
    }

    private static void replica(Map<String, String> row, FindingCollector c) {
        String io = first(row, "Slave_IO_Running", "Replica_IO_Running");
        String sql = first(row, "Slave_SQL_Running", "Replica_SQL_Running");
        if (io.isEmpty() && sql.isEmpty()) {
            return;
        }
        String name = first(row, "Connection_name", "Channel_Name");
        String source = first(row, "Master_Host", "Source_Host") + ":" + first(row, "Master_Port", "Source_Port");
        String who = "Replication from " + source + (name.isEmpty() ? "" : " (" + name + ")");
        String behind = first(row, "Seconds_Behind_Master", "Seconds_Behind_Source");
        List<Evidence> base = List.of(metric("IO thread", io), metric("SQL thread", sql), metric("Seconds_Behind", behind),
                metric("Source log", first(row, "Master_Log_File", "Source_Log_File") + " read " + first(row, "Read_Master_Log_Pos",
                        "Read_Source_Log_Pos") + ", executed " + first(row, "Exec_Master_Log_Pos", "Exec_Source_Log_Pos")),
                metric("Gtid_IO_Pos", first(row, "Gtid_IO_Pos", "Retrieved_Gtid_Set")), metric("Relay_Log_Space", row.getOrDefault("Relay_Log_Space", "")));
        boolean ok = true;
        if (!sql.equals("Yes")) {
            ok = false;
            List<Evidence> ev = new ArrayList<>(base);
            ev.add(metric("Last_SQL_Errno", row.getOrDefault("Last_SQL_Errno", "")));
            ev.add(metric("Last_SQL_Error", row.getOrDefault("Last_SQL_Error", "")));
            c.add("replication", Severity.CRITICAL, who + ": the SQL thread stopped" + errno(row.get("Last_SQL_Errno")),
                    "Fix the cause in Last_SQL_Error (a missing table or row means the replica drifted: re-clone it or repair the data),"
                            + " then START SLAVE; skipping events hides the drift.", ev);
        }
        if (!io.equals("Yes")) {
            ok = false;
            List<Evidence> ev = new ArrayList<>(base);
            ev.add(metric("Last_IO_Errno", row.getOrDefault("Last_IO_Errno", "")));
            ev.add(metric("Last_IO_Error", row.getOrDefault("Last_IO_Error", "")));
            c.add("replication", Severity.CRITICAL, who + ": the IO thread is " + (io.equals("No") ? "stopped" : io.toLowerCase(Locale.ROOT))
                            + errno(row.get("Last_IO_Errno")),
                    "Check the source is up and reachable and the replication user can log in (Last_IO_Error).", ev);
        }
        double lag = Numbers.parse(behind);
        c.metric("seconds_behind", lag);
        if (ok) {
            Severity s = c.rules().get("replication.seconds_behind").rate(lag);
            if (s == Severity.OK) {
                c.add("replication", Severity.OK, who + " is running, " + behind + " s behind", "", base);
            } else {
                c.rate("replication", "replication.seconds_behind", lag, who + " is " + behind + " s behind the source",
                        "Check the replica's load and long transactions on the source; consider parallel replication.", base.toArray(Evidence[]::new));
            }
        }
        c.rate("replication", "replication.relay_log_space_bytes", Numbers.parse(row.get("Relay_Log_Space")), who + " keeps "
                + bytes(Numbers.parse(row.get("Relay_Log_Space"))) + " of relay logs", "The SQL thread is behind the IO thread; check it.",
                metric("Relay_Log_Space", row.getOrDefault("Relay_Log_Space", "")));
    }

    /**
     * GTID checks of one replication channel: gaps (holes) in the executed set, transactions received but not applied
     * (MySQL Retrieved_Gtid_Set - Executed_Gtid_Set, MariaDB Gtid_IO_Pos - gtid_slave_pos per domain), and errant
     * transactions the replica wrote itself (its own server_uuid in gtid_executed, its own server_id in gtid_binlog_pos).
     */
    private static void gtids(Map<String, String> row, Values vars, FindingCollector c) {
        String name = first(row, "Connection_name", "Channel_Name");
        String who = "Replication from " + first(row, "Master_Host", "Source_Host") + ":" + first(row, "Master_Port", "Source_Port")
                + (name.isEmpty() ? "" : " (" + name + ")");
        String retrievedText = row.getOrDefault("Retrieved_Gtid_Set", "");
        String executedText = row.containsKey("Executed_Gtid_Set") ? row.get("Executed_Gtid_Set") : vars.get("gtid_executed");
        if (!retrievedText.isBlank() || !executedText.isBlank()) {
            Map<String, List<long[]>> retrieved = GtidSets.parseMySql(retrievedText);
            Map<String, List<long[]>> executed = GtidSets.parseMySql(executedText);
            String sourceUuid = first(row, "Master_UUID", "Source_UUID").toLowerCase(Locale.ROOT);
            Map<String, Long> holes = GtidSets.holes(executed);
            if (!sourceUuid.isEmpty()) {
                holes.keySet().removeIf(k -> !k.startsWith(sourceUuid));
            }
            long missing = holes.values().stream().mapToLong(Long::longValue).sum();
            c.metric("gtid_gap_transactions", missing);
            c.rate("replication", "replication.gtid_gap_transactions", missing, who + ": " + missing + " transaction(s) missing inside the"
                    + " executed GTID set (GTID gaps)", "A gap means transactions were skipped (or a multi-threaded replica stopped"
                    + " mid-way): compare the data with the source (pt-table-checksum) and re-clone if they differ.",
                    metric("gaps by source", holes.toString()), metric("Executed_Gtid_Set", executedText.strip()));
            unapplied(who, GtidSets.missingFrom(retrieved, executed), metric("Retrieved_Gtid_Set", retrievedText.strip()),
                    metric("Executed_Gtid_Set", executedText.strip()), c);
            String own = vars.get("server_uuid").toLowerCase(Locale.ROOT);
            if (!own.isEmpty() && !own.equals(sourceUuid)) {
                Map<String, List<long[]>> mine = new LinkedHashMap<>();
                executed.forEach((k, v) -> {
                    if (k.startsWith(own)) {
                        mine.put(k, v);
                    }
                });
                long errant = GtidSets.count(mine);
                c.rate("replication", "replication.errant_transactions", errant, who + ": the replica executed " + errant
                        + " transaction(s) of its own (errant GTIDs)", "Writes on a replica make it differ from the source and break"
                        + " a failover to it: find them (mysqlbinlog on its binlogs), then set read_only/super_read_only.",
                        metric("server_uuid", own), metric("Executed_Gtid_Set", executedText.strip()));
            }
        }
        String ioText = row.getOrDefault("Gtid_IO_Pos", "");
        String slaveText = row.containsKey("Gtid_Slave_Pos") ? row.get("Gtid_Slave_Pos") : vars.get("gtid_slave_pos");
        if (!ioText.isBlank() && !slaveText.isBlank()) {
            // only domains whose applied position is known: SHOW SLAVE STATUS alone does not tell it
            Map<Long, long[]> io = GtidSets.parseMariaDb(ioText);
            Map<Long, long[]> applied = GtidSets.parseMariaDb(slaveText);
            long behind = 0;
            for (Map.Entry<Long, long[]> e : io.entrySet()) {
                long[] a = applied.get(e.getKey());
                if (a != null) {
                    behind += Math.max(0, e.getValue()[1] - a[1]);
                }
            }
            unapplied(who, behind, metric("Gtid_IO_Pos", ioText.strip()), metric("gtid_slave_pos", slaveText.strip()), c);
        }
        long ownId = (long) Numbers.parse(vars.get("server_id"));
        String binlogPos = vars.get("gtid_binlog_pos");
        if (ownId > 0 && !binlogPos.isBlank() && !ioText.isBlank()) {
            List<String> local = new ArrayList<>();
            GtidSets.parseMariaDb(binlogPos).forEach((domain, pos) -> {
                if (pos[0] == ownId) {
                    local.add(domain + "-" + pos[0] + "-" + pos[1]);
                }
            });
            c.rate("replication", "replication.errant_transactions", local.size(), who + ": the replica wrote transactions of its own"
                    + " (server_id " + ownId + " in gtid_binlog_pos " + String.join(",", local) + ")", "Writes on a replica make it differ"
                    + " from the source and break a failover to it: set read_only and move the writes to the source.",
                    metric("gtid_binlog_pos", binlogPos.strip()), metric("server_id", Long.toString(ownId)));
        }
    }

    private static void unapplied(String who, long count, Evidence a, Evidence b, FindingCollector c) {
        c.metric("gtid_unapplied_transactions", count);
        if (count <= 0) {
            return;
        }
        Severity s = c.rate("replication", "replication.gtid_unapplied_transactions", count, who + ": " + count
                + " transaction(s) received but not applied yet", "The SQL (applier) thread is behind or stopped: see its state"
                + " and errors.", a, b);
        if (s == Severity.OK) {
            c.add("replication", Severity.INFO, who + ": " + count + " transaction(s) received but not applied yet", "", a, b);
        }
    }

    private static String errno(String errno) {
        return errno == null || errno.isBlank() || errno.equals("0") ? "" : " with error " + errno;
    }

    private static String first(Map<String, String> row, String a, String b) {
        String v = row.get(a);
        return v != null ? v.strip() : row.getOrDefault(b, "").strip();
    }

    private static void processlist(List<Map<String, String>> rows, FindingCollector c) {
        if (rows.isEmpty()) {
            return;
        }
        double longLimit = c.rules().get("processlist.long_query_seconds").warning();
        double sleepLimit = c.rules().get("processlist.idle_sleep_seconds").warning();
        List<Map<String, String>> longRunning = new ArrayList<>();
        int sleeping = 0;
        int idle = 0;
        Map<String, Integer> perUser = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            String cmd = r.getOrDefault("Command", "");
            double time = Numbers.parse(r.get("Time"));
            String user = r.getOrDefault("User", "") + "@" + host(r.getOrDefault("Host", ""));
            perUser.merge(user, 1, Integer::sum);
            if (cmd.equals("Sleep")) {
                sleeping++;
                if (time >= sleepLimit) {
                    idle++;
                }
            } else if (cmd.equals("Query") || cmd.equals("Execute")) {
                String info = r.getOrDefault("Info", "");
                if (time >= longLimit && !info.toUpperCase(Locale.ROOT).startsWith("SHOW") && !info.equals("NULL")) {
                    longRunning.add(r);
                }
            }
        }
        c.metric("processlist_threads", rows.size());
        List<Evidence> dist = new ArrayList<>();
        dist.add(metric("threads", Integer.toString(rows.size())));
        dist.add(metric("sleeping", Integer.toString(sleeping)));
        perUser.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(5)
                .forEach(e -> dist.add(metric(e.getKey(), e.getValue() + " connections")));
        c.add("connections", Severity.INFO, rows.size() + " threads in the processlist, " + sleeping + " sleeping", "", dist);
        if (idle > 0) {
            c.rate("connections", "processlist.idle_sleepers", idle, idle + " connections have slept " + plain(sleepLimit) + " s or more",
                    "Idle connections hold memory and count against max_connections: lower wait_timeout or fix pools.",
                    metric("idle", Integer.toString(idle)));
        }
        for (Map<String, String> r : longRunning) {
            double time = Numbers.parse(r.get("Time"));
            Severity s = c.rules().get("processlist.long_query_seconds").rate(time);
            String info = r.getOrDefault("Info", "");
            c.add("performance", s, "Query running for " + plain(time) + " s (thread " + r.get("Id") + ", " + r.get("User") + ")",
                    "Check its plan (EXPLAIN) or kill it (KILL QUERY " + r.get("Id") + ") if it blocks others.",
                    metric("state", r.getOrDefault("State", "")), line(info.length() > 300 ? info.substring(0, 300) + "..." : info),
                    metric("db", r.getOrDefault("db", "")));
        }
        long metadata = rows.stream().filter(r -> r.getOrDefault("State", "").contains("metadata lock")).count();
        if (metadata > 0) {
            c.add("innodb", Severity.CRITICAL, metadata + " threads wait for a table metadata lock",
                    "A DDL waits behind an open transaction and blocks everything after it: end the old transaction or kill the DDL.",
                    metric("waiting", Long.toString(metadata)));
        }
    }

    private static String host(String host) {
        int colon = host.lastIndexOf(':');
        return colon > 0 ? host.substring(0, colon) : host;
    }

    private static void performance(Values s, FindingCollector c) {
        if (s.empty() || !s.has("Com_select")) {
            return;
        }
        double selects = s.num("Com_select");
        double uptime = s.num("Uptime");
        double questions = s.num("Questions");
        if (uptime > 0) {
            c.metric("queries_per_second", questions / uptime);
        }
        if (selects >= c.rules().get("performance.min_selects").warning()) {
            double scans = s.num("Select_scan");
            c.rate("performance", "performance.full_scan_ratio", scans / selects, percent(scans / selects)
                            + " of SELECTs scan a whole table (Select_scan)", "Find them in the slow log or performance_schema digests"
                            + " (no index used) and add indexes.", s.ev("Select_scan"), s.ev("Com_select"), s.ev("Select_full_join"));
            double joins = s.num("Select_full_join");
            c.rate("performance", "performance.full_joins", joins, plain(joins) + " joins without an index (Select_full_join)",
                    "Index the join columns of these queries.", s.ev("Select_full_join"));
        }
        double tmp = s.num("Created_tmp_tables");
        double disk = s.num("Created_tmp_disk_tables");
        if (tmp >= c.rules().get("performance.min_tmp_tables").warning()) {
            c.rate("performance", "performance.tmp_disk_ratio", disk / tmp, percent(disk / tmp) + " of temporary tables went to disk",
                    "Raise tmp_table_size and max_heap_table_size, or avoid BLOB/TEXT columns in GROUP BY / DISTINCT.",
                    s.ev("Created_tmp_disk_tables"), s.ev("Created_tmp_tables"));
        }
        c.rate("performance", "performance.sort_merge_passes", s.num("Sort_merge_passes"), s.get("Sort_merge_passes")
                + " sort merge passes", "Raise sort_buffer_size for the sessions that sort big results, or add indexes for ORDER BY.",
                s.ev("Sort_merge_passes"), s.ev("Sort_rows"));
        if (questions > 0) {
            double slow = s.num("Slow_queries");
            c.rate("performance", "performance.slow_ratio", slow / questions, percent(slow / questions) + " of statements were slow",
                    "Digest the slow log (triage slowlog digest).", s.ev("Slow_queries"), s.ev("Questions"));
        }
    }

    private static void config(Values s, Values v, FindingCollector c) {
        if (v.empty()) {
            return;
        }
        double pool = v.num("innodb_buffer_pool_size");
        c.rate("config", "config.buffer_pool_min_bytes", pool, "innodb_buffer_pool_size is only " + bytes(pool),
                "Size the buffer pool to the working set (often 50-75 % of RAM on a dedicated server).", v.ev("innodb_buffer_pool_size"));
        if (v.has("innodb_flush_log_at_trx_commit") && !v.get("innodb_flush_log_at_trx_commit").equals("1")) {
            c.add("config", Severity.INFO, "innodb_flush_log_at_trx_commit is " + v.get("innodb_flush_log_at_trx_commit")
                    + ": up to a second of commits can be lost in a crash", "Use 1 where every commit must survive a crash.",
                    v.ev("innodb_flush_log_at_trx_commit"));
        }
        if (v.has("log_bin") && v.get("log_bin").equalsIgnoreCase("OFF")) {
            c.add("config", Severity.INFO, "Binary logging is off: no point-in-time recovery and no replicas",
                    "Enable log_bin where backups or replicas need it.", v.ev("log_bin"));
        } else if (v.has("sync_binlog") && v.get("sync_binlog").equals("0")) {
            c.add("config", Severity.INFO, "sync_binlog is 0: the binary log may lose transactions in a crash",
                    "Use sync_binlog=1 for crash-safe replication.", v.ev("sync_binlog"));
        }
        if (v.has("query_cache_type") && v.get("query_cache_type").equalsIgnoreCase("ON") && v.num("query_cache_size") > 0) {
            c.add("config", Severity.WARNING, "The query cache is on: it serialises writes on busy servers",
                    "Turn it off (query_cache_type=0, query_cache_size=0).", v.ev("query_cache_type"), v.ev("query_cache_size"));
        }
        if (v.has("slow_query_log") && v.get("slow_query_log").equalsIgnoreCase("OFF")) {
            c.add("config", Severity.INFO, "The slow query log is off", "Turn it on with a long_query_time that fits the application.",
                    v.ev("slow_query_log"), v.ev("long_query_time"));
        }
        if (v.has("performance_schema") && v.get("performance_schema").equalsIgnoreCase("OFF")) {
            c.add("config", Severity.INFO, "performance_schema is off: no statement digests", "Turn it on (it needs a restart).",
                    v.ev("performance_schema"));
        }
        double max = v.num("max_connections");
        c.rate("config", "config.max_connections_high", max, "max_connections is " + plain(max),
                "Thousands of connections thrash the server: put a pool or proxy in front.", v.ev("max_connections"));
        double opened = s.num("Opened_tables");
        double uptime = s.num("Uptime");
        if (uptime > 0 && v.has("table_open_cache")) {
            c.rate("config", "config.opened_tables_per_hour", opened / uptime * 3600, plain(opened / uptime * 3600)
                    + " tables opened per hour: table_open_cache is too small", "Raise table_open_cache.", s.ev("Opened_tables"),
                    v.ev("table_open_cache"), s.ev("Uptime"));
        }
    }

    private static void digests(List<Map<String, String>> rows, FindingCollector c) {
        for (Map<String, String> r : rows.stream().limit(5).toList()) {
            double examined = Numbers.parse(r.get("rows_examined"));
            double sent = Numbers.parse(r.get("rows_sent"));
            double calls = Numbers.parse(r.get("calls"));
            double ratio = sent > 0 ? examined / sent : examined;
            List<Evidence> ev = List.of(metric("calls", r.getOrDefault("calls", "")), metric("total_ms", r.getOrDefault("total_ms", "")),
                    metric("rows_examined", r.getOrDefault("rows_examined", "")), metric("rows_sent", r.getOrDefault("rows_sent", "")),
                    metric("no_index_used", r.getOrDefault("no_index_used", "")), metric("tmp_disk_tables", r.getOrDefault("tmp_disk_tables", "")),
                    line(r.getOrDefault("digest_text", "")));
            Severity s = c.rules().get("performance.rows_examined_per_sent").rate(ratio);
            c.add("performance", s == Severity.OK ? Severity.INFO : s, "Top statement: " + abbreviate(r.getOrDefault("digest_text", ""))
                    + " (" + plain(calls) + " calls, " + plain(ratio) + " rows examined per row sent)", s == Severity.OK ? ""
                    : "Add an index so it reads fewer rows (EXPLAIN it).", ev);
        }
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 80 ? one.substring(0, 80) + "..." : one;
    }
}
