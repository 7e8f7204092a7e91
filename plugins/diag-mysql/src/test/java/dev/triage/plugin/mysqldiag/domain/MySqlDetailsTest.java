package dev.triage.plugin.mysqldiag.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.diag.domain.DetailTable;
import dev.triage.diag.testing.Corpus;
import dev.triage.plugin.mysqldiag.infrastructure.MySqlDiagnostics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MySQL view's processlist, deadlock and digest tables, from dumps this test writes and from the captured corpus. */
class MySqlDetailsTest {

    static DetailTable table(List<DetailTable> tables, String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no table " + id));
    }

    static List<DetailTable> tables(CaptureItem... items) {
        return MySqlDetails.tables(new Capture(MySqlDiagnostics.ID, "t", Instant.EPOCH, List.of(items)));
    }

    @Test
    void processlistRunsLongestFirstAndTheDeadlockShowsBothTransactions() {
        String procs = "Id\tUser\tHost\tdb\tCommand\tTime\tState\tInfo\tProgress\n"
                + "7\tapp\tlocalhost:1\tshop\tSleep\t900\t\tNULL\t0.000\n"
                + "8\tapp\tlocalhost:2\tshop\tQuery\t3\tSending data\tSELECT 1\t0.000\n"
                + "9\treport\tlocalhost:3\tshop\tQuery\t120\tUpdating\tUPDATE t SET a=1\t0.000\n";
        String innodb = MySqlParsersTest.DEADLOCK;
        String digests = "digest_text\tcalls\ttotal_ms\trows_examined\trows_sent\tno_index_used\ttmp_disk_tables\tsort_merge_passes\n"
                + "SELECT * FROM t WHERE a = ?\t12\t340.5\t120000\t12\t12\t0\t0\n";
        List<DetailTable> tables = tables(new CaptureItem(MySqlDumpKind.PROCESSLIST, "", procs), new CaptureItem(MySqlDumpKind.INNODB, "", innodb),
                new CaptureItem(MySqlDumpKind.DIGESTS, "", digests));
        assertThat(table(tables, MySqlDetails.DIGESTS).rows()).containsExactly(List.of("SELECT * FROM t WHERE a = ?", "12", "340.5", "120000",
                "12", "12", "0", "0"));
        DetailTable p = table(tables, MySqlDetails.PROCESSLIST);
        assertThat(p.column("Id")).containsExactly("9", "8", "7");
        assertThat(p.column("Info")).startsWith("UPDATE t SET a=1");
        DetailTable d = table(tables, MySqlDetails.DEADLOCK);
        assertThat(d.title()).contains("2026-01-01 00:00:00");
        assertThat(d.column("Thread")).containsExactly("5", "6");
        assertThat(d.column("Statement")).containsExactly("UPDATE t SET a=1 WHERE id=1", "UPDATE t SET a=2 WHERE id=2");
        assertThat(d.column("Waiting for").get(0)).contains("lock_mode X");
        assertThat(d.column("Holds").get(1)).contains("trx id 11");
        assertThat(d.column("Rolled back")).containsExactly("", "yes");
        assertThat(tables(new CaptureItem(MySqlDumpKind.STATUS, "", "Uptime\t5\n"))).extracting(DetailTable::id)
                .containsExactly(MySqlDetails.PROCESSLIST, MySqlDetails.DEADLOCK).allSatisfy(id -> assertThat(id).isNotEmpty());
    }

    @Test
    void capturedDeadlockProcesslistAndDigests() throws Exception {
        String dir = "status/mysql-captured";
        List<DetailTable> tables = tables(
                new CaptureItem(MySqlDumpKind.INNODB, "", Corpus.read(dir, "deadlock-orders-show-engine-innodb-status.vertical.txt")),
                new CaptureItem(MySqlDumpKind.PROCESSLIST, "", Corpus.read(dir, "lockwait-show-full-processlist.table.txt")));
        DetailTable d = table(tables, MySqlDetails.DEADLOCK);
        assertThat(d.rows()).hasSize(2);
        assertThat(d.column("Statement")).allSatisfy(s -> assertThat(s).isNotBlank());
        assertThat(d.column("Rolled back")).containsOnlyOnce("yes");
        DetailTable p = table(tables, MySqlDetails.PROCESSLIST);
        assertThat(p.rows()).isNotEmpty();
        assertThat(p.column("Command").get(0)).isNotEqualTo("Sleep");
        assertThat(p.column("Info")).contains("UPDATE orders SET amount=0 WHERE id=500");
    }
}
