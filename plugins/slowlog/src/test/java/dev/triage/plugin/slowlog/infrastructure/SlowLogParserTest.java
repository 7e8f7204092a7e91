package dev.triage.plugin.slowlog.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.plugin.slowlog.domain.SlowLogFormat;
import dev.triage.plugin.slowlog.domain.SlowQueryEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SlowLogParserTest {

    static final String MYSQL57 = """
            /usr/sbin/mysqld, Version: 5.7.30-log (MySQL Community Server (GPL)). started with:
            Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock
            Time                 Id Command    Argument
            # Time: 2020-05-01T10:00:00.123456Z
            # User@Host: app[app] @ web1 [10.0.0.1]  Id:    42
            # Query_time: 1.500000  Lock_time: 0.000100 Rows_sent: 10  Rows_examined: 1000
            use shop;
            SET timestamp=1588327200;
            SELECT *
              FROM orders
             WHERE id = 7;
            # Time: 2020-05-01T10:00:01.000000Z
            # User@Host: app[app] @ web1 [10.0.0.1]  Id:    42
            # Query_time: 0.500000  Lock_time: 0.000000 Rows_sent: 1  Rows_examined: 10
            SET timestamp=1588327201;
            SELECT * FROM orders WHERE id = 8;
            /usr/sbin/mysqld, Version: 5.7.30-log (MySQL Community Server (GPL)). started with:
            Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock
            Time                 Id Command    Argument
            # Time: 2020-05-01T10:05:00.000000Z
            # User@Host: root[root] @ localhost []  Id:     3
            # Query_time: 0.010000  Lock_time: 0.000000 Rows_sent: 0  Rows_examined: 0
            SET timestamp=1588327500;
            # administrator command: Quit;
            """;

    static final String PERCONA = """
            # Time: 071015 21:43:52
            # User@Host: root[root] @ localhost []
            # Thread_id: 10  Schema: sakila  Last_errno: 0  Killed: 0
            # Query_time: 2.000000  Lock_time: 0.000000  Rows_sent: 1  Rows_examined: 0  Rows_affected: 0  Bytes_sent: 56
            # InnoDB_IO_r_ops: 0  InnoDB_IO_r_bytes: 0  InnoDB_IO_r_wait: 0.000000
            # InnoDB_rec_lock_wait: 0.000000  InnoDB_queue_wait: 0.000000
            # InnoDB_pages_distinct: 3
            SELECT sleep(2) FROM n;
            """;

    static final String MARIADB = """
            # Time: 230101  1:02:03
            # User@Host: u[u] @ localhost []
            # Thread_id: 8  Schema: test  QC_hit: No
            # Query_time: 0.000277  Lock_time: 0.000137  Rows_sent: 1  Rows_examined: 0
            # Rows_affected: 0  Bytes_sent: 67
            # explain: id\tselect_type\ttable\ttype
            # explain: 1\tSIMPLE\tNULL\tNULL
            #
            SET timestamp=1672534923;
            select 1;
            """;

    static final String TIDB = """
            # Time: 2019-09-05T11:29:28.128+08:00
            # Txn_start_ts: 411302374436700161
            # User@Host: root[root] @ 127.0.0.1 [127.0.0.1]
            # Conn_ID: 5
            # Query_time: 0.314156
            # Parse_time: 0.000041 Compile_time: 0.000225
            # DB: mysql
            # Index_names: [global_variables:PRIMARY]
            # Is_internal: false
            # Digest: 2bf8c0ab1d7a6a0a
            # Stats: global_variables:pseudo
            # Succ: true
            # Plan: tidb_decode_plan('gAE4MAkxN18xCTAJMTAJdGFibGU6')
            use mysql;
            select variable_name from mysql.global_variables where variable_name in ('a', 'b');
            """;

    @Test
    void readsMySql57WithRestartPreambleMultiLineStatementsAndAdminCommands() throws IOException {
        List<SlowQueryEvent> events = new ArrayList<>();
        var r = parse(MYSQL57, events);
        assertThat(r.format()).isEqualTo(SlowLogFormat.MYSQL);
        assertThat(r.problemCount()).isZero();
        assertThat(events).hasSize(3);
        SlowQueryEvent first = events.get(0);
        assertThat(first.line()).isEqualTo(4);
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2020-05-01T10:00:00.123456Z"));
        assertThat(first.queryTime()).isEqualTo(1.5);
        assertThat(first.lockTime()).isEqualTo(0.0001);
        assertThat(first.rowsSent()).isEqualTo(10);
        assertThat(first.rowsExamined()).isEqualTo(1000);
        assertThat(first.user()).isEqualTo("app");
        assertThat(first.host()).isEqualTo("web1");
        assertThat(first.db()).isEqualTo("shop");
        assertThat(first.threadId()).isEqualTo(42);
        assertThat(first.statement()).isEqualTo("SELECT *\n  FROM orders\n WHERE id = 7");
        assertThat(first.fingerprint()).isEqualTo("select * from orders where id = ?");
        assertThat(events.get(1).fingerprint()).isEqualTo(first.fingerprint());
        assertThat(events.get(1).checksum()).isEqualTo(first.checksum());
        assertThat(events.get(1).db()).as("inherited like pt-query-digest does").isEqualTo("shop");
        assertThat(events.get(1).timestamp()).isEqualTo(Instant.parse("2020-05-01T10:00:01Z"));
        assertThat(events.get(2).statement()).isEqualTo("administrator command: Quit");
        assertThat(events.get(2).attributes()).containsEntry("ip", "");
    }

    @Test
    void keepsPerconaExtendedAttributes() throws IOException {
        List<SlowQueryEvent> events = new ArrayList<>();
        parse(PERCONA, events);
        SlowQueryEvent e = events.get(0);
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2007-10-15T21:43:52Z"));
        assertThat(e.db()).isEqualTo("sakila");
        assertThat(e.threadId()).isEqualTo(10);
        assertThat(e.attributes()).containsEntry("InnoDB_pages_distinct", "3").containsEntry("Bytes_sent", "56")
                .containsEntry("Killed", "0").containsEntry("InnoDB_queue_wait", "0.000000");
        assertThat(e.fingerprint()).isEqualTo("select sleep(?) from n");
    }

    @Test
    void readsMariaDbWithExplainLines() throws IOException {
        List<SlowQueryEvent> events = new ArrayList<>();
        var r = parse(MARIADB, events);
        assertThat(r.format()).isEqualTo(SlowLogFormat.MARIADB);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.timestamp()).isEqualTo(Instant.parse("2023-01-01T01:02:03Z"));
            assertThat(e.statement()).isEqualTo("select 1");
            assertThat(e.attributes()).containsEntry("QC_hit", "No").containsEntry("Bytes_sent", "67");
        });
    }

    @Test
    void readsTiDbWithItsZoneAndAttributes() throws IOException {
        List<SlowQueryEvent> events = new ArrayList<>();
        var r = parse(TIDB, events);
        assertThat(r.format()).isEqualTo(SlowLogFormat.TIDB);
        SlowQueryEvent e = events.get(0);
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2019-09-05T03:29:28.128Z"));
        assertThat(e.threadId()).isEqualTo(5);
        assertThat(e.db()).isEqualTo("mysql");
        assertThat(e.attributes()).containsEntry("Digest", "2bf8c0ab1d7a6a0a").containsEntry("Txn_start_ts", "411302374436700161")
                .containsEntry("Index_names", "[global_variables:PRIMARY]").containsEntry("Compile_time", "0.000225")
                .containsEntry("Plan", "tidb_decode_plan('gAE4MAkxN18xCTAJMTAJdGFibGU6')");
        assertThat(e.fingerprint()).isEqualTo("select variable_name from mysql.global_variables where variable_name in(?+)");
    }

    @Test
    void readsGzipDetectedByMagicBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(PERCONA.getBytes(StandardCharsets.UTF_8));
        }
        List<SlowQueryEvent> events = new ArrayList<>();
        SlowLogParser.parse(new ByteArrayInputStream(bytes.toByteArray()), "slow.log.gz", events::add, n -> { });
        assertThat(events).extracting(SlowQueryEvent::fingerprint).containsExactly("select sleep(?) from n");
    }

    @Test
    void skipsGarbageCutsHugeLinesAndReportsATruncatedEntryWithoutLosingTheRest() throws IOException {
        String huge = "SELECT '" + "x".repeat(SlowLogParser.MAX_LINE + 10) + "' FROM big;\n";
        String log = PERCONA + "\u0000\u0001\u0002garbage\n" + "# Time: 071015 21:43:53\n# User@Host: a[a] @ h []\n"
                + "# Query_time: 3  Lock_time: 0  Rows_sent: 0  Rows_examined: 0\n" + huge
                + "# Time: 071015 21:43:54\n# User@Host: a[a] @ h []\n# Query_time: 1  Lock_time: 0  Rows_sent: 0  Rows_examined: 0\n";
        List<SlowQueryEvent> events = new ArrayList<>();
        var r = parse(log, events);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).statement()).hasSizeLessThanOrEqualTo(SlowLogParser.MAX_LINE).startsWith("SELECT 'xxx");
        assertThat(r.problems()).extracting(p -> p.line() + ": " + p.reason()).containsExactly(
                "9: binary or control bytes; line skipped",
                "13: line longer than " + SlowLogParser.MAX_LINE + " bytes; cut",
                "14: entry without a statement (truncated?); skipped");
        assertThat(r.problems().get(0).toString()).startsWith("slow.log line 9:");
    }

    @Test
    void keepsWhatACutGzipFileHoldsAndSaysTheRestIsLost() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            log.append("# Time: 071015 21:43:52\n# User@Host: root[root] @ localhost []\n")
                    .append("# Query_time: 1  Lock_time: 0  Rows_sent: 1  Rows_examined: 0\nSELECT ").append(i * 7919 % 104729)
                    .append(" FROM t").append(i % 13).append(";\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(log.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        List<SlowQueryEvent> events = new ArrayList<>();
        var r = SlowLogParser.parse(new ByteArrayInputStream(cut), "cut.log.gz", events::add, n -> { });
        assertThat(events).hasSizeBetween(100, 1999);
        assertThat(r.problems()).extracting(p -> p.reason()).contains("compressed data ends early; the rest of the file is lost");
    }

    @Test
    void readsCrlfLogsLikeTheirLfTwins() throws IOException {
        List<SlowQueryEvent> lf = new ArrayList<>();
        List<SlowQueryEvent> crlf = new ArrayList<>();
        parse(MYSQL57 + PERCONA, lf);
        parse((MYSQL57 + PERCONA).replace("\n", "\r\n"), crlf);
        assertThat(crlf).hasSize(4).isEqualTo(lf);
    }

    @Test
    void anEmptyFileHasNoEvents() throws IOException {
        List<SlowQueryEvent> events = new ArrayList<>();
        assertThat(parse("", events).events()).isZero();
        assertThat(events).isEmpty();
    }

    private static SlowLogParser.Result parse(String log, List<SlowQueryEvent> events) throws IOException {
        return SlowLogParser.parse(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), "slow.log", events::add, n -> { });
    }
}
