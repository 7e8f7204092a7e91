package dev.triage.plugin.slowlog.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.task.TaskContext;
import dev.triage.plugin.slowlog.SlowLogText;
import dev.triage.plugin.slowlog.application.DigestAttribute;
import dev.triage.plugin.slowlog.application.DigestFilter;
import dev.triage.plugin.slowlog.application.DigestGroup;
import dev.triage.plugin.slowlog.application.DigestOrder;
import dev.triage.plugin.slowlog.application.DigestQuery;
import dev.triage.plugin.slowlog.application.DigestRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one-off digest computed in Java while parsing gives the rows of the SQL digest over the same events in DuckDB. */
class StreamingDigestTest {

    private static final TaskContext NONE = PtQueryDigestOracleTest.NONE;

    static Stream<Path> corpusLogs() throws IOException {
        return BatchedParseTest.corpusLogs();
    }

    /** Groupings, orders and filters that together use every branch of the Java digest. */
    static List<DigestQuery> queries() {
        DigestFilter slow = new DigestFilter(null, null, null, null, null, 0.5, "select");
        DigestFilter window = new DigestFilter(Instant.parse("2024-03-01T10:00:30Z"), Instant.parse("2024-03-01T10:02:00Z"),
                null, null, null, null, null);
        return List.of(new DigestQuery(DigestOrder.SUM, 1_000_000),
                new DigestQuery(DigestOrder.COUNT, DigestAttribute.QUERY_TIME, DigestGroup.DB, 1_000_000, DigestFilter.ALL),
                new DigestQuery(DigestOrder.MAX, DigestAttribute.ROWS_EXAMINED, DigestGroup.USER, 1_000_000, DigestFilter.ALL),
                new DigestQuery(DigestOrder.P95, DigestAttribute.QUERY_TIME, DigestGroup.HOST, 1_000_000, DigestFilter.ALL),
                new DigestQuery(DigestOrder.AVG, DigestAttribute.QUERY_SIZE, DigestGroup.PLAN_DIGEST, 1_000_000, DigestFilter.ALL),
                new DigestQuery(DigestOrder.SUM, DigestAttribute.LOCK_TIME, DigestGroup.FINGERPRINT, 3, slow),
                new DigestQuery(DigestOrder.SUM, DigestAttribute.ROWS_SENT, DigestGroup.FINGERPRINT, 1_000_000, window));
    }

    @ParameterizedTest
    @MethodSource("corpusLogs")
    void everyCorpusLogDigestsAsInSql(Path log) throws Exception {
        for (DigestQuery q : queries()) {
            sameRows(log, q);
        }
    }

