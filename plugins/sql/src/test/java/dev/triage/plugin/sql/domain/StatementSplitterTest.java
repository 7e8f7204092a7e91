package dev.triage.plugin.sql.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    @Test
    void splitsOnSemicolonsOutsideQuotesAndComments() {
        String script = """
                SELECT 'a;b', "c;d", `e;f` FROM t; -- one; two
                # hash; comment
                /* block; comment */ UPDATE t SET x = 'it''s;' WHERE y = "q\\";";
                SELECT 3
                """;
        List<String> texts = StatementSplitter.split(script).stream().map(SqlStatement::text).toList();
        assertThat(texts).containsExactly(
                "SELECT 'a;b', \"c;d\", `e;f` FROM t",
                "-- one; two\n# hash; comment\n/* block; comment */ UPDATE t SET x = 'it''s;' WHERE y = \"q\\\";\"",
                "SELECT 3");
    }

    @Test
    void followsDelimiterLinesLikeTheMysqlClient() {
        String script = """
                DROP PROCEDURE IF EXISTS p;
                DELIMITER //
                CREATE PROCEDURE p()
                BEGIN
                  SELECT 1;
                  SELECT 2;
                END//
                DELIMITER ;
                CALL p();
                """;
        List<SqlStatement> s = StatementSplitter.split(script);
        assertThat(s).extracting(SqlStatement::text).containsExactly(
                "DROP PROCEDURE IF EXISTS p",
                "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND",
                "CALL p()");
        assertThat(s).extracting(SqlStatement::line).containsExactly(1, 3, 9);
    }

    @Test
    void findsTheStatementUnderTheCaret() {
        String script = "SELECT 1;\nSELECT 2;\n\nSELECT 3";
        assertThat(StatementSplitter.at(script, 0)).hasValueSatisfying(s -> assertThat(s.text()).isEqualTo("SELECT 1"));
        assertThat(StatementSplitter.at(script, 12)).hasValueSatisfying(s -> assertThat(s.text()).isEqualTo("SELECT 2"));
        assertThat(StatementSplitter.at(script, 20)).hasValueSatisfying(s -> assertThat(s.text()).isEqualTo("SELECT 2"));
        assertThat(StatementSplitter.at(script, script.length())).hasValueSatisfying(s -> assertThat(s.text()).isEqualTo("SELECT 3"));
        assertThat(StatementSplitter.at("  -- nothing\n", 3)).isEmpty();
    }
}
