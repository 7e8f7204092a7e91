package dev.triage.plugin.logs.infrastructure;

import dev.triage.plugin.logs.domain.FactRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Finds facts in a file's entries: DuckDB's RE2 {@code regexp_matches} picks the matching entries (set-based, in
 * parallel), RE2J reads each one's fields; facts go to {@code logs_facts}.
 */
public final class FactExtractor {

    /** The most facts kept per rule and file (the count per rule stays exact up to it). */
    static final int MAX_PER_RULE = 100_000;

    private final Supplier<List<FactRule>> rules;

    /**
     * Creates an extractor.
     *
     * @param rules the rules to apply, asked for at each extraction (the case's rule files may change)
     */
    public FactExtractor(Supplier<List<FactRule>> rules) {
        this.rules = rules;
    }

    /**
     * Replaces the facts of one file.
     *
     * @param c a connection to the case database
     * @param fileId the file
     * @return the number of facts stored
     * @throws SQLException when the database fails
     */
    public long extractFile(Connection c, int fileId) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM logs_facts WHERE file_id = ?")) {
            del.setInt(1, fileId);
            del.executeUpdate();
        }
        List<FactRule> all = rules.get();
        if (all.isEmpty()) {
            return 0;
        }
        // One scan for all rules: DuckDB's RE2 picks the entries any rule may match (named groups made plain, as two rules
        // may name a group alike); RE2J then tells which rules match each one and reads their fields.
        StringBuilder union = new StringBuilder();
        for (FactRule r : all) {
            union.append(union.length() == 0 ? "" : "|").append("(?:")
                    .append(r.pattern().replaceAll("\\(\\?P<[A-Za-z_][A-Za-z0-9_]*>", "(")).append(')');
        }
        long n = 0;
        int[] perRule = new int[all.size()];
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO logs_facts VALUES (?,?,?,?,?,?,?)");
             PreparedStatement q = c.prepareStatement("SELECT line, ts_us, message FROM logs_entries WHERE file_id = ?"
                     + " AND regexp_matches(message, ?) ORDER BY line")) {
            q.setInt(1, fileId);
            q.setString(2, union.toString());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String text = rs.getString(3);
                    for (int i = 0; i < all.size(); i++) {
                        FactRule rule = all.get(i);
                        if (perRule[i] >= MAX_PER_RULE) {
                            continue;
                        }
                        Map<String, String> fields = rule.match(text);
                        if (fields == null) {
                            continue;
                        }
                        perRule[i]++;
                        ins.setInt(1, fileId);
                        ins.setLong(2, rs.getLong(1));
                        ins.setObject(3, rs.getObject(2));
                        ins.setString(4, rule.name());
                        ins.setString(5, rule.severity());
                        ins.setString(6, Json.object(fields));
                        ins.setString(7, firstLine(text));
                        ins.addBatch();
                        if (++n % 10_000 == 0) {
                            ins.executeBatch();
                        }
                    }
                }
            }
            ins.executeBatch();
        }
        return n;
    }

    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String s = nl < 0 ? text : text.substring(0, nl);
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
