package dev.triage.plugin.sql.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlFormatterTest {

    @Test
    void putsClausesOnTheirOwnLinesAndKeepsLiteralsAsWritten() {
        String sql = "select o.id, count(*) as n from orders o left join customers c on c.id = o.customer_id "
                + "where o.note = 'select from where' and (o.total > 10 or o.total < 0) and o.day between 1 and 5 "
                + "group by o.id order by n desc limit 10";
        assertThat(SqlFormatter.format(sql)).isEqualTo("""
                SELECT o.id, count(*) AS n
                FROM orders o
                LEFT JOIN customers c
                    ON c.id = o.customer_id
                WHERE o.note = 'select from where'
                  AND (o.total > 10 OR o.total < 0)
                  AND o.day BETWEEN 1 AND 5
                GROUP BY o.id
                ORDER BY n DESC
                LIMIT 10""");
    }

    @Test
    void formattingTwiceChangesNothingAndSubqueriesStayOnTheirLine() {
        String once = SqlFormatter.format("SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE x = 1) AND `from` = \"a\"");
        assertThat(once).isEqualTo("SELECT *\nFROM t\nWHERE id IN (SELECT id FROM u WHERE x = 1)\n  AND `from` = \"a\"");
        assertThat(SqlFormatter.format(once)).isEqualTo(once);
    }
}