    @Test
    void aLogOfItsOwnDigestsAsInSqlForEveryGroupingAndFilter(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("slow.log"), randomLog(new Random(4), 600), StandardCharsets.UTF_8);
        for (DigestQuery q : queries()) {
            List<DigestRow> java = sameRows(log, q);
            assertThat(java).as("rows of %s", q).isNotEmpty();
        }
    }

    /** A log of a few classes, users, hosts and databases, three entries a second from 2024-03-01T10:00Z on. */
    static String randomLog(Random random, int entries) {
        String[] statements = {"SELECT * FROM orders WHERE id = %d", "UPDATE stock SET n = n - %d WHERE sku = 'a'",
            "select c from t%d", "INSERT INTO log VALUES (%d, 'x')"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < entries; i++) {
            String time = Instant.parse("2024-03-01T10:00:00Z").plusSeconds(i / 3).toString();
            String user = "u" + random.nextInt(3);
            text.append(SlowLogText.entry(time, user, "h" + random.nextInt(4), "10.0.0." + random.nextInt(9), i,
                    random.nextInt(20) == 0 ? 12.5 : random.nextDouble() * random.nextInt(3), random.nextDouble() / 100,
                    random.nextInt(1000), random.nextInt(100_000),
                    String.format(statements[random.nextInt(statements.length)], random.nextInt(50))));
            if (i % 50 == 0) {
                text.append("use db").append(random.nextInt(3)).append(";\n");
            }
        }
        return text.toString();
    }

    @Test
    void quantilesBySelectionEqualThoseOfTheSortedValues() {
        Random random = new Random(8);
        for (int i = 0; i < 5_000; i++) {
            int n = 1 + random.nextInt(i % 10 == 0 ? 2_000 : 30);
            double[] values = new double[n];
            for (int k = 0; k < n; k++) {
                values[k] = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextDouble() * 100;
            }
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            for (double q : new double[] {0, 0.5, 0.95, 1}) {
                double rn = q * (n - 1);
                int lo = (int) Math.floor(rn);
                int hi = (int) Math.ceil(rn);
                double expected = lo == hi ? sorted[lo] : sorted[lo] + (rn - lo) * (sorted[hi] - sorted[lo]);
                assertThat(StreamingDigest.Values.quantile(values.clone(), q)).as("quantile %s of %d values", q, n).isEqualTo(expected);
            }
        }
    }

    private static List<DigestRow> sameRows(Path log, DigestQuery q) throws Exception {
        List<DigestRow> java = new DuckDbSlowLogStore().digestFiles(List.of(log), q, NONE);
        List<DigestRow> sql = DuckDbSlowLogStore.digestFilesInSql(List.of(log), q, NONE);
        assertThat(keys(java)).as("groups of %s in %s", q, log.getFileName()).containsExactlyInAnyOrderElementsOf(keys(sql));
        for (DigestRow s : sql) {
            DigestRow j = java.stream().filter(r -> Objects.equals(r.checksum(), s.checksum())).findFirst().orElseThrow();
            String what = q + " group " + s.checksum() + " of " + log.getFileName();
            assertThat(j.count()).as("count, %s", what).isEqualTo(s.count());
            assertThat(j.fingerprint()).as("fingerprint, %s", what).isEqualTo(s.fingerprint());
            close(j.share(), s.share(), "share, " + what);
            stats(j.queryTime(), s.queryTime(), "query time, " + what);
            stats(j.lockTime(), s.lockTime(), "lock time, " + what);
            stats(j.rowsSent(), s.rowsSent(), "rows sent, " + what);
            stats(j.rowsExamined(), s.rowsExamined(), "rows examined, " + what);
            stats(j.querySize(), s.querySize(), "query size, " + what);
            close(j.variance(), s.variance(), "V/M, " + what);
            assertThat(j.histogram()).as("histogram, %s", what).isEqualTo(s.histogram());
            assertThat(j.firstSeen()).as("first seen, %s", what).isEqualTo(s.firstSeen());
            assertThat(j.lastSeen()).as("last seen, %s", what).isEqualTo(s.lastSeen());
            assertThat(j.databases()).as("databases, %s", what).isEqualTo(s.databases());
            assertThat(j.users()).as("users, %s", what).isEqualTo(s.users());
            assertThat(j.hosts()).as("hosts, %s", what).isEqualTo(s.hosts());
            assertThat(j.tables()).as("tables, %s", what).isEqualTo(s.tables());
            if (q.group() == DigestGroup.FINGERPRINT && q.filter().equals(DigestFilter.ALL)) {
                // A one-off SQL digest stores only each class's slowest-so-far statements, so under a filter or another
                // grouping its sample may miss the slowest execution; the Java digest always has it.
                assertThat(j.sample()).as("sample, %s", what).isEqualTo(s.sample());
            }
        }
        return java;
    }

    private static List<String> keys(List<DigestRow> rows) {
        List<String> keys = new ArrayList<>();
        rows.forEach(r -> keys.add(String.valueOf(r.checksum())));
        return keys;
    }

    private static void stats(DigestRow.Stats j, DigestRow.Stats s, String what) {
        close(j.sum(), s.sum(), "sum of " + what);
        close(j.min(), s.min(), "min of " + what);
        close(j.max(), s.max(), "max of " + what);
        close(j.avg(), s.avg(), "avg of " + what);
        close(j.p95(), s.p95(), "p95 of " + what);
        close(j.median(), s.median(), "median of " + what);
        close(j.stddev(), s.stddev(), "stddev of " + what);
    }

    /** Equal but for the rounding of sums taken in another order. */
    private static void close(Double j, Double s, String what) {
        if (s == null || j == null) {
            assertThat(j).as(what).isEqualTo(s);
            return;
        }
        assertThat(Math.abs(j - s)).as("%s: %s vs %s in SQL", what, j, s).isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(s)));
    }
}
