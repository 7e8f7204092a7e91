package dev.triage.plugin.overview.infrastructure;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.core.cases.Case;
import dev.triage.core.cases.CaseService;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.FindingStore;
import dev.triage.plugin.overview.application.OverviewService;
import dev.triage.plugin.overview.application.SampleStore;
import dev.triage.plugin.overview.domain.AlertTransition;
import dev.triage.plugin.overview.domain.Rollup;
import dev.triage.plugin.overview.domain.Sample;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The overview tables of the open case (DuckDB). Writes are serialised: samples arrive from several sampling threads. */
public final class DuckDbSampleStore implements SampleStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CaseService cases;

    /**
     * Creates the store on whatever case is open.
     *
     * @param cases the kernel's case service
     */
    public DuckDbSampleStore(CaseService cases) {
        this.cases = cases;
    }

    private Case open() {
        return cases.current().orElseThrow(() -> new IllegalStateException("No case is open: give --case DIR (create one with: triage case new DIR)"));
    }

    @Override
    public synchronized void append(Sample s) throws Exception {
        try (Connection c = open().newConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO overview_samples VALUES (?, ?, ?, ?)");
                 PreparedStatement snap = c.prepareStatement("INSERT OR REPLACE INTO overview_snapshot VALUES (?, ?, ?, ?, ?, ?)")) {
                long at = s.time().toEpochMilli();
                for (Map.Entry<String, Double> e : s.metrics().entrySet()) {
                    ins.setString(1, s.target());
                    ins.setLong(2, at);
                    ins.setString(3, e.getKey());
                    ins.setDouble(4, e.getValue());
                    ins.addBatch();
                }
                ins.executeBatch();
                snap.setString(1, s.target());
                snap.setLong(2, at);
                snap.setBoolean(3, s.up());
                snap.setString(4, s.version());
                snap.setString(5, s.error());
                snap.setString(6, JSON.writeValueAsString(s.metrics()));
                snap.executeUpdate();
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    @Override
    public Map<String, Sample> snapshots() throws Exception {
        Map<String, Sample> out = new LinkedHashMap<>();
        if (cases.current().isEmpty()) {
            return out;
        }
        try (Connection c = open().newConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT target, ts, up, version, error, metrics FROM overview_snapshot ORDER BY target"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Double> m = JSON.readValue(rs.getString(6), new TypeReference<Map<String, Double>>() { });
                out.put(rs.getString(1), new Sample(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getBoolean(3), rs.getString(4), m,
                        rs.getString(5)));
            }
        }
        return out;
    }

    @Override
    public List<Map.Entry<Instant, Double>> series(String target, String metric, Instant since) throws SQLException {
        List<Map.Entry<Instant, Double>> out = new ArrayList<>();
        try (Connection c = open().newConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT ts, value FROM overview_samples WHERE target = ? AND metric = ? AND ts >= ? ORDER BY ts")) {
            ps.setString(1, target);
            ps.setString(2, metric);
            ps.setLong(3, since.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AbstractMap.SimpleImmutableEntry<>(Instant.ofEpochMilli(rs.getLong(1)), rs.getDouble(2)));
                }
            }
        }
        return out;
    }

    @Override
    public synchronized int rollup(LocalDate day) throws SQLException {
        long from = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        try (Connection c = open().newConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO overview_daily SELECT target, CAST(? AS DATE), metric, min(value), max(value), avg(value),"
                        + " quantile_cont(value, 0.95), arg_max(value, ts), count(*) FROM overview_samples WHERE ts >= ? AND ts < ?"
                        + " GROUP BY target, metric")) {
            ps.setString(1, day.toString());
            ps.setLong(2, from);
            ps.setLong(3, to);
            return ps.executeUpdate();
        }
    }

    @Override
    public Map<LocalDate, Rollup> daily(String target, String metric) throws SQLException {
        Map<LocalDate, Rollup> out = new LinkedHashMap<>();
        if (cases.current().isEmpty()) {
            return out;
        }
        try (Connection c = open().newConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT CAST(day AS VARCHAR), min, max, avg, p95, last, samples FROM overview_daily WHERE target = ? AND metric = ? ORDER BY day")) {
            ps.setString(1, target);
            ps.setString(2, metric);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(LocalDate.parse(rs.getString(1)), new Rollup(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                            rs.getDouble(6), rs.getLong(7)));
                }
            }
        }
        return out;
    }

    /**
     * Writes a rollup directly (imports of older history, tests of the forecast).
     *
     * @param target the target id
     * @param day the day
     * @param metric the metric
     * @param r the rollup
     * @throws SQLException when the case cannot be written
     */
    public synchronized void putDaily(String target, LocalDate day, String metric, Rollup r) throws SQLException {
        try (Connection c = open().newConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO overview_daily VALUES (?, CAST(? AS DATE), ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, target);
            ps.setString(2, day.toString());
            ps.setString(3, metric);
            ps.setDouble(4, r.min());
            ps.setDouble(5, r.max());
            ps.setDouble(6, r.avg());
            ps.setDouble(7, r.p95());
            ps.setDouble(8, r.last());
            ps.setLong(9, r.count());
            ps.executeUpdate();
        }
    }

    @Override
    public synchronized long retain(Instant rawBefore, LocalDate dailyBefore) throws SQLException {
        try (Connection c = open().newConnection();
             PreparedStatement raw = c.prepareStatement("DELETE FROM overview_samples WHERE ts < ?");
             PreparedStatement daily = c.prepareStatement("DELETE FROM overview_daily WHERE day < CAST(? AS DATE)")) {
            raw.setLong(1, rawBefore.toEpochMilli());
            daily.setString(1, dailyBefore.toString());
            return raw.executeUpdate() + daily.executeUpdate();
        }
    }

    @Override
    public synchronized void recordTransition(AlertTransition t) throws SQLException {
        try (Connection c = open().newConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO overview_alert_history VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, t.rule().name());
            ps.setString(2, t.target());
            ps.setString(3, t.rule().severity().name());
            ps.setString(4, t.from().name());
            ps.setString(5, t.to().name());
            ps.setLong(6, t.time().toEpochMilli());
            ps.setDouble(7, Double.isNaN(t.value()) ? 0 : t.value());
            ps.executeUpdate();
        }
    }

    @Override
    public List<HistoryRow> history(int limit) throws SQLException {
        List<HistoryRow> out = new ArrayList<>();
        try (Connection c = open().newConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT rule, target, severity, from_state, to_state, ts, value FROM overview_alert_history ORDER BY ts DESC, rowid DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            Instant.ofEpochMilli(rs.getLong(6)), rs.getDouble(7)));
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void replaceFindings(String target, List<Finding> findings) throws SQLException {
        new FindingStore(open()).replace(OverviewService.PLUGIN, target, findings);
    }
}
