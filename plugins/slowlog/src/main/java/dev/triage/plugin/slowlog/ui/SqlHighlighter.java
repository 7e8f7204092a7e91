package dev.triage.plugin.slowlog.ui;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** Marks SQL keywords, strings, numbers and fingerprint placeholders with style classes for a code area. */
final class SqlHighlighter {

    private static final String KEYWORDS = String.join("|", "select", "from", "where", "and", "or", "not", "in", "is", "null",
            "join", "left", "right", "inner", "outer", "cross", "on", "using", "group", "by", "order", "having", "limit",
            "offset", "insert", "replace", "into", "values", "update", "set", "delete", "call", "as", "distinct", "union", "all",
            "case", "when", "then", "else", "end", "like", "between", "exists", "asc", "desc", "use", "show", "create", "alter",
            "drop", "table", "index", "begin", "commit", "rollback", "for", "with", "explain", "duplicate", "key");
    private static final Pattern TOKENS = Pattern.compile("(?<keyword>\\b(?:" + KEYWORDS + ")\\b)"
            + "|(?<string>'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")"
            + "|(?<number>\\b\\d+(?:\\.\\d+)?\\b)"
            + "|(?<placeholder>\\?\\+?)"
            + "|(?<comment>/\\*.*?\\*/|--[^\\n]*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final List<String> GROUPS = List.of("keyword", "string", "number", "placeholder", "comment");

    private SqlHighlighter() {
    }

    /**
     * Computes the styles of a statement.
     *
     * @param sql the statement
     * @return one style class per token, none between tokens
     */
    static StyleSpans<Collection<String>> styles(String sql) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        Matcher m = TOKENS.matcher(sql);
        int last = 0;
        while (m.find()) {
            String style = GROUPS.stream().filter(g -> m.group(g) != null).findFirst().orElseThrow();
            spans.add(List.of(), m.start() - last);
            spans.add(List.of(style), m.end() - m.start());
            last = m.end();
        }
        spans.add(List.of(), sql.length() - last);
        return spans.create();
    }
}
