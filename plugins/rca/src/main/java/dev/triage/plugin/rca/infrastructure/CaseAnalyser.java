package dev.triage.plugin.rca.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.FindingStore;
import dev.triage.core.finding.Severity;
import dev.triage.plugin.rca.domain.EvidenceItem;
import dev.triage.plugin.rca.domain.EvidenceSpec;
import dev.triage.plugin.rca.domain.Hypothesis;
import dev.triage.plugin.rca.domain.Rule;
import dev.triage.plugin.rca.domain.RuleEvaluator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Runs root-cause rules over a case: reads the evidence from its tables by name and skips rules whose tables are absent. */
public final class CaseAnalyser {

    private static final int MAX_ITEMS = 50;

    private final List<Rule> rules;

    /**
     * Creates an analyser.
     *
     * @param rules the rules to run
     */
    public CaseAnalyser(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Returns the rules this analyser runs.
     *
     * @return the rules
     */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * Runs every rule over a case.
     *
     * @param c the case
     * @return the hypotheses, most confident first, and what was skipped
     * @throws SQLException when the case database cannot be read
     */
    public RcaResult analyse(Case c) throws SQLException {
        List<Finding> findings = new FindingStore(c).list();
        Set<String> tables = tables(c);
        List<Hypothesis> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Connection conn = c.newConnection()) {
            for (Rule rule : rules) {
                Map<String, List<EvidenceItem>> found = new HashMap<>();
                for (EvidenceSpec s : rule.evidence()) {
                    if ("finding".equals(s.kind())) {
                        found.put(s.id(), findings(findings, s));
                    } else if (tables.containsAll(s.tables())) {
                        found.put(s.id(), query(conn, rule, s));
                    } else {
                        List<String> missing = s.tables().stream().filter(t -> !tables.contains(t)).toList();
                        skipped.add(rule.id() + "/" + s.id() + ": no table " + String.join(", ", missing) + " in the case");
                    }
                }
                RuleEvaluator.evaluate(rule, found).ifPresent(out::add);
            }
        }
        out.sort(Comparator.comparingDouble(Hypothesis::confidence).reversed().thenComparing(h -> h.rule().id()));
        return new RcaResult(out, skipped);
    }

    private static List<EvidenceItem> findings(List<Finding> findings, EvidenceSpec s) {
        Pattern p = Pattern.compile(s.pattern(), Pattern.CASE_INSENSITIVE);
        Severity min = Severity.valueOf(s.minSeverity().toUpperCase(Locale.ROOT));
        List<EvidenceItem> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.severity().compareTo(min) >= 0 && (s.plugin().isEmpty() || s.plugin().equals(f.source().pluginId()))
                    && p.matcher(f.title()).find() && out.size() < MAX_ITEMS) {
                out.add(new EvidenceItem(f.source().time(), "[" + f.severity() + "] " + f.title(), "finding:" + f.title()));
            }
        }
        return out;
    }

    private static List<EvidenceItem> query(Connection conn, Rule rule, EvidenceSpec s) throws SQLException {
        List<EvidenceItem> out = new ArrayList<>();
        try (Statement st = conn.createStatement()) {
            st.setMaxRows(MAX_ITEMS);
            try (ResultSet rs = st.executeQuery(s.query())) {
                ResultSetMetaData md = rs.getMetaData();
                Set<String> cols = new HashSet<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    cols.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
                }
                while (rs.next()) {
                    out.add(new EvidenceItem(cols.contains("at") ? time(rs.getObject("at")) : null,
                            cols.contains("text") ? rs.getString("text") : rs.getString(1), cols.contains("ref") ? rs.getString("ref") : ""));
                }
            }
        } catch (SQLException e) {
            throw new SQLException("Rule '" + rule.id() + "' evidence '" + s.id() + "': " + e.getMessage(), e);
        }
        return out;
    }

    private static Instant time(Object o) {
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp ts) {
            return ts.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
        }
        if (o instanceof java.time.LocalDateTime ldt) {
            return ldt.toInstant(java.time.ZoneOffset.UTC);
        }
        if (o instanceof Number n) {
            return Instant.ofEpochSecond(0, n.longValue() * 1000);
        }
        return null;
    }

    private static Set<String> tables(Case c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Connection conn = c.newConnection(); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT lower(table_name) FROM information_schema.tables")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
