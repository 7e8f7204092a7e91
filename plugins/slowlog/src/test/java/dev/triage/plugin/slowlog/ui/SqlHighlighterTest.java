package dev.triage.plugin.slowlog.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class SqlHighlighterTest {

    @Test
    void marksKeywordsStringsNumbersAndPlaceholdersAndCoversTheWholeText() {
        String sql = "SELECT * FROM orders WHERE id = 17 AND status = 'new' and x in(?+)";
        StyleSpans<Collection<String>> spans = SqlHighlighter.styles(sql);
        assertThat(spans.length()).isEqualTo(sql.length());
        List<String> marked = new ArrayList<>();
        int at = 0;
        for (StyleSpan<Collection<String>> span : spans) {
            if (!span.getStyle().isEmpty()) {
                marked.add(span.getStyle().iterator().next() + ":" + sql.substring(at, at + span.getLength()));
            }
            at += span.getLength();
        }
        assertThat(marked).containsExactly("keyword:SELECT", "keyword:FROM", "keyword:WHERE", "number:17", "keyword:AND",
                "string:'new'", "keyword:and", "keyword:in", "placeholder:?+");
    }

    @Test
    void plainTextHasOneUnstyledSpan() {
        assertThat(SqlHighlighter.styles("orders_2024").length()).isEqualTo(11);
        assertThat(SqlHighlighter.styles("").length()).isZero();
    }
}
