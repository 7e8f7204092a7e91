package dev.triage.plugin.ddl.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.plugin.ddl.application.StatementSplitter.Piece;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    @Test
    void splitsOutsideQuotesAndCommentsAndKeepsLines() {
        String sql = "# header; not a statement\nSELECT 'a;b', \"c;\"\"d\", `e;f`;\n\n-- x;\n"
                + "ALTER TABLE t\n  MODIFY c ENUM('x\\';y');/* one; */ DROP TABLE t\n;\nTRUNCATE t";
        List<Piece> pieces = StatementSplitter.split(sql);
        assertThat(pieces).extracting(Piece::line).containsExactly(2, 5, 6, 8);
        assertThat(pieces.get(0).text()).isEqualTo("SELECT 'a;b', \"c;\"\"d\", `e;f`");
        assertThat(pieces.get(1).text()).isEqualTo("ALTER TABLE t\n  MODIFY c ENUM('x\\';y')");
        assertThat(pieces.get(2).text()).isEqualTo("DROP TABLE t");
        assertThat(pieces.get(3).text()).isEqualTo("TRUNCATE t");
    }

    @Test
    void blankAndCommentOnlyInputGivesNothing() {
        assertThat(StatementSplitter.split(" \n-- a\n/* b */ ;; ")).isEmpty();
    }
}
