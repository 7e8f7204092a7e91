package dev.triage.plugin.mysqldiag.domain;

import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.diag.domain.DetailTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The MySQL view's detail tables read from a capture: the processlist (longest running first), the latest deadlock with
 * both transactions and their locks, the lock waits of the InnoDB status, and the top statement digests.
 */
public final class MySqlDetails {

    /** The id of the processlist table. */
    public static final String PROCESSLIST = "processlist";
    /** The id of the deadlock table. */
    public static final String DEADLOCK = "deadlock";
    /** The id of the lock-wait table. */
    public static final String LOCK_WAITS = "lock-waits";
    /** The id of the digest table. */
    public static final String DIGESTS = "digests";

    private static final List<String> PROCESS_COLUMNS = List.of("Id", "User", "Host", "db", "Command", "Time", "State", "Info");
    private static final List<String> TRX_COLUMNS = List.of("Transaction", "Thread", "User / state", "Statement", "Waiting for",
            "Holds", "Waited s", "Rolled back");

    private MySqlDetails() {
    }

    /**
     * Reads the tables from a capture or a dump; the processlist and deadlock tables are always there (maybe empty).
     *
     * @param capture the capture
     * @return the tables
     */
    public static List<DetailTable> tables(Capture capture) {
        List<DetailTable> out = new ArrayList<>();
        List<List<String>> procs = new ArrayList<>();
        for (CaptureItem i : capture.items(MySqlDumpKind.PROCESSLIST)) {
            for (Map<String, String> r : ResultTable.parse(i.output(), MySqlDumpKind.PROCESSLIST_COLUMNS)) {
                procs.add(PROCESS_COLUMNS.stream().map(c -> r.getOrDefault(c, "")).toList());
            }
        }
        procs.sort((a, b) -> {
            boolean sleepA = a.get(4).equals("Sleep");
            boolean sleepB = b.get(4).equals("Sleep");
            return sleepA != sleepB ? (sleepA ? 1 : -1) : Double.compare(number(b.get(5)), number(a.get(5)));
        });
        out.add(new DetailTable(PROCESSLIST, "Processlist", PROCESS_COLUMNS, procs));
        List<List<String>> deadlock = new ArrayList<>();
        List<List<String>> waits = new ArrayList<>();
        String deadlockTime = "";
        for (CaptureItem i : capture.items(MySqlDumpKind.INNODB)) {
            InnodbStatus s = InnodbStatus.parse(i.output());
            deadlockTime = s.deadlockTime();
            for (InnodbStatus.Transaction t : s.deadlock()) {
                deadlock.add(row(t, s.rolledBack().equals(t.label()) ? "yes" : ""));
            }
            for (InnodbStatus.Transaction t : s.lockWaits()) {
                waits.add(row(t, ""));
            }
        }
        out.add(new DetailTable(DEADLOCK, deadlockTime == null || deadlockTime.isEmpty() ? "Latest deadlock" : "Latest deadlock " + deadlockTime,
                TRX_COLUMNS, deadlock));
        if (!waits.isEmpty()) {
            out.add(new DetailTable(LOCK_WAITS, "Lock waits", TRX_COLUMNS, waits));
        }
        List<List<String>> digests = new ArrayList<>();
        List<String> digestColumns = List.of("digest_text", "calls", "total_ms", "rows_examined", "rows_sent", "no_index_used", "tmp_disk_tables",
                "sort_merge_passes");
        for (CaptureItem i : capture.items(MySqlDumpKind.DIGESTS)) {
            for (Map<String, String> r : ResultTable.parse(i.output(), null)) {
                digests.add(digestColumns.stream().map(c -> r.getOrDefault(c, "")).toList());
            }
        }
        if (!digests.isEmpty()) {
            out.add(new DetailTable(DIGESTS, "Top statements", List.of("Statement", "Calls", "Total ms", "Rows examined", "Rows sent",
                    "No index", "Tmp disk tables", "Sort merges"), digests));
        }
        return out;
    }

    private static List<String> row(InnodbStatus.Transaction t, String rolledBack) {
        return List.of(t.label(), t.thread(), t.user(), t.statement(), t.waitingFor(), t.holds(),
                Double.isNaN(t.waitedSeconds()) ? "" : dev.triage.diag.domain.Numbers.plain(t.waitedSeconds()), rolledBack);
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
