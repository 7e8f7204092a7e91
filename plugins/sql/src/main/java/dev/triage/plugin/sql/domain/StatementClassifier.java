package dev.triage.plugin.sql.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies a statement by its keywords as the server reads them ({@link SqlCode}: comments removed, executable
 * comments kept, literals blanked), in both backslash modes and for every statement of a multi-statement text, keeping
 * the most dangerous answer; anything it does not know counts as a write, to stay safe.
 */
public final class StatementClassifier {

    private static final Pattern WORD = Pattern.compile("[A-Za-z_]+");
    private static final Set<String> READS = Set.of("SELECT", "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "USE", "HELP", "VALUES",
            "TABLE", "PRAGMA", "SUMMARIZE");
    private static final Set<String> LOSSY = Set.of("ALTER", "DROP", "TRUNCATE", "RENAME");
    private static final Set<String> TX = Set.of("BEGIN", "START", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE");
    private static final Pattern WRITE_INSIDE = Pattern.compile(
            "(?is)\\b(INSERT(?!\\s*\\()|UPDATE|DELETE|REPLACE(?!\\s*\\()|INTO\\s+OUTFILE|INTO\\s+DUMPFILE|FOR\\s+UPDATE|FOR\\s+SHARE"
                    + "|LOCK\\s+IN\\s+SHARE\\s+MODE)\\b");
    private static final Pattern SET_GLOBAL = Pattern.compile("(?is)\\b(GLOBAL|PERSIST|PERSIST_ONLY|PASSWORD|ROLE)\\b");
    private static final Pattern RUNS_PREFIX = Pattern.compile(
            "(?is)^(\\s|\\(|EXPLAIN\\b|DESCRIBE\\b|DESC\\b|ANALYZE\\b|EXTENDED\\b|PARTITIONS\\b|FORMAT\\s*=\\s*\\w+)+");

    private StatementClassifier() {
    }

    /**
     * Classifies a statement.
     *
     * @param sql the statement, comments allowed
     * @return its kind
     */
    public static StatementKind classify(String sql) {
        return worst(classifyCode(SqlCode.of(sql, true).text()), classifyCode(SqlCode.of(sql, false).text()));
    }

    private static StatementKind classifyCode(String code) {
        StatementKind kind = null;
        for (String part : code.split(";")) {
            if (!part.isBlank()) {
                kind = kind == null ? classifyOne(part) : worst(kind, classifyOne(part));
            }
        }
        return kind == null ? StatementKind.WRITE : kind;
    }

    /** Orders kinds by what they can do: a lossy DDL needs the checker and a confirmation, a write a confirmation. */
    private static StatementKind worst(StatementKind a, StatementKind b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(StatementKind k) {
        return switch (k) {
            case READ -> 0;
            case TRANSACTION -> 1;
            case DDL -> 2;
            case WRITE -> 3;
            case LOSSY_DDL -> 4;
        };
    }

    private static StatementKind classifyOne(String code) {
        String text = code.strip();
        while (text.startsWith("(")) {
            text = text.substring(1).strip();
        }
        Matcher m = WORD.matcher(text);
        if (!m.lookingAt()) {
            return StatementKind.WRITE;
        }
        String first = m.group().toUpperCase(Locale.ROOT);
        String masked = text;
        if (first.equals("EXPLAIN") || first.equals("DESCRIBE") || first.equals("DESC") || first.equals("ANALYZE")) {
            // EXPLAIN ANALYZE and MariaDB's ANALYZE <stmt> run the statement; ANALYZE TABLE rewrites statistics
            if (first.equals("ANALYZE") && masked.matches("(?is)ANALYZE\\s+(NO_WRITE_TO_BINLOG\\s+|LOCAL\\s+)?TABLES?\\b.*")) {
                return StatementKind.WRITE;
            }
            boolean runs = first.equals("ANALYZE") || Pattern.compile("(?i)\\bANALYZE\\b").matcher(masked).find();
            if (!runs) {
                // EXPLAIN shows the plan without running the statement
                return StatementKind.READ;
            }
            String inner = RUNS_PREFIX.matcher(masked).replaceFirst("");
            // no progress (ANALYZE glued to a non-ASCII letter, which \b counts as a word character): unknown, so a write
            return inner.isBlank() || inner.length() >= masked.length() || classifyOne(inner) != StatementKind.READ
                    ? StatementKind.WRITE : StatementKind.READ;
        }
        if (first.equals("SELECT") || first.equals("WITH") || first.equals("TABLE") || first.equals("VALUES")) {
            return WRITE_INSIDE.matcher(masked).find() ? StatementKind.WRITE : StatementKind.READ;
        }
        if (READS.contains(first)) {
            return StatementKind.READ;
        }
        if (first.equals("SET")) {
            if (masked.matches("(?is)SET\\s+STATEMENT\\b.*")) {
                // MariaDB: SET STATEMENT var = value [, ...] FOR <statement> runs the statement
                Matcher f = Pattern.compile("(?is)\\bFOR\\b").matcher(masked);
                return f.find() ? classifyOne(masked.substring(f.end())) : StatementKind.WRITE;
            }
            if (SET_GLOBAL.matcher(masked).find() || WRITE_INSIDE.matcher(masked).find()) {
                return StatementKind.WRITE;
            }
            return masked.matches("(?is)SET\\s+(SESSION\\s+|LOCAL\\s+)?TRANSACTION\\b.*") ? StatementKind.TRANSACTION : StatementKind.READ;
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
}
