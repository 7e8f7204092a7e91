package dev.triage.plugin.ddl.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnDefParserTest {

    private static SqlType type(String definition) {
        return ColumnDefParser.parse("c", definition, "utf8mb4").type();
    }

    @Test
    void readsSynonymsAndAttributes() {
        assertThat(type("INTEGER(11) UNSIGNED ZEROFILL")).extracting(SqlType::name, SqlType::length, SqlType::unsigned)
                .containsExactly("INT", 32L, true);
        assertThat(type("BOOL").name()).isEqualTo("TINYINT");
        assertThat(type("NUMERIC").display()).isEqualTo("DECIMAL(10,0)");
        assertThat(type("DOUBLE PRECISION").name()).isEqualTo("DOUBLE");
        assertThat(type("FLOAT(30)").name()).isEqualTo("DOUBLE");
        assertThat(type("CHARACTER VARYING(12)").display(false)).isEqualTo("VARCHAR(12)");
        assertThat(type("NATIONAL CHAR(3)").display(false)).isEqualTo("CHAR(3)");
        assertThat(type("TEXT(1000)").name()).isEqualTo("TEXT");
        assertThat(type("TEXT(100)").name()).as("100 utf8mb4 characters fit 400 bytes: TEXT").isEqualTo("TEXT");
        assertThat(type("BLOB(200)").name()).isEqualTo("TINYBLOB");
        assertThat(type("DATETIME(6)").scale()).isEqualTo(6);
        assertThat(type("TIMESTAMP").scale()).isZero();
        assertThat(type("ENUM('a','it''s', \"q\")").members()).isEqualTo(List.of("a", "it's", "q"));
        ColumnDef serial = ColumnDefParser.parse("`id`", "SERIAL", null);
        assertThat(serial.name()).isEqualTo("id");
        assertThat(serial.autoIncrement()).isTrue();
        assertThat(serial.nullable()).isFalse();
        assertThat(serial.type().unsigned()).isTrue();
        ColumnDef c = ColumnDefParser.parse("n", "VARCHAR(5) NOT NULL DEFAULT 'x' COMMENT 'NOT NULL here' AUTO_INCREMENT", null);
        assertThat(c.nullable()).isFalse();
        assertThat(c.autoIncrement()).isTrue();
        assertThatThrownBy(() -> ColumnDefParser.parse("x", "  ", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsTheCharsetFromTheColumnTheCollationOrTheTable() {
        assertThat(type("VARCHAR(5) CHARACTER SET latin1").charset()).isEqualTo("latin1");
        assertThat(type("VARCHAR(5) CHARSET utf8").charset()).isEqualTo("utf8mb3");
        assertThat(type("VARCHAR(5) COLLATE latin1_swedish_ci").charset()).isEqualTo("latin1");
        assertThat(type("VARCHAR(5)").charset()).isEqualTo("utf8mb4");
        assertThat(type("INT").charset()).isNull();
        assertThat(Charsets.holds("latin1", "utf8mb4")).isTrue();
        assertThat(Charsets.holds("utf8mb4", "utf8mb3")).isFalse();
        assertThat(Charsets.holds("gbk", "utf8mb3")).isTrue();
        assertThat(Charsets.holds("utf8mb4", "binary")).isTrue();
        assertThat(Charsets.maxBytes("utf8mb3")).isEqualTo(3);
    }

    @Test
    void convertToCharacterSetGrowsTextTypesLikeTheServer() {
        SqlType latin1Text = ColumnDefParser.parse("c", "TEXT", "latin1").type();
        assertThat(ColumnDefParser.converted(latin1Text, "utf8mb4").name()).isEqualTo("MEDIUMTEXT");
        assertThat(TypeChangeRules.assess(latin1Text, ColumnDefParser.converted(latin1Text, "utf8mb4")))
                .allMatch(ch -> !ch.verdict().losesData());
        SqlType varchar = ColumnDefParser.parse("c", "VARCHAR(10)", "latin1").type();
        assertThat(ColumnDefParser.converted(varchar, "utf8mb4").display()).isEqualTo("VARCHAR(10) CHARACTER SET utf8mb4");
    }

    @Test
    void tidbNeedsColumnDataLikeTidb() {
        assertThat(TidbRules.needChangeColumnData(type("INT"), type("BIGINT"))).isFalse();
        assertThat(TidbRules.needChangeColumnData(type("BIGINT"), type("INT"))).isTrue();
        assertThat(TidbRules.needChangeColumnData(type("INT"), type("INT UNSIGNED"))).isTrue();
        assertThat(TidbRules.needChangeColumnData(type("VARCHAR(10)"), type("VARCHAR(20)"))).isFalse();
        assertThat(TidbRules.needChangeColumnData(type("VARCHAR(20)"), type("TEXT"))).isFalse();
        assertThat(TidbRules.needChangeColumnData(type("CHAR(10)"), type("VARCHAR(10)"))).isTrue();
        assertThat(TidbRules.needChangeColumnData(type("BINARY(10)"), type("BINARY(12)"))).isTrue();
        assertThat(TidbRules.needChangeColumnData(type("DECIMAL(10,2)"), type("DECIMAL(12,2)"))).isTrue();
        assertThat(TidbRules.needChangeColumnData(type("ENUM('a','b')"), type("ENUM('a','b','c')"))).isFalse();
        assertThat(TidbRules.needChangeColumnData(type("ENUM('a','b')"), type("ENUM('b','a')"))).isTrue();
        assertThat(TidbRules.needChangeColumnData(type("DATETIME(6)"), type("DATETIME(3)"))).isTrue();
        assertThat(TidbRules.needChangeColumnData(type("DATE"), type("DATETIME"))).isTrue();
    }
}
