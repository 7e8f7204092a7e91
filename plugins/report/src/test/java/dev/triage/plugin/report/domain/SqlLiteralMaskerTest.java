package dev.triage.plugin.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlLiteralMaskerTest {

    @Test
    void masksStringsNumbersAndHexButKeepsNamesAndComments() {
        assertThat(SqlLiteralMasker.mask("SELECT * FROM orders WHERE customer_id = 17 AND note = 'it''s \\'x' AND t2.c3 > -4.5e3"))
                .isEqualTo("SELECT * FROM orders WHERE customer_id = ? AND note = ? AND t2.c3 > ?");
        assertThat(SqlLiteralMasker.mask("UPDATE `t1` SET a = X'DEADBEEF', b = 0x1F, c = \"pw\" /* keep 42 */ WHERE id IN (1, 2,3)"))
                .isEqualTo("UPDATE `t1` SET a = ?, b = ?, c = ? /* keep 42 */ WHERE id IN (?, ?,?)");
        assertThat(SqlLiteralMasker.mask("select a-1, 1st_col, @v1 from x limit 10 -- 99 rows"))
                .isEqualTo("select a-?, 1st_col, @v1 from x limit ? -- 99 rows");
        assertThat(SqlLiteralMasker.mask("INSERT INTO t VALUES ('unterminated")).isEqualTo("INSERT INTO t VALUES (?");
        assertThat(SqlLiteralMasker.mask("")).isEmpty();
    }
}
