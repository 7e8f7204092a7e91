package dev.triage.plugin.sql.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzz tests of the read-only guard's statement classifier (issue #12): comments, casing, executable {@code /*! *}{@code /}
 * comments and multi-statements must never let a write pass as a read. Under {@code mvn verify} they replay the seeds in
 * {@code src/test/resources/.../StatementClassifierFuzzTestInputs}; {@code JAZZER_FUZZ=1} searches (docs/fuzzing.md).
 */
class StatementClassifierFuzzTest {

    /** Statements a read-only session must refuse, written with single spaces between tokens. */
    static final List<String> WRITES = List.of("DELETE FROM t WHERE a = 1", "UPDATE t SET a = 1", "INSERT INTO t VALUES ( 1 )",
            "REPLACE INTO t VALUES ( 1 )", "DROP TABLE t", "TRUNCATE t", "ALTER TABLE t DROP a", "CREATE TABLE x ( a INT )",
            "SET GLOBAL max_connections = 1", "SET @@global.max_connections = 1", "SET SESSION sql_mode = '' , GLOBAL read_only = 0",
            "SET PASSWORD = 'x'", "SELECT * FROM t INTO OUTFILE '/tmp/x'", "SELECT * FROM t INTO DUMPFILE '/tmp/x'",
            "SELECT * FROM t FOR UPDATE", "SELECT * FROM t LOCK IN SHARE MODE", "CALL p ( )", "GRANT ALL ON *.* TO u",
            "KILL 1", "ANALYZE TABLE t", "EXPLAIN ANALYZE DELETE FROM t", "ANALYZE FORMAT = JSON UPDATE t SET a = 1",
            "SET STATEMENT max_statement_time = 1 FOR DELETE FROM t", "LOAD DATA INFILE '/x' INTO TABLE t", "FLUSH PRIVILEGES",
            "SHUTDOWN", "DO GET_LOCK ( 'a' , 1 )", "HANDLER t OPEN", "WITH x AS ( SELECT 1 ) DELETE FROM t",
            "INSTALL PLUGIN p SONAME 'p.so'", "RENAME TABLE a TO b", "PURGE BINARY LOGS BEFORE NOW ( )");

    private static final String[] GAPS = {" ", "\n", "\t", "\r\n", " /* x */ ", "/**/", " /* ' */ ", " /* \" */ ", " /* ` */ ",
        " /*+ hint */ ", " -- c ' \n", " #c \" \n", " -- \n", "\f", " /* -- */ ", " /* # */ "};
    private static final String[] PREFIXES = {"", "SELECT 1;", "SELECT ';' ;", "SELECT \"/*\" ; ", "/* ; */ SELECT 1 ; ",
        "SHOW TABLES ;\n", "SELECT '\\\\' ; ", "-- SELECT\n", "# ;\n", "/*!40101 SET NAMES utf8 */ ; "};

    /** A write dressed in random comments, gaps, casing, executable comments and a read before it is never a read. */
    @FuzzTest(maxDuration = "60s")
    void aWriteDressedInCommentsCasingAndVersionCommentsIsNeverARead(FuzzedDataProvider data) {
        String write = data.pickValue(WRITES);
        String[] tokens = write.split(" ");
        StringBuilder b = new StringBuilder(data.pickValue(PREFIXES));
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (data.consumeBoolean()) {
                token = flipCase(token, data.consumeInt());
            }
            int wrap = data.consumeInt(0, 5);
            if (wrap == 1) {
                token = "/*!50000 " + token + " */";
            } else if (wrap == 2) {
                token = "/*M!100100 " + token + "*/";
            } else if (wrap == 3) {
                token = "/*!" + token + "*/";
            }
            b.append(i == 0 ? (data.consumeBoolean() ? "" : data.pickValue(GAPS)) : data.pickValue(GAPS)).append(token);
        }
        if (data.consumeBoolean()) {
            b.append(data.pickValue(GAPS));
        }
        String sql = b.toString();
        StatementKind kind = StatementClassifier.classify(sql);
        assertThat(kind.changesSomething()).as("%s was classified %s", sql, kind).isTrue();
    }

    /**
     * Any text: the verdict does not depend on ASCII casing or on a leading comment, and a complete statement that reads
     * stops being a read when a write follows it after a semicolon.
     */
    @FuzzTest(maxDuration = "60s")
    void anyTextKeepsItsVerdictUnderCasingAndLeadingCommentsAndAFollowingWriteIsCaught(FuzzedDataProvider data) {
        String sql = data.consumeRemainingAsString();
        StatementKind kind = StatementClassifier.classify(sql);
        assertThat(kind).isNotNull();
        assertThat(StatementClassifier.classify(flipCase(sql, sql.length()))).as("case-flipped %s", sql).isEqualTo(kind);
        assertThat(StatementClassifier.classify("/* lead */ " + sql)).as("commented %s", sql).isEqualTo(kind);
        assertThat(StatementClassifier.classify("-- lead\n" + sql)).as("line-commented %s", sql).isEqualTo(kind);
        if (kind == StatementKind.READ && SqlCode.of(sql, true).complete() && SqlCode.of(sql, false).complete()) {
            assertThat(StatementClassifier.classify(sql + "\n;DELETE FROM t").changesSomething()).as("%s then a DELETE", sql).isTrue();
        }
    }

    /** Flips the case of ASCII letters, chosen by the bits of a seed. */
    static String flipCase(String s, int seed) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean flip = ((seed >>> (i % 31)) & 1) == 1;
            if (flip && c >= 'a' && c <= 'z') {
                c = (char) (c - 32);
            } else if (flip && c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            b.append(c);
        }
        return b.toString();
    }
}
