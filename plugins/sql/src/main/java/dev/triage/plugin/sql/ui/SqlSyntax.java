package dev.triage.plugin.sql.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** Highlighting, bracket matching and completion words for MySQL and DuckDB SQL. */
final class SqlSyntax {

    /** Keywords of MySQL/MariaDB and DuckDB offered by completion and highlighted. */
    static final List<String> KEYWORDS = List.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "IS", "NULL", "JOIN", "LEFT",
            "RIGHT", "INNER", "OUTER", "CROSS", "ON", "USING", "GROUP", "BY", "ORDER", "HAVING", "LIMIT", "OFFSET", "INSERT", "REPLACE",
            "INTO", "VALUES", "UPDATE", "SET", "DELETE", "CALL", "AS", "DISTINCT", "UNION", "ALL", "CASE", "WHEN", "THEN", "ELSE", "END",
            "LIKE", "BETWEEN", "EXISTS", "ASC", "DESC", "USE", "SHOW", "CREATE", "ALTER", "DROP", "TABLE", "INDEX", "BEGIN", "COMMIT",
            "ROLLBACK", "FOR", "WITH", "EXPLAIN", "ANALYZE", "DUPLICATE", "KEY", "PRIMARY", "UNIQUE", "DATABASE", "DATABASES", "TABLES",
            "COLUMNS", "PROCESSLIST", "STATUS", "VARIABLES", "TRUNCATE", "RENAME", "MODIFY", "COLUMN", "ADD", "DEFAULT", "CHARSET",
            "COLLATE", "ENGINE", "INT", "BIGINT", "VARCHAR", "TEXT", "DATETIME", "TIMESTAMP", "DECIMAL", "COUNT", "SUM", "AVG", "MIN",
            "MAX", "QUALIFY", "PIVOT", "UNPIVOT", "SUMMARIZE", "DESCRIBE", "WINDOW", "OVER", "PARTITION", "ROWS", "RANGE", "INTERVAL",
            "FORMAT", "JSON", "TRUE", "FALSE", "KILL", "QUERY", "GRANT", "REVOKE", "LOCK", "UNLOCK", "TRANSACTION", "START");
    private static final Pattern TOKENS = Pattern.compile("(?<comment>/\\*.*?\\*/|--[^\\n]*|#[^\\n]*)"
            + "|(?<string>'(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.)*\")"
            + "|(?<ident>`[^`]*`)"
            + "|(?<keyword>\\b(?:" + String.join("|", KEYWORDS) + ")\\b)"
            + "|(?<number>\\b\\d+(?:\\.\\d+)?\\b)"
            + "|(?<paren>[()\\[\\]])", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final List<String> GROUPS = List.of("comment", "string", "ident", "keyword", "number", "paren");

    private SqlSyntax() {
    }

    /**
     * Computes the style classes of a text, marking the two brackets at the given positions as matched.
     *
     * @param text the SQL
     * @param bracketA one bracket's offset or -1
     * @param bracketB its partner's offset or -1
     * @return the spans
     */
    static StyleSpans<Collection<String>> styles(String text, int bracketA, int bracketB) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        Matcher m = TOKENS.matcher(text);
        int last = 0;
        while (m.find()) {
            String style = GROUPS.stream().filter(g -> m.group(g) != null).findFirst().orElseThrow();
            spans.add(List.of(), m.start() - last);
            boolean matched = style.equals("paren") && (m.start() == bracketA || m.start() == bracketB);
            spans.add(matched ? List.of("paren", "bracket-match") : List.of(style), m.end() - m.start());
            last = m.end();
        }
        spans.add(List.of(), text.length() - last);
        return spans.create();
    }

    /**
     * Finds the bracket matching the one at or just before the caret, skipping brackets inside strings and comments.
     *
     * @param text the SQL
     * @param caret the caret offset
     * @return {bracket, partner} offsets, or null when no bracket is at the caret or it has no partner
     */
    static int[] matchBracket(String text, int caret) {
        int at = -1;
        if (caret < text.length() && "()[]".indexOf(text.charAt(caret)) >= 0) {
            at = caret;
        } else if (caret > 0 && caret <= text.length() && "()[]".indexOf(text.charAt(caret - 1)) >= 0) {
            at = caret - 1;
        }
        if (at < 0) {
            return null;
        }
        List<Integer> brackets = new ArrayList<>();
        Matcher m = TOKENS.matcher(text);
        while (m.find()) {
            if (m.group("paren") != null) {
                brackets.add(m.start());
            }
        }
        int idx = brackets.indexOf(at);
        if (idx < 0) {
            return null;
        }
        char c = text.charAt(at);
        boolean open = c == '(' || c == '[';
        char openC = c == '(' || c == ')' ? '(' : '[';
        char closeC = openC == '(' ? ')' : ']';
        int depth = 0;
        for (int i = idx; open ? i < brackets.size() : i >= 0; i += open ? 1 : -1) {
            char x = text.charAt(brackets.get(i));
            if (x == openC) {
                depth += open ? 1 : -1;
            } else if (x == closeC) {
                depth += open ? -1 : 1;
            }
            if (depth == 0) {
                return new int[] {at, brackets.get(i)};
            }
        }
        return null;
    }

    /**
     * Returns the word being typed before the caret.
     *
     * @param text the SQL
     * @param caret the caret offset
     * @return the prefix, possibly empty
     */
    static String prefix(String text, int caret) {
        int i = caret;
        while (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_')) {
            i--;
        }
        return text.substring(i, caret);
    }

    /**
     * Lists completion candidates: keywords and schema names starting with the prefix, ignoring case.
     *
     * @param prefix the typed prefix
     * @param names schema, table and column names
     * @param max how many at most
     * @return the candidates, names first then keywords, each sorted
     */
    static List<String> complete(String prefix, Collection<String> names, int max) {
        String p = prefix.toLowerCase(Locale.ROOT);
        TreeSet<String> n = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String s : names) {
            if (s.toLowerCase(Locale.ROOT).startsWith(p)) {
                n.add(s);
            }
        }
        List<String> out = new ArrayList<>(n);
        for (String k : KEYWORDS) {
            if (k.toLowerCase(Locale.ROOT).startsWith(p) && !n.contains(k)) {
                out.add(k);
            }
        }
        return out.size() > max ? out.subList(0, max) : out;
    }
}
