package dev.triage.plugin.sql.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a MySQL script into statements: delimiters inside quotes ('', "", ``) and comments (--, #, slash-star) do not
 * count, and {@code DELIMITER xx} lines change the delimiter as the mysql client does.
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    /**
     * Splits a script.
     *
     * @param script the script
     * @return its non-empty statements in order
     */
    public static List<SqlStatement> split(String script) {
        List<SqlStatement> out = new ArrayList<>();
        String delimiter = ";";
        int n = script.length();
        int start = 0;
        int i = 0;
        boolean atLineStart = true;
        while (i < n) {
            char c = script.charAt(i);
            if (atLineStart && startsWithWord(script, skipBlanks(script, i), "DELIMITER")) {
                int kw = skipBlanks(script, i);
                int eol = script.indexOf('\n', kw);
                eol = eol < 0 ? n : eol;
                String before = script.substring(start, i);
                if (!before.isBlank()) {
                    add(out, script, start, i);
                }
                String next = script.substring(kw + "DELIMITER".length(), eol).trim();
                if (!next.isEmpty()) {
                    delimiter = next.split("\\s+")[0];
                }
                i = eol;
                start = eol;
                continue;
            }
            atLineStart = false;
            if (c == '\n') {
                atLineStart = true;
                i++;
            } else if (c == '\'' || c == '"' || c == '`') {
                i = endOfQuoted(script, i, c);
            } else if (c == '#' || (c == '-' && script.startsWith("--", i) && (i + 2 >= n || Character.isWhitespace(script.charAt(i + 2))))) {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? n : eol;
            } else if (c == '/' && script.startsWith("/*", i)) {
                int close = script.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (script.startsWith(delimiter, i)) {
                add(out, script, start, i);
                i += delimiter.length();
                start = i;
            } else {
                i++;
            }
        }
        add(out, script, start, n);
        return out;
    }

    /**
     * Finds the statement under the caret: the one containing it, else the nearest one ending before it on the same or
     * previous lines.
     *
     * @param script the script
     * @param caret the caret offset
     * @return the statement, or empty when the script has none
     */
    public static Optional<SqlStatement> at(String script, int caret) {
        SqlStatement before = null;
        SqlStatement after = null;
        for (SqlStatement s : split(script)) {
            if (caret >= s.start() && caret <= s.end()) {
                return Optional.of(s);
            }
            if (s.end() < caret) {
                before = s;
            } else if (after == null) {
                after = s;
            }
        }
        return Optional.ofNullable(before != null ? before : after);
    }

    private static void add(List<SqlStatement> out, String script, int from, int to) {
        int a = from;
        int b = to;
        while (a < b && Character.isWhitespace(script.charAt(a))) {
            a++;
        }
        while (b > a && Character.isWhitespace(script.charAt(b - 1))) {
            b--;
        }
        if (a < b && !onlyComments(script.substring(a, b))) {
            int line = 1;
            for (int k = 0; k < a; k++) {
                if (script.charAt(k) == '\n') {
                    line++;
                }
            }
            out.add(new SqlStatement(script.substring(a, b), a, b, line));
        }
    }

    /**
     * Removes leading comments and blanks from a statement.
     *
     * @param sql the statement
     * @return the text from its first token on
     */
    public static String stripLeadingComments(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || sql.startsWith("-- ", i) || sql.startsWith("--\n", i) || sql.startsWith("--\t", i)) {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (sql.startsWith("/*", i) && !sql.startsWith("/*!", i)) {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else {
                break;
            }
        }
        return sql.substring(i);
    }

    private static boolean onlyComments(String text) {
        return stripLeadingComments(text).isBlank();
    }

    private static int endOfQuoted(String s, int open, char quote) {
        int end = SqlCode.endOfQuoted(s, open, quote, true);
        return end < 0 ? s.length() : end;
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean startsWithWord(String s, int i, String word) {
        return s.regionMatches(true, i, word, 0, word.length())
                && (i + word.length() >= s.length() || Character.isWhitespace(s.charAt(i + word.length())));
    }
}
