package dev.triage.plugin.sql.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementClassifierTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT * FROM t | READ",
            "  -- c\\n/* x */ select 1 | READ",
            "(SELECT 1) UNION (SELECT 2) | READ",
            "SELECT * FROM t FOR UPDATE | WRITE",
            "SELECT * INTO OUTFILE '/tmp/x' FROM t | WRITE",
            "SELECT 'delete me' FROM t | READ",
            "WITH x AS (SELECT 1) SELECT * FROM x | READ",
            "WITH x AS (SELECT 1) DELETE FROM t | WRITE",
            "SHOW PROCESSLIST | READ",
            "EXPLAIN SELECT 1 | READ",
            "EXPLAIN ANALYZE DELETE FROM t | WRITE",
            "ANALYZE UPDATE t SET a = 1 | WRITE",
            "SET NAMES utf8mb4 | READ",
            "SET GLOBAL max_connections = 10 | WRITE",
            "SET SESSION TRANSACTION READ ONLY | TRANSACTION",
            "INSERT INTO t VALUES (1) | WRITE",
            "replace into t values (1) | WRITE",
            "CALL p() | WRITE",
            "KILL 12 | WRITE",
            "BEGIN | TRANSACTION",
            "COMMIT | TRANSACTION",
            "CREATE TABLE t (a INT) | DDL",
            "CREATE OR REPLACE TABLE t (a INT) | LOSSY_DDL",
            "ALTER TABLE t MODIFY a TINYINT | LOSSY_DDL",
            "DROP TABLE t | LOSSY_DDL",
            "truncate t | LOSSY_DDL",
            "RENAME TABLE a TO b | LOSSY_DDL",
            "FLUSH TABLES | WRITE",
            "frobnicate | WRITE",
            // ways to smuggle a write past a keyword scan (found while writing the fuzz test)
            "SELECT 1 /* ' */ INTO OUTFILE '/tmp/x' /* ' */ | WRITE",
            "SET /* c */ GLOBAL max_connections = 1 | WRITE",
            "SET SESSION sql_mode = '', GLOBAL read_only = 0 | WRITE",
            "SELECT '\\' INTO OUTFILE '/tmp/x' -- ' | WRITE",
            "SELECT 1; DELETE FROM t | WRITE",
            "/*!50000 DELETE FROM t */ | WRITE",
            "/*M!100100 DROP TABLE t */ | LOSSY_DDL",
            "SET STATEMENT max_statement_time = 1 FOR DELETE FROM t | WRITE",
            "SET STATEMENT max_statement_time = 1 FOR SELECT 1 | READ",
            "SELECT 1 --1 INTO OUTFILE '/tmp/x' | WRITE",
            "ANALYZE TABLE t | WRITE",
            "ANALYZE FORMAT=JSON SELECT 1 | READ",
            "EXPLAIN FORMAT=JSON SELECT * FROM t | READ",
            "EXPLAIN DELETE FROM t | READ",
            "SELECT REPLACE(a, 'x', 'y'), INSERT('abc', 1, 1, 'z') FROM t | READ",
            "SELECT * FROM t FOR SHARE | WRITE",
            "SELECT 'a;b' ; -- c | READ"})
    void classifiesByLeadingKeywords(String sql, StatementKind kind) {
        assertThat(StatementClassifier.classify(sql.replace("\\n", "\n"))).isEqualTo(kind);
    }
}
