package dev.triage.plugin.mysqldiag.infrastructure;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.core.diagnostics.DiagnosticCategory;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.diagnostics.HealthCheck;
import dev.triage.diag.domain.Rules;
import dev.triage.diag.infrastructure.RuleBasedDiagnostics;
import dev.triage.plugin.mysqldiag.domain.MySqlDiagnoser;
import dev.triage.plugin.mysqldiag.domain.MySqlDumpKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/** MySQL/MariaDB/TiDB diagnostics: live captures over JDBC (read-only SHOW and SELECT statements), offline dumps, rules as data. */
public final class MySqlDiagnostics extends RuleBasedDiagnostics {

    /** The plugin id. */
    public static final String ID = "mysql-diagnostics";

    private static final String DIGESTS = "SELECT DIGEST_TEXT AS digest_text, COUNT_STAR AS calls, ROUND(SUM_TIMER_WAIT / 1000000000, 1) AS total_ms,"
            + " SUM_ROWS_EXAMINED AS rows_examined, SUM_ROWS_SENT AS rows_sent, SUM_NO_INDEX_USED AS no_index_used,"
            + " SUM_CREATED_TMP_DISK_TABLES AS tmp_disk_tables, SUM_SORT_MERGE_PASSES AS sort_merge_passes"
            + " FROM performance_schema.events_statements_summary_by_digest WHERE DIGEST_TEXT IS NOT NULL ORDER BY SUM_TIMER_WAIT DESC LIMIT 20";

    /**
     * Creates the diagnostic.
     *
     * @param configFolder the settings folder with the user's rules, or null
     */
    public MySqlDiagnostics(Path configFolder) {
        super(new Definition(ID, Set.of(ConnectionKind.MYSQL, ConnectionKind.MARIADB, ConnectionKind.TIDB), MySqlDiagnoser.CATEGORIES, MySqlDumpKind.ALL, MySqlDumpKind::detect, new MySqlDiagnoser(ID)::diagnose), configFolder);
    }

    @Override
    public HealthCheck health(ConnectionTarget target, char[] password) {
        long start = System.nanoTime();
        try (Connection c = open(target, password); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return new HealthCheck(true, rs.getString(1), "ok", Duration.ofNanos(System.nanoTime() - start));
        } catch (SQLException e) {
            return new HealthCheck(false, "", target.host() + ":" + target.port() + ": " + e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Override
    public Map<String, Double> collectMetrics(ConnectionTarget target, char[] password) throws SQLException {
        try (Connection c = open(target, password)) {
            Capture cap = new Capture(ID, label(target), Instant.now(), List.of(new CaptureItem(MySqlDumpKind.STATUS, "SHOW GLOBAL STATUS",
                    tsv(c, "SHOW GLOBAL STATUS", false))));
            return diagnose(cap, Set.of(), rules()).metrics();
        }
    }

    @Override
    public Capture capture(ConnectionTarget target, char[] password) throws SQLException {
        Instant time = Instant.now();
        List<CaptureItem> items = new ArrayList<>();
        try (Connection c = open(target, password)) {
            c.setReadOnly(true);
            items.add(new CaptureItem(MySqlDumpKind.STATUS, "SHOW GLOBAL STATUS", tsv(c, "SHOW GLOBAL STATUS", false)));
            items.add(new CaptureItem(MySqlDumpKind.VARIABLES, "SHOW GLOBAL VARIABLES", tsv(c, "SHOW GLOBAL VARIABLES", false)));
            innodbStatus(c).ifPresent(s -> items.add(new CaptureItem(MySqlDumpKind.INNODB, "SHOW ENGINE INNODB STATUS", s)));
            replicaStatus(c).ifPresent(items::add);
            items.add(new CaptureItem(MySqlDumpKind.PROCESSLIST, "SHOW FULL PROCESSLIST", tsv(c, "SHOW FULL PROCESSLIST", true)));
            try {
                items.add(new CaptureItem(MySqlDumpKind.DIGESTS, "performance_schema digests (top 20 by time)", tsv(c, DIGESTS, true)));
            } catch (SQLException e) {
                // performance_schema is off or not readable: no digests
            }
        }
        return new Capture(ID, label(target), time, items);
    }

    private static Optional<String> innodbStatus(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW ENGINE INNODB STATUS")) {
            return rs.next() ? Optional.ofNullable(rs.getString("Status")) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static Optional<CaptureItem> replicaStatus(Connection c) {
        for (String sql : List.of("SHOW ALL SLAVES STATUS", "SHOW REPLICA STATUS", "SHOW SLAVE STATUS")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                String text = vertical(rs);
                return text.isEmpty() ? Optional.empty() : Optional.of(new CaptureItem(MySqlDumpKind.REPLICA, sql + "\\G", text));
            } catch (SQLException e) {
                // not this server's syntax; try the next
            }
        }
        return Optional.empty();
    }

    private static String vertical(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        StringBuilder b = new StringBuilder();
        int n = 0;
        while (rs.next()) {
            b.append("*************************** ").append(++n).append(". row ***************************\n");
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String v = rs.getString(i);
                b.append(md.getColumnLabel(i)).append(": ").append(v == null ? "NULL" : v).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * Runs a statement and writes its result as the mysql client's tab-separated output.
     *
     * @param c the connection
     * @param sql the statement
     * @param header whether to write the column names first
     * @return the text
     * @throws SQLException when the statement fails
     */
    static String tsv(Connection c, String sql, boolean header) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            StringBuilder b = new StringBuilder();
            if (header) {
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    b.append(i > 1 ? "\t" : "").append(md.getColumnLabel(i));
                }
                b.append('\n');
            }
            while (rs.next()) {
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String v = rs.getString(i);
                    b.append(i > 1 ? "\t" : "").append(v == null ? "NULL" : v.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t"));
                }
                b.append('\n');
            }
            return b.toString();
        }
    }

    /**
     * Opens a JDBC connection to a saved target.
     *
     * @param target the target
     * @param password its password, or null
     * @return the connection
     * @throws SQLException when it cannot connect
     */
    static Connection open(ConnectionTarget target, char[] password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", target.user().isEmpty() ? "root" : target.user());
        if (password != null && password.length > 0) {
            p.setProperty("password", new String(password));
        }
        p.setProperty("connectTimeout", "5000");
        p.setProperty("socketTimeout", "30000");
        if ("true".equalsIgnoreCase(target.options().getOrDefault("tls", ""))) {
            p.setProperty("sslMode", "verify-full");
        }
        return DriverManager.getConnection("jdbc:mariadb://" + target.host() + ":" + target.port() + "/", p);
    }

}
