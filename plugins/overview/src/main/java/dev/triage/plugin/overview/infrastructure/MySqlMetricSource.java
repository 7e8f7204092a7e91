package dev.triage.plugin.overview.infrastructure;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.plugin.overview.application.MetricSource;
import dev.triage.plugin.overview.application.OverviewService;
import dev.triage.plugin.overview.domain.ClusterMetrics;
import dev.triage.plugin.overview.domain.CounterRates;
import dev.triage.plugin.overview.domain.Sample;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Samples MySQL, MariaDB and TiDB servers over JDBC with read-only statements: SHOW GLOBAL STATUS and VARIABLES, the
 * replica status, and sizes from information_schema.TABLES. Counters become per-second rates with reset handling.
 */
public final class MySqlMetricSource implements MetricSource {

    /** Counters turned into rates, by the metric they feed. */
    static final List<String> COUNTERS = List.of("Questions", "Com_commit", "Com_rollback", "Slow_queries", "Innodb_row_lock_waits",
            "Innodb_buffer_pool_reads", "Innodb_buffer_pool_read_requests", "Bytes_received", "Bytes_sent", "Aborted_connects");
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("mysql", "information_schema", "performance_schema", "sys");
    private static final int TOP_TABLES = 10;

    private final CounterRates rates = new CounterRates();
    private final Clock clock;

    /**
     * Creates the source.
     *
     * @param clock the clock stamping samples
     */
    public MySqlMetricSource(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean supports(ConnectionTarget target) {
        return Set.of(ConnectionKind.MYSQL, ConnectionKind.MARIADB, ConnectionKind.TIDB).contains(target.kind());
    }

    @Override
    public Sample sample(ConnectionTarget target, char[] password, Duration timeout) {
        Instant time = clock.instant();
        long ms = Math.max(1000, timeout.toMillis());
        Properties p = new Properties();
        p.setProperty("user", target.user());
        if (password != null) {
            p.setProperty("password", new String(password));
        }
        p.setProperty("connectTimeout", Long.toString(ms));
        p.setProperty("socketTimeout", Long.toString(ms));
        String url = "jdbc:mariadb://" + target.host() + ":" + target.port() + "/";
        try (Connection c = DriverManager.getConnection(url, p)) {
            c.setReadOnly(true);
            return read(target, c, time);
        } catch (SQLException e) {
            rates.forget(target.id());
            return Sample.down(target.id(), time, target.host() + ":" + target.port() + ": " + e.getMessage());
        }
    }

    private Sample read(ConnectionTarget target, Connection c, Instant time) throws SQLException {
        Map<String, String> status = pairs(c, "SHOW GLOBAL STATUS");
        Map<String, String> vars = pairs(c, "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('max_connections', 'version',"
                + " 'innodb_buffer_pool_size', 'read_only', 'long_query_time', 'version_comment')");
        Map<String, Double> m = new HashMap<>();
        Map<String, Double> counters = new HashMap<>();
        for (String name : COUNTERS) {
            double v = number(status.get(name));
            if (!Double.isNaN(v)) {
                counters.put(name, v);
            }
        }
        double uptime = number(status.get("Uptime"));
        Map<String, Double> r = rates.rates(target.id(), time, counters, uptime);
        if (r.containsKey("Questions")) {
            m.put("qps", r.get("Questions"));
            m.put("tps", r.getOrDefault("Com_commit", 0.0) + r.getOrDefault("Com_rollback", 0.0));
            m.put("slow_queries_per_s", r.getOrDefault("Slow_queries", 0.0));
            m.put("row_lock_waits_per_s", r.getOrDefault("Innodb_row_lock_waits", 0.0));
            m.put("bytes_received_per_s", r.getOrDefault("Bytes_received", 0.0));
            m.put("bytes_sent_per_s", r.getOrDefault("Bytes_sent", 0.0));
            m.put("aborted_connects_per_s", r.getOrDefault("Aborted_connects", 0.0));
            double requests = r.getOrDefault("Innodb_buffer_pool_read_requests", 0.0);
            if (requests > 0) {
                m.put("buffer_pool_hit_pct", 100 * (1 - r.getOrDefault("Innodb_buffer_pool_reads", 0.0) / requests));
            }
        }
        m.put("uptime_s", uptime);
        double connected = number(status.get("Threads_connected"));
        double max = number(vars.get("max_connections"));
        m.put("threads_connected", connected);
        m.put("threads_running", number(status.get("Threads_running")));
        m.put("max_connections", max);
        if (max > 0) {
            m.put("connections_used_pct", 100 * connected / max);
        }
        double total = number(status.get("Innodb_buffer_pool_pages_total"));
        double free = number(status.get("Innodb_buffer_pool_pages_free"));
        if (total > 0) {
            m.put("buffer_pool_used_pct", 100 * (total - free) / total);
        }
        m.put("buffer_pool_bytes", number(vars.get("innodb_buffer_pool_size")));
        m.put("row_lock_current_waits", number(status.get("Innodb_row_lock_current_waits")));
        m.put("read_only", "ON".equalsIgnoreCase(vars.get("read_only")) ? 1.0 : 0.0);
        replicationDelay(c).ifPresent(d -> m.put("replication_delay_s", d));
        sizes(c, m);
        String limit = target.options().get("storage-limit");
        if (limit != null) {
            m.put(OverviewService.STORAGE_LIMIT, parseBytes(limit));
        }
        clusterViews(target, c, vars, m);
        String version = vars.getOrDefault("version", "");
        return new Sample(target.id(), time, true, version, m, "");
    }

    private static java.util.Optional<Double> replicationDelay(Connection c) {
        for (String sql : List.of("SHOW ALL SLAVES STATUS", "SHOW REPLICA STATUS", "SHOW SLAVE STATUS")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                double worst = Double.NaN;
                while (rs.next()) {
                    for (String col : List.of("Seconds_Behind_Master", "Seconds_Behind_Source")) {
                        try {
                            double v = number(rs.getString(col));
                            worst = Double.isNaN(worst) || v > worst ? v : worst;
                        } catch (SQLException noColumn) {
                            // the other spelling
                        }
                    }
                }
                return Double.isNaN(worst) ? java.util.Optional.empty() : java.util.Optional.of(worst);
            } catch (SQLException e) {
                // not this server's syntax, or no privilege: try the next
            }
        }
        return java.util.Optional.empty();
    }

