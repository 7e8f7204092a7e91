package dev.triage.plugin.report.domain;

/**
 * Replaces the literal values in SQL text with {@code ?}: quoted strings, numbers, hex and bit literals, keeping
 * identifiers, keywords, comments' absence of values and the statement's shape. The idea is the slow-log
 * fingerprint's, but the case, spacing and comments of the statement are kept so that it still reads as written.
 */
public final class SqlLiteralMasker {

    private SqlLiteralMasker() {
    }

    /**
     * Masks the literals of SQL text.
     *
     * @param sql the statement or statements
     * @return the text with every literal replaced by {@code ?}
     */
    public static String mask(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipQuoted(sql, i, c);
                out.append('?');
            } else if (c == '`') {
                int end = skipQuoted(sql, i, '`');
                out.append(sql, i, end);
                i = end;
            } else if ((c == 'x' || c == 'X' || c == 'b' || c == 'B' || c == 'n' || c == 'N') && i + 1 < n && sql.charAt(i + 1) == '\''
                    && !identifierChar(sql, i - 1)) {
                i = skipQuoted(sql, i + 1, '\'');
                out.append('?');
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(sql, i, end);
                i = end;
            } else if (Character.isDigit(c) && !identifierChar(sql, i - 1)) {
                int start = i;
                i = skipNumber(sql, i);
                if (i < n && identifierChar(sql, i)) {
                    // a name that starts with digits, such as 1st_table: not a number
                    int end = i;
                    while (end < n && identifierChar(sql, end)) {
                        end++;
                    }
                    out.append(sql, start, end);
                    i = end;
                } else {
                    boolean negative = out.length() > 0 && out.charAt(out.length() - 1) == '-' && signIsUnary(out);
                    if (negative) {
                        out.setLength(out.length() - 1);
                    }
                    out.append('?');
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** A minus right after an operator, an opening parenthesis, a comma or a keyword is a sign, not a subtraction. */
    private static boolean signIsUnary(StringBuilder out) {
        int j = out.length() - 2;
        while (j >= 0 && Character.isWhitespace(out.charAt(j))) {
            j--;
        }
        if (j < 0) {
            return true;
        }
        char p = out.charAt(j);
        return p == '(' || p == ',' || p == '=' || p == '<' || p == '>' || p == '+' || p == '-' || p == '*' || p == '/';
    }

    private static boolean identifierChar(String s, int i) {
        if (i < 0 || i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@';
    }

    private static int skipQuoted(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return s.length();
    }

    private static int skipNumber(String s, int start) {
        int i = start;
        if (s.startsWith("0x", i) || s.startsWith("0X", i) || s.startsWith("0b", i)) {
            i += 2;
            while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            return i;
        }
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < s.length() && Character.isDigit(s.charAt(j))) {
                i = j;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }
}
