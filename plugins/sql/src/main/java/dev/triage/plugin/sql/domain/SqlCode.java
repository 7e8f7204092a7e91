package dev.triage.plugin.sql.domain;

/**
 * The code of SQL text as a MySQL or MariaDB server reads it: comments become a blank, the bodies of executable comments
 * ({@code /*!50000 ... *}{@code /}, {@code /*M!100100 ... *}{@code /}) stay code, and quoted strings and identifiers are
 * blanked out, so keywords are only found where the server would see them.
 *
 * @param text the code, one character per source character or fewer
 * @param complete false when a string, identifier or comment is not closed at the end
 */
public record SqlCode(String text, boolean complete) {

    /**
     * Reads SQL text.
     *
     * @param sql the text
     * @param backslashEscapes true for the default server mode, false for {@code NO_BACKSLASH_ESCAPES}, where a
     *        backslash in a string is an ordinary character
     * @return the code
     */
    public static SqlCode of(String sql, boolean backslashEscapes) {
        StringBuilder b = new StringBuilder(sql.length());
        boolean complete = true;
        boolean executable = false;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : 0;
            if (c == '\'' || c == '"' || c == '`') {
                int end = endOfQuoted(sql, i, c, backslashEscapes);
                complete &= end > 0;
                i = end > 0 ? end : n;
                b.append(' ');
            } else if (c == '#' || c == '-' && next == '-' && (i + 2 >= n || sql.charAt(i + 2) <= ' ')) {
                // to the end of the line; a line ends at CR too, so nothing after a CR is hidden
                while (i < n && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
                    i++;
                }
                b.append(' ');
            } else if (c == '/' && next == '*') {
                int marker = sql.startsWith("/*!", i) ? 3 : sql.regionMatches(true, i, "/*M!", 0, 4) ? 4 : 0;
                if (marker > 0) {
                    // an executable comment: its body is code (whatever the version number says)
                    i += marker;
                    while (i < n && Character.isDigit(sql.charAt(i))) {
                        i++;
                    }
                    executable = true;
                } else {
                    int close = sql.indexOf("*/", i + 2);
                    complete &= close >= 0;
                    i = close < 0 ? n : close + 2;
                }
                b.append(' ');
            } else if (c == '*' && next == '/' && executable) {
                executable = false;
                i += 2;
                b.append(' ');
            } else {
                b.append(c);
                i++;
            }
        }
        return new SqlCode(b.toString(), complete && !executable);
    }

    /** Returns the index after the closing quote, or -1 when the text ends first. */
    static int endOfQuoted(String s, int open, char quote, boolean backslashEscapes) {
        int i = open + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '`' && backslashEscapes) {
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
        return -1;
    }
}
