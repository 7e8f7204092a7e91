package dev.triage.plugin.slowlog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void followsPtQueryDigestRules() {
        // Expected values checked against pt-query-digest 3.2.1's fingerprint sub, including its quirks (upper-case hex).
        String[][] cases = {
            {"SELECT * FROM t WHERE id = 42 AND name = 'bob'", "select * from t where id = ? and name = ?"},
            {"select * from t where id in (1, 2, 3)", "select * from t where id in(?+)"},
            {"INSERT INTO t VALUES (1,'a'),(2,'b'),(3,'c')", "insert into t values(?+)"},
            {"SELECT  a\n  FROM t -- comment\n WHERE b = \"x\"", "select a from t where b = ?"},
            {"select /* hint */ c from t where d is null", "select c from t where d is ?"},
            {"use shop", "use ?"},
            {"administrator command: Quit", "administrator command: Quit"},
            {"CALL proc(1, 2)", "call proc"},
            {"SELECT /*!40001 SQL_NO_CACHE */ * FROM `big`", "mysqldump"},
            {"REPLACE /*db.tbl:1/5*/ INTO checksums SELECT 1", "percona-toolkit"},
            {"select * from t order by a asc, b ASC limit 10, 20", "select * from t order by a, b limit ?"},
            {"select a from t1 union select a from t1", "select a from t? /*repeat union*/"},
            {"select f from t where flag = true and x = 0x1F", "select f from t where flag = ? and x = ?f"},
            {"SELECT * FROM d1.t_2024 LIMIT 5 OFFSET 10", "select * from d?t_? limit ?"},
        };
        for (String[] c : cases) {
            assertThat(Fingerprint.of(c[0])).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void checksumIsTheUpperCaseMd5OfTheFingerprint() {
        // Values from pt-query-digest 3.2.1's JSON output in the test corpus.
        assertThat(Fingerprint.checksum("select ?")).isEqualTo("1FE1379FE2A31B8D16219655761820A2");
        assertThat(Fingerprint.checksum("administrator command: Quit")).isEqualTo("EDBC971AEC392917AA353644DE4C4CB4");
    }

    @Test
    void foldsOnlyAsciiLettersAndKeepsBytes() {
        String latin1 = new String("SELECT 'É' FROM Été".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        String fp = Fingerprint.of(latin1);
        assertThat(Fingerprint.utf8(fp)).isEqualTo("select ? from Été");
    }
}
