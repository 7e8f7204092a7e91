package dev.triage.plugin.ddl.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.plugin.ddl.api.DdlCheckRequest;
import dev.triage.plugin.ddl.api.DdlCheckResult;
import dev.triage.plugin.ddl.api.DdlDialect;
import dev.triage.plugin.ddl.api.DdlReason;
import dev.triage.plugin.ddl.api.DdlStatementCheck;
import dev.triage.plugin.ddl.api.DdlVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LossyDdlCheckerTest {

    private final LossyDdlChecker checker = new LossyDdlChecker();

    private DdlStatementCheck modify(String from, String to, DdlDialect dialect) {
        String sql = "CREATE TABLE t (id INT, c " + from + ") DEFAULT CHARSET=utf8mb4;\nALTER TABLE t MODIFY c " + to + ";";
        DdlCheckResult r = checker.check(new DdlCheckRequest(sql, "", dialect));
        assertThat(r.errors()).isEmpty();
        return r.statements().get(1);
    }

    @ParameterizedTest(name = "{0} -> {1} is {2}")
    @CsvSource(delimiter = '|', value = {
        "BIGINT | INT | LOSSY",
        "INT | BIGINT | REWRITE",
        "INT | INT(11) | SAFE",
        "INT | INT UNSIGNED | LOSSY",
        "INT UNSIGNED | INT | LOSSY",
        "INT UNSIGNED | BIGINT | REWRITE",
        "TINYINT UNSIGNED | SMALLINT | REWRITE",
        "DECIMAL(10,2) | DECIMAL(8,2) | LOSSY",
        "DECIMAL(10,2) | DECIMAL(10,1) | LOSSY",
        "DECIMAL(10,2) | DECIMAL(12,4) | REWRITE",
        "DECIMAL(5,2) | DOUBLE | REWRITE",
        "DOUBLE | FLOAT | LOSSY",
        "INT | FLOAT | LOSSY",
        "INT | DOUBLE | REWRITE",
        "BIGINT | DOUBLE | LOSSY",
        "INT | DECIMAL(10,0) | REWRITE",
        "INT | DECIMAL(9,0) | LOSSY",
        "VARCHAR(50) | VARCHAR(20) | LOSSY",
        "VARCHAR(20) | VARCHAR(50) | SAFE",
        "VARCHAR(50) | VARCHAR(100) | REWRITE",
        "VARCHAR(50) | CHAR(50) | LOSSY",
        "CHAR(10) | VARCHAR(10) | REWRITE",
        "TEXT | VARCHAR(100) | LOSSY",
        "VARCHAR(100) | TINYTEXT | LOSSY",
        "VARCHAR(60) | TINYTEXT | SAFE_OR_REWRITE",
        "BLOB | TINYBLOB | LOSSY",
        "VARBINARY(10) | BINARY(10) | LOSSY",
        "BINARY(10) | VARBINARY(10) | REWRITE",
        "VARCHAR(10) | INT | LOSSY",
        "INT | VARCHAR(11) | REWRITE",
        "INT | VARCHAR(5) | LOSSY",
        "DATE | INT | LOSSY",
        "DATETIME | TIMESTAMP | LOSSY",
        "TIMESTAMP | DATETIME | REWRITE",
        "DATETIME | DATE | LOSSY",
        "DATE | DATETIME | REWRITE",
        "DATETIME(6) | DATETIME(3) | LOSSY",
        "DATETIME(3) | DATETIME(6) | REWRITE",
        "TIME | YEAR | LOSSY",
        "YEAR | DATE | LOSSY",
        "TIME(3) | TIME | LOSSY",
        "VARCHAR(10) CHARACTER SET utf8mb4 | VARCHAR(10) CHARACTER SET latin1 | LOSSY",
        "VARCHAR(10) CHARACTER SET utf8mb4 | VARCHAR(10) CHARACTER SET utf8mb3 | LOSSY",
        "VARCHAR(10) CHARACTER SET latin1 | VARCHAR(10) CHARACTER SET utf8mb4 | REWRITE",
        "ENUM('a','b','c') | ENUM('a','b') | LOSSY",
        "ENUM('a','b') | ENUM('b','a') | LOSSY",
        "ENUM('a','b') | ENUM('a','b','c') | SAFE",
        "SET('a','b') | SET('a','b','c') | SAFE",
        "ENUM('a','bb') | VARCHAR(2) | REWRITE",
        "ENUM('a','bbb') | VARCHAR(2) | LOSSY",
        "INT NULL | INT NOT NULL | LOSSY",
        "INT NOT NULL | INT NULL | SAFE",
        "JSON | LONGTEXT | REWRITE",
        "BIT(8) | BIT(4) | LOSSY",
    })
    void typeChanges(String from, String to, String expected) {
        DdlStatementCheck check = modify(from, to, DdlDialect.MYSQL);
        if (expected.equals("SAFE_OR_REWRITE")) {
            assertThat(check.verdict()).isIn(DdlVerdict.SAFE, DdlVerdict.REWRITE);
        } else {
            assertThat(check.verdict()).as(check.reasons().toString()).isEqualTo(DdlVerdict.valueOf(expected));
        }
        assertThat(check.reasons()).allSatisfy(r -> {
            assertThat(r.table()).isEqualTo("t");
            assertThat(r.column()).isEqualTo("c");
        });
    }

    @ParameterizedTest(name = "TiDB {0} -> {1} is {2}")
    @CsvSource(delimiter = '|', value = {
        "INT | BIGINT | SAFE",
        "BIGINT | INT | LOSSY",
        "VARCHAR(10) | VARCHAR(20) | SAFE",
        "CHAR(10) | VARCHAR(10) | REWRITE",
        "DECIMAL(10,2) | DECIMAL(12,4) | REWRITE",
        "TIMESTAMP | DATETIME | REWRITE",
        "DATE | DATETIME | REWRITE",
        "ENUM('a','b') | ENUM('a','b','c') | SAFE",
    })
    void tidbNeedsColumnData(String from, String to, String expected) {
        assertThat(modify(from, to, DdlDialect.TIDB).verdict()).isEqualTo(DdlVerdict.valueOf(expected));
    }

    @Test
    void tidbNamesTheReorg() {
        DdlStatementCheck check = modify("CHAR(10)", "VARCHAR(10)", DdlDialect.TIDB);
        assertThat(check.reasons()).extracting(DdlReason::message).anyMatch(m -> m.contains("needChangeColumnData"));
    }

    @Test
    void aModifyWithoutATypeIsAnInputErrorNotACrash() {
        // found by LossyDdlFuzzTest: the parser accepts "MODIFY c" and the checker used to throw
        var result = checker.check(dev.triage.plugin.ddl.api.DdlCheckRequest.mysql(
                "CREATE TABLE t (a INT);\nALTER TABLE t MODIFY a;\nALTER TABLE t MODIFY a TINYINT;"));
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.message()).contains("has no type");
        });
        assertThat(result.worst()).isEqualTo(dev.triage.plugin.ddl.api.DdlVerdict.LOSSY);
    }

    @Test
    void reportsParseErrorsWithLinesAndChecksTheRest() {
        String sql = """
                -- schema
                CREATE TABLE t (a INT, b VARCHAR(20));

                ALTER TABLE t MODIFY a TINYINT;
                ALTER TABLE WHERE x = 1;
                /* a comment
                   over lines */ ALTER TABLE t DROP COLUMN b;
                TRUNCATE TABLE t;
                DROP TABLE t, u;
                """;
        DdlCheckResult r = checker.check(DdlCheckRequest.mysql(sql));
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.statement()).startsWith("ALTER TABLE WHERE");
            assertThat(e.message()).isNotBlank();
        });
        assertThat(r.statements()).extracting(DdlStatementCheck::line).containsExactly(2, 4, 7, 8, 9);
        assertThat(r.statements()).extracting(DdlStatementCheck::verdict).containsExactly(DdlVerdict.SAFE, DdlVerdict.LOSSY,
                DdlVerdict.DESTRUCTIVE, DdlVerdict.DESTRUCTIVE, DdlVerdict.DESTRUCTIVE);
        assertThat(r.statements().get(4).reasons()).extracting(DdlReason::table).containsExactly("t", "u");
        assertThat(r.worst()).isEqualTo(DdlVerdict.DESTRUCTIVE);
    }

    @Test
    void usesTheSchemaSqlAndFollowsRenames() {
        String schema = "CREATE TABLE `shop`.`orders` (`id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, `note` VARCHAR(200), "
                + "PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
        String sql = "ALTER TABLE shop.orders CHANGE note memo VARCHAR(100);\n"
                + "RENAME TABLE orders TO orders_old;\n"
                + "ALTER TABLE orders_old MODIFY memo VARCHAR(300), RENAME COLUMN memo TO remark;\n"
                + "ALTER TABLE orders_old MODIFY remark VARCHAR(10);\n"
                + "ALTER TABLE nowhere MODIFY x INT;";
        DdlCheckResult r = checker.check(new DdlCheckRequest(sql, schema, DdlDialect.MYSQL));
        assertThat(r.errors()).isEmpty();
        assertThat(r.statements()).extracting(DdlStatementCheck::verdict).containsExactly(DdlVerdict.LOSSY, DdlVerdict.SAFE,
                DdlVerdict.SAFE, DdlVerdict.LOSSY, DdlVerdict.UNKNOWN);
        assertThat(r.statements().get(0).reasons()).anyMatch(x -> x.message().contains("renamed to memo"));
        assertThat(r.statements().get(4).reasons().get(0).message()).contains("unknown");
    }

    @Test
    void uniqueKeysAutoIncrementAndPartitions() {
        String sql = """
                CREATE TABLE t (id TINYINT NOT NULL AUTO_INCREMENT, a INT, PRIMARY KEY (id)) AUTO_INCREMENT=100;
                ALTER TABLE t ADD UNIQUE KEY ua (a);
                ALTER TABLE t ADD INDEX ia (a);
                ALTER IGNORE TABLE t ADD UNIQUE (a);
                CREATE UNIQUE INDEX ub ON t (a);
                ALTER TABLE t AUTO_INCREMENT = 300;
                ALTER TABLE t DROP INDEX ia;
                ALTER TABLE t DROP PARTITION p0, p1;
                ALTER TABLE t TRUNCATE PARTITION p2;
                ALTER TABLE t ENGINE=InnoDB;
                ALTER TABLE t MODIFY id INT NOT NULL AUTO_INCREMENT;
                ALTER TABLE t ADD COLUMN b INT NOT NULL DEFAULT 0;
                """;
        DdlCheckResult r = checker.check(DdlCheckRequest.mysql(sql));
        assertThat(r.errors()).isEmpty();
        assertThat(r.statements()).extracting(DdlStatementCheck::verdict).containsExactly(DdlVerdict.SAFE, DdlVerdict.LOSSY,
                DdlVerdict.SAFE, DdlVerdict.LOSSY, DdlVerdict.LOSSY, DdlVerdict.LOSSY, DdlVerdict.DESTRUCTIVE,
                DdlVerdict.DESTRUCTIVE, DdlVerdict.DESTRUCTIVE, DdlVerdict.REWRITE, DdlVerdict.REWRITE, DdlVerdict.SAFE);
        assertThat(r.statements().get(3).reasons().get(0).message()).contains("ALTER IGNORE deletes");
        assertThat(r.statements().get(5).reasons().get(0).message()).contains("AUTO_INCREMENT=300", "127");
        assertThat(r.statements().get(7).reasons().get(0).column()).isEqualTo("p0, p1");
    }

    @Test
    void autoIncrementNarrowedIsNamed() {
        DdlStatementCheck check = modify("BIGINT NOT NULL AUTO_INCREMENT", "SMALLINT NOT NULL AUTO_INCREMENT", DdlDialect.MYSQL);
        assertThat(check.verdict()).isEqualTo(DdlVerdict.LOSSY);
        assertThat(check.reasons()).anyMatch(x -> x.message().contains("AUTO_INCREMENT column narrowed"));
    }

    @Test
    void convertToCharsetChecksEveryTextColumn() {
        String sql = "CREATE TABLE t (a VARCHAR(10), b TEXT, n INT) DEFAULT CHARSET=utf8mb4;\n"
                + "ALTER TABLE t CONVERT TO CHARACTER SET latin1;\n"
                + "CREATE TABLE u (a VARCHAR(10), b TEXT) DEFAULT CHARSET=latin1;\n"
                + "ALTER TABLE u CONVERT TO CHARACTER SET utf8mb4;";
        DdlCheckResult r = checker.check(DdlCheckRequest.mysql(sql));
        assertThat(r.statements().get(1).verdict()).isEqualTo(DdlVerdict.LOSSY);
        assertThat(r.statements().get(1).reasons()).extracting(DdlReason::column).contains("a", "b").doesNotContain("n");
        assertThat(r.statements().get(3).verdict()).isEqualTo(DdlVerdict.REWRITE);
    }

    @Test
    void modifyWithoutCharsetFallsBackToTheTableDefault() {
        String sql = "CREATE TABLE t (a VARCHAR(10) CHARACTER SET utf8mb4) DEFAULT CHARSET=latin1;\n"
                + "ALTER TABLE t MODIFY a VARCHAR(20);";
        assertThat(checker.check(DdlCheckRequest.mysql(sql)).statements().get(1).reasons())
                .anyMatch(x -> x.verdict() == DdlVerdict.LOSSY && x.message().contains("latin1"));
    }

    @Test
    void unknownAlterOperationIsUnknown() {
        DdlCheckResult r = checker.check(DdlCheckRequest.mysql("CREATE TABLE t (a INT); ALTER TABLE t FROBNICATE everything;"));
        assertThat(r.statements().get(1).verdict()).isEqualTo(DdlVerdict.UNKNOWN);
    }

    @Test
    void dropForeignKeyIsUnderstoodAndSafe() {
        DdlCheckResult r = checker.check(DdlCheckRequest.mysql("CREATE TABLE t (a INT);\n"
                + "ALTER TABLE t DROP FOREIGN KEY `fk_a`, DROP FOREIGN KEY fk_b;\nALTER TABLE t DROP CONSTRAINT chk;"));
        assertThat(r.errors()).isEmpty();
        assertThat(r.statements().get(1).verdict()).isEqualTo(DdlVerdict.SAFE);
        assertThat(r.statements().get(1).reasons()).extracting(DdlReason::column).containsExactly("fk_a", "fk_b");
        assertThat(r.statements().get(1).statement()).contains("DROP FOREIGN KEY `fk_a`");
        assertThat(r.statements().get(2).verdict()).isEqualTo(DdlVerdict.DESTRUCTIVE);
    }

    @Test
    void emptyInputIsSafe() {
        DdlCheckResult r = checker.check(DdlCheckRequest.mysql("  -- nothing\n"));
        assertThat(r.statements()).isEmpty();
        assertThat(r.errors()).isEmpty();
        assertThat(r.worst()).isEqualTo(DdlVerdict.SAFE);
    }
}
