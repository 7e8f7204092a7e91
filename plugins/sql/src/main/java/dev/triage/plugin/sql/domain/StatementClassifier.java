package dev.triage.plugin.sql.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Classifies a statement by its leading keywords; anything it does not know counts as a write, to stay safe. */
public final class StatementClassifier {

    private static final Pattern WORD = Pattern.compile("[A-Za-z_]+");
    private static final Set<String> READS = Set.of("SELECT", "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "USE", "HELP", "VALUES",
            "TABLE", "PRAGMA", "SUMMARIZE");
    private static final Set<String> LOSSY = Set.of("ALTER", "DROP", "TRUNCATE", "RENAME");
    private static final Set<String> TX = Set.of("BEGIN", "START", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE");
    private static final Pattern WRITE_INSIDE = Pattern.compile(
            "(?is).*\\b(INSERT|UPDATE|DELETE|REPLACE|INTO\\s+OUTFILE|INTO\\s+DUMPFILE|FOR\\s+UPDATE|LOCK\\s+IN\\s+SHARE\\s+MODE)\\b.*");
    private static final Pattern SET_GLOBAL = Pattern.compile("(?is)SET\\s+(GLOBAL|PERSIST|PERSIST_ONLY|@@GLOBAL|PASSWORD)\\b.*");

    private StatementClassifier() {
    }

    /**
     * Classifies a statement.
     *
     * @param sql the statement, comments allowed
     * @return its kind
     */
    public static StatementKind classify(String sql) {
        String text = StatementSplitter.stripLeadingComments(sql).trim();
        while (text.startsWith("(")) {
            text = text.substring(1).trim();
        }
        Matcher m = WORD.matcher(text);
        if (!m.lookingAt()) {
            return StatementKind.WRITE;
        }
        String first = m.group().toUpperCase(Locale.ROOT);
        String masked = maskLiterals(text);
        if (first.equals("EXPLAIN") || first.equals("ANALYZE")) {
            // EXPLAIN ANALYZE and MariaDB's ANALYZE <stmt> run the statement
            boolean runs = first.equals("ANALYZE") || masked.matches("(?is)EXPLAIN\\s+ANALYZE\\b.*");
            if (!runs) {
                return StatementKind.READ;
            }
            return WRITE_INSIDE.matcher(masked).matches() ? StatementKind.WRITE : StatementKind.READ;
        }
        if (first.equals("SELECT") || first.equals("WITH") || first.equals("TABLE") || first.equals("VALUES")) {
            return WRITE_INSIDE.matcher(masked).matches() ? StatementKind.WRITE : StatementKind.READ;
        }
        if (READS.contains(first)) {
            return StatementKind.READ;
        }
        if (first.equals("SET")) {
            return SET_GLOBAL.matcher(masked).matches() ? StatementKind.WRITE
                    : masked.matches("(?is)SET\\s+(SESSION\\s+)?TRANSACTION\\b.*") ? StatementKind.TRANSACTION : StatementKind.READ;
        }
        if (TX.contains(first)) {
            return StatementKind.TRANSACTION;
        }
        if (LOSSY.contains(first)) {
            return StatementKind.LOSSY_DDL;
        }
        if (first.equals("CREATE")) {
            return masked.matches("(?is)CREATE\\s+(OR\\s+REPLACE\\s+)?(TABLE|DATABASE|SCHEMA|VIEW|INDEX|UNIQUE|FULLTEXT|SPATIAL"
                    + "|TEMPORARY|PROCEDURE|FUNCTION|TRIGGER|EVENT|USER|ROLE|SEQUENCE|DEFINER|ALGORITHM|SQL)\\b.*")
                    && !masked.matches("(?is)CREATE\\s+OR\\s+REPLACE\\b.*") ? StatementKind.DDL : StatementKind.LOSSY_DDL;
        }
        return StatementKind.WRITE;
    }

    /** Blanks out quoted literals and identifiers so keywords inside them are not seen. */
    static String maskLiterals(String sql) {
        StringBuilder b = new StringBuilder(sql.length());
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote == 0) {
                if (c == '\'' || c == '"' || c == '`') {
                    quote = c;
                    b.append(' ');
                } else {
                    b.append(c);
                }
            } else {
                if (c == '\\' && quote != '`' && i + 1 < sql.length()) {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                b.append(' ');
            }
        }
        return b.toString();
    }
}