    private static void sizes(Connection c, Map<String, Double> m) {
        double data = 0;
        double index = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT table_schema, table_name,"
                + " COALESCE(data_length, 0), COALESCE(index_length, 0), COALESCE(table_rows, 0) FROM information_schema.TABLES"
                + " WHERE table_type = 'BASE TABLE' ORDER BY COALESCE(data_length, 0) + COALESCE(index_length, 0) DESC")) {
            int n = 0;
            while (rs.next()) {
                String schema = rs.getString(1);
                if (SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                double d = rs.getDouble(3);
                double i = rs.getDouble(4);
                data += d;
                index += i;
                m.merge("db." + schema + ".bytes", d + i, Double::sum);
                m.merge("db." + schema + ".rows", rs.getDouble(5), Double::sum);
                if (n++ < TOP_TABLES) {
                    m.put("table." + schema + "." + rs.getString(2) + ".bytes", d + i);
                    m.put("table." + schema + "." + rs.getString(2) + ".rows", rs.getDouble(5));
                }
            }
        } catch (SQLException e) {
            return;
        }
        m.put("data_bytes", data);
        m.put("index_bytes", index);
        m.put(OverviewService.STORAGE, data + index);
    }

    /**
     * The cluster views of TiDB (cluster_info, tikv_store_status) and StarRocks (SHOW BACKENDS, SHOW FRONTENDS), for targets of
     * that kind or whose version comment names StarRocks (or option {@code flavor=starrocks}); a view the server does not have,
     * or may not show, is skipped.
     */
    private static void clusterViews(ConnectionTarget target, Connection c, Map<String, String> vars, Map<String, Double> m) {
        boolean starRocks = "starrocks".equalsIgnoreCase(target.options().getOrDefault("flavor", ""))
                || vars.getOrDefault("version_comment", "").toLowerCase(Locale.ROOT).contains("starrocks");
        if (target.kind() == ConnectionKind.TIDB) {
            rows(c, "SELECT * FROM information_schema.cluster_info").ifPresent(r -> m.putAll(ClusterMetrics.tidbClusterInfo(r)));
            rows(c, "SELECT * FROM information_schema.tikv_store_status").ifPresent(r -> m.putAll(ClusterMetrics.tidbStores(r)));
        }
        if (starRocks) {
            rows(c, "SHOW BACKENDS").ifPresent(r -> m.putAll(ClusterMetrics.starRocksBackends(r)));
            rows(c, "SHOW FRONTENDS").ifPresent(r -> m.putAll(ClusterMetrics.starRocksFrontends(r)));
        }
    }

    private static java.util.Optional<List<Map<String, String>>> rows(Connection c, String sql) {
        List<Map<String, String>> out = new java.util.ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            java.sql.ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String v = rs.getString(i);
                    if (v != null) {
                        row.put(meta.getColumnLabel(i), v);
                    }
                }
                out.add(row);
            }
            return java.util.Optional.of(out);
        } catch (SQLException e) {
            return java.util.Optional.empty();
        }
    }

    private static Map<String, String> pairs(Connection c, String sql) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    static double number(String text) {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Parses "500G", "2T", "1048576" into bytes.
     *
     * @param text the size
     * @return bytes
     */
    static double parseBytes(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
        double scale = 1;
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        int power = "KMGTP".indexOf(last) + 1;
        if (power > 0) {
            t = t.substring(0, t.length() - 1);
            scale = Math.pow(1024, power);
        }
        return Double.parseDouble(t.trim()) * scale;
    }
}
