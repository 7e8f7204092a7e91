package dev.triage.plugin.ddl.application;

import java.util.ArrayList;
import java.util.List;

/** Splits SQL text into statements at semicolons outside quotes and comments, keeping each statement's first line. */
public final class StatementSplitter {

    /**
     * One statement and where it starts.
     *
     * @param line the 1-based line of the statement's first character that is not blank or comment
     * @param text the statement without the semicolon, comments before it removed, trimmed
     */
    public record Piece(int line, String text) {
    }

    private StatementSplitter() {
    }

    /**
     * Splits the text; pieces holding only comments or blanks are dropped.
     *
     * @param sql the text
     * @return the statements in order
     */
    public static List<Piece> split(String sql) {
        List<Piece> out = new ArrayList<>();
        int n = sql.length();
        int line = 1;
        int start = -1;
        int startLine = 0;
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (c == '#' || (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' && (i + 2 >= n || Character.isWhitespace(sql.charAt(i + 2))))) {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(sql, i, end);
                i = end;
                continue;
            }
            if (c == ';') {
                if (start >= 0) {
                    out.add(new Piece(startLine, sql.substring(start, i).trim()));
                    start = -1;
                }
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (start < 0) {
                start = i;
                startLine = line;
            }
            if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < n) {
                    char d = sql.charAt(j);
                    if (d == '\\' && c != '`' && j + 1 < n) {
                        j += 2;
                        continue;
                    }
                    if (d == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                int end = Math.min(j + 1, n);
                line += count(sql, i, end);
                i = end;
                continue;
            }
            i++;
        }
        if (start >= 0) {
            String tail = sql.substring(start).trim();
            if (!tail.isEmpty()) {
                out.add(new Piece(startLine, tail));
            }
        }
        return out;
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
