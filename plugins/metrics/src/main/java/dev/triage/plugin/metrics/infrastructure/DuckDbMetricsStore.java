package dev.triage.plugin.metrics.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.core.cases.Case;
import dev.triage.core.cases.ImportSession;
import dev.triage.plugin.metrics.application.MetricsStore;
import dev.triage.plugin.metrics.domain.MetricType;
import dev.triage.plugin.metrics.domain.NamedQuery;
import dev.triage.plugin.metrics.domain.Series;
import dev.triage.plugin.metrics.domain.SeriesKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.duckdb.DuckDBAppender;

/** Keeps series and samples in the case's DuckDB ({@link MetricsSchema}). */
public final class DuckDbMetricsStore implements MetricsStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public long save(ImportSession session, String source, String query, List<Series> series) throws Exception {
        return write(session.connection(), session.importId(), source, query, series, () -> {
            try {
                return session.appender(MetricsSchema.SAMPLES);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Writes series with a connection the caller owns (the import's, or a test's).
     *
     * @param c the connection
     * @param importId the import id
     * @param source where the series come from
     * @param query the PromQL, empty for expositions
     * @param series the series
     * @param appenders opens the samples appender
     * @return the number of points written
     * @throws Exception when the database refuses
     */
    static long write(Connection c, String importId, String source, String query, List<Series> series,
            java.util.function.Supplier<DuckDBAppender> appenders) throws Exception {
        try (PreparedStatement ins = c.prepareStatement("INSERT OR IGNORE INTO " + MetricsSchema.SERIES
                + " VALUES (?, ?, CAST(? AS JSON), ?, ?, ?, ?)");
             PreparedStatement del = c.prepareStatement("DELETE FROM " + MetricsSchema.SAMPLES
                     + " WHERE series_id = ? AND ts BETWEEN epoch_ms(?) AND epoch_ms(?)")) {
            for (Series s : series) {
                ins.setLong(1, id(s.key(), query));
                ins.setString(2, s.key().metric());
                ins.setString(3, JSON.writeValueAsString(s.key().labels()));
                ins.setString(4, s.type().name());
                ins.setString(5, query == null ? "" : query);
                ins.setString(6, source);
                ins.setString(7, importId);
                ins.addBatch();
                if (s.size() > 0) {
                    del.setLong(1, id(s.key(), query));
                    del.setLong(2, s.times()[0]);
                    del.setLong(3, s.times()[s.size() - 1]);
                    del.addBatch();
                }
            }
            ins.executeBatch();
            del.executeBatch();
        }
        long n = 0;
        DuckDBAppender app = appenders.get();
        try {
            for (Series s : series) {
                long id = id(s.key(), query);
                long[] t = s.times();
                double[] v = s.values();
                for (int i = 0; i < t.length; i++) {
                    app.beginRow();
                    app.append(id);
                    app.appendEpochMicros(t[i] * 1000);
                    app.append(v[i]);
                    app.endRow();
                }
                n += t.length;
            }
        } finally {
            app.close();
        }
        return n;
    }

    /**
     * Returns the id of a series as stored: the same labels from another query are another series.
     *
     * @param key the series
     * @param query the query, empty for expositions
     * @return the id
     */
    static long id(SeriesKey key, String query) {
        return query == null || query.isEmpty() ? key.id() : new SeriesKey(key.metric() + "\u0000" + query, key.labels()).id();
    }

    @Override
    public void saveQuery(ImportSession session, int pos, NamedQuery query, String source, double stepSeconds) throws Exception {
        try (PreparedStatement ps = session.connection().prepareStatement("INSERT INTO " + MetricsSchema.QUERIES
                + " VALUES (?, ?, ?, ?, ?, now(), ?)")) {
            ps.setInt(1, pos);
            ps.setString(2, query.title());
            ps.setString(3, query.promql());
            ps.setString(4, source);
            ps.setDouble(5, stepSeconds);
            ps.setString(6, session.importId());
            ps.executeUpdate();
        }
    }

    @Override
    public List<SeriesKey> keys(Case c) throws Exception {
        List<SeriesKey> out = new ArrayList<>();
        try (Connection conn = c.newConnection(); PreparedStatement ps = conn.prepareStatement(
                "SELECT DISTINCT metric, labels::VARCHAR FROM " + MetricsSchema.SERIES + " ORDER BY 1, 2");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SeriesKey(rs.getString(1), labels(rs.getString(2))));
            }
        }
        return out;
    }

    @Override
    public List<Series> load(Case c, Predicate<SeriesKey> which, long fromMillis, long toMillis) throws Exception {
        return read(c, null, which, fromMillis, toMillis);
    }

    @Override
    public List<Series> loadImported(Case c, long fromMillis, long toMillis) throws Exception {
        return read(c, "", k -> true, fromMillis, toMillis);
    }

    @Override
    public List<Series> loadQuery(Case c, String promql, long fromMillis, long toMillis) throws Exception {
        return read(c, promql, k -> true, fromMillis, toMillis);
    }

    private static List<Series> read(Case c, String query, Predicate<SeriesKey> which, long from, long to) throws Exception {
        Map<Long, SeriesKey> keys = new LinkedHashMap<>();
        Map<Long, MetricType> types = new LinkedHashMap<>();
        try (Connection conn = c.newConnection()) {
            String where = query == null ? "" : " WHERE query = ?";
            try (PreparedStatement ps = conn.prepareStatement("SELECT series_id, metric, labels::VARCHAR, type FROM "
                    + MetricsSchema.SERIES + where + " ORDER BY metric, labels::VARCHAR")) {
                if (query != null) {
                    ps.setString(1, query);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SeriesKey k = new SeriesKey(rs.getString(2), labels(rs.getString(3)));
                        if (which.test(k)) {
                            keys.put(rs.getLong(1), k);
                            types.put(rs.getLong(1), MetricType.parse(rs.getString(4)));
                        }
                    }
                }
            }
            if (keys.isEmpty()) {
                return List.of();
            }
            Map<Long, long[]> times = new java.util.HashMap<>();
            Map<Long, double[]> values = new java.util.HashMap<>();
            StringBuilder ids = new StringBuilder();
            for (Long id : keys.keySet()) {
                ids.append(ids.isEmpty() ? "" : ",").append(id);
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT series_id, epoch_ms(ts), value FROM " + MetricsSchema.SAMPLES
                    + " WHERE series_id IN (" + ids + ") AND ts BETWEEN epoch_ms(?) AND epoch_ms(?) ORDER BY series_id, ts")) {
                ps.setLong(1, Math.max(from, -62_135_596_800_000L));
                ps.setLong(2, Math.min(to, 253_402_300_799_000L));
                ps.setFetchSize(100_000);
                try (ResultSet rs = ps.executeQuery()) {
                    // rows come grouped by series: fill one pair of arrays at a time, no map lookup per row
                    long current = 0;
                    long[] t = null;
                    double[] v = null;
                    int n = 0;
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        if (t == null || id != current) {
                            if (t != null) {
                                times.put(current, java.util.Arrays.copyOf(t, n));
                                values.put(current, java.util.Arrays.copyOf(v, n));
                            }
                            current = id;
                            t = new long[t == null ? 1024 : Math.max(1024, n)];
                            v = new double[t.length];
                            n = 0;
                        }
                        if (n == t.length) {
                            t = java.util.Arrays.copyOf(t, n * 2);
                            v = java.util.Arrays.copyOf(v, n * 2);
                        }
                        t[n] = rs.getLong(2);
                        v[n++] = rs.getDouble(3);
                    }
                    if (t != null) {
                        times.put(current, java.util.Arrays.copyOf(t, n));
                        values.put(current, java.util.Arrays.copyOf(v, n));
                    }
                }
            }
            List<Series> out = new ArrayList<>();
            for (var e : keys.entrySet()) {
                out.add(new Series(e.getValue(), types.get(e.getKey()), times.getOrDefault(e.getKey(), new long[0]),
                        values.getOrDefault(e.getKey(), new double[0])));
            }
            return out;
        }
    }

    @Override
    public List<NamedQuery> queries(Case c) throws Exception {
        List<NamedQuery> out = new ArrayList<>();
        try (Connection conn = c.newConnection(); PreparedStatement ps = conn.prepareStatement(
                "SELECT title, query FROM (SELECT *, row_number() OVER (PARTITION BY query ORDER BY fetched_at DESC) AS r FROM "
                        + MetricsSchema.QUERIES + ") WHERE r = 1 ORDER BY fetched_at, pos");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new NamedQuery(rs.getString(1), rs.getString(2)));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static TreeMap<String, String> labels(String json) throws Exception {
        return json == null ? new TreeMap<>() : new TreeMap<>(JSON.readValue(json, Map.class));
    }
}
