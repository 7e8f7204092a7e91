package dev.triage.plugin.sql.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays a statement out for reading: keywords in upper case, each main clause on its own line, AND/OR of a WHERE
 * indented; strings, quoted names and comments are kept as written.
 */
public final class SqlFormatter {

    private static final Pattern TOKEN = Pattern.compile("(?<comment>/\\*.*?\\*/|--[^\\n]*|#[^\\n]*)"
            + "|(?<quoted>'(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`)"
            + "|(?<word>[A-Za-z_][A-Za-z0-9_$]*)"
            + "|(?<number>[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)"
            + "|(?<operator><=>|<=|>=|<>|!=|\\|\\||&&|:=)"
            + "|(?<space>\\s+)"
            + "|(?<other>.)", Pattern.DOTALL);
    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "IS", "NULL", "JOIN", "LEFT",
            "RIGHT", "INNER", "OUTER", "CROSS", "ON", "USING", "GROUP", "BY", "ORDER", "HAVING", "LIMIT", "OFFSET", "INSERT", "INTO",
            "VALUES", "UPDATE", "SET", "DELETE", "AS", "DISTINCT", "UNION", "ALL", "CASE", "WHEN", "THEN", "ELSE", "END", "LIKE",
            "BETWEEN", "EXISTS", "ASC", "DESC", "WITH", "REPLACE", "CREATE", "ALTER", "DROP", "TABLE", "INDEX", "PRIMARY", "KEY",
            "DEFAULT", "QUALIFY", "WINDOW", "OVER", "PARTITION", "STRAIGHT_JOIN", "FOR", "DUPLICATE");
    private static final Set<String> CLAUSES = Set.of("SELECT", "FROM", "WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "UNION", "VALUES",
            "SET", "JOIN", "LEFT", "RIGHT", "INNER", "CROSS", "QUALIFY", "WINDOW", "ON");

    private SqlFormatter() {
    }

    /**
     * Formats SQL.
     *
     * @param sql the text
     * @return the laid-out text
     */
    public static String format(String sql) {
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(sql.strip());
        String previous = "";
        int depth = 0;
        boolean inWhere = false;
        boolean between = false;
        while (m.find()) {
            if (m.group("space") != null) {
                continue;
            }
            String token = m.group();
            if (m.group("word") != null) {
                String upper = token.toUpperCase(Locale.ROOT);
                boolean keyword = KEYWORDS.contains(upper);
                String text = keyword ? upper : token;
                boolean joinPart = upper.equals("JOIN") && Set.of("LEFT", "RIGHT", "INNER", "CROSS", "OUTER", "STRAIGHT_JOIN").contains(previous);
                boolean outerPart = upper.equals("OUTER") && Set.of("LEFT", "RIGHT").contains(previous);
                if (keyword && CLAUSES.contains(upper) && !joinPart && !(upper.equals("SET") && previous.equals("CHARACTER")) && depth == 0
                        && out.length() > 0) {
                    newline(out, upper.equals("ON") ? "    " : "");
                    inWhere = upper.equals("WHERE") || upper.equals("HAVING") || upper.equals("ON") ? true
                            : upper.equals("SELECT") || upper.equals("FROM") ? false : inWhere;
                } else if (keyword && (upper.equals("AND") || upper.equals("OR")) && inWhere && depth == 0 && !(between && upper.equals("AND"))) {
                    newline(out, "  ");
                } else if (out.length() > 0 && !endsWithOpen(out) && !outerPart) {
                    out.append(' ');
                } else if (outerPart) {
                    out.append(' ');
                }
                out.append(text);
                if (upper.equals("BETWEEN")) {
                    between = true;
                } else if (upper.equals("AND")) {
                    between = false;
                }
                previous = upper;
            } else {
                if (token.equals("(")) {
                    depth++;
                } else if (token.equals(")")) {
                    depth = Math.max(0, depth - 1);
                }
                boolean tight = token.equals(",") || token.equals(")") || token.equals(";") || token.equals(".")
                        || (token.equals("(") && m.group("other") != null && !previous.isEmpty() && !KEYWORDS.contains(previous))
                        || endsWithOpen(out) || out.length() == 0;
                if (!tight) {
                    out.append(' ');
                }
                out.append(token);
                previous = m.group("comment") != null ? previous : token;
                if (m.group("comment") != null && token.startsWith("--") || token.startsWith("#")) {
                    out.append('\n');
                }
            }
        }
        return out.toString().replaceAll("[ \\t]+\\n", "\n");
    }

    private static boolean endsWithOpen(StringBuilder b) {
        char c = b.length() == 0 ? '\n' : b.charAt(b.length() - 1);
        return c == '(' || c == '\n' || c == '.';
    }

    private static void newline(StringBuilder b, String indent) {
        if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
            b.append('\n');
        }
        b.append(indent);
    }
}
