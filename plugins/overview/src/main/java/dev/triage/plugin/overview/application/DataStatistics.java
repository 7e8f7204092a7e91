package dev.triage.plugin.overview.application;

import dev.triage.plugin.overview.domain.Numbers;
import dev.triage.plugin.overview.domain.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The largest databases and tables of the MySQL-protocol targets (from {@code information_schema} sizes in the samples),
 * with how fast each grew per day over the last week of samples.
 *
 * @param target the target
 * @param kind {@code database} or {@code table}
 * @param name the database, or {@code database.table}
 * @param bytes data plus index bytes in the latest sample
 * @param rows the estimated rows in the latest sample
 * @param growthPerDay bytes gained per day over the samples of the last 7 days, or null with fewer than an hour of them
 */
public record DataStatistics(String target, String kind, String name, double bytes, double rows, Double growthPerDay) {

    /** The column titles of {@link #cells()}. */
    public static final List<String> HEADERS = List.of("Target", "Kind", "Name", "Size", "Rows", "Growth");
    /** How many tables are listed. */
    public static final int TOP_TABLES = 20;
    private static final Duration WINDOW = Duration.ofDays(7);

    /**
     * Lists the databases (all) and the largest tables (at most {@link #TOP_TABLES}) of the targets, largest first.
     *
     * @param store the samples
     * @param snapshots the latest sample of each target
     * @param now the time growth is measured up to
     * @return the rows, databases first
     * @throws Exception when the samples cannot be read
     */
    public static List<DataStatistics> of(SampleStore store, List<Sample> snapshots, Instant now) throws Exception {
        List<DataStatistics> dbs = new ArrayList<>();
        List<DataStatistics> tables = new ArrayList<>();
        for (Sample s : snapshots) {
            for (Map.Entry<String, Double> m : s.metrics().entrySet()) {
                String key = m.getKey();
                boolean db = key.startsWith("db.");
                if (!(db || key.startsWith("table.")) || !key.endsWith(".bytes")) {
                    continue;
                }
                String name = key.substring(key.indexOf('.') + 1, key.length() - ".bytes".length());
                Double rows = s.metrics().get(key.substring(0, key.length() - ".bytes".length()) + ".rows");
                DataStatistics row = new DataStatistics(s.target(), db ? "database" : "table", name, m.getValue(),
                        rows == null ? 0 : rows, growth(store.series(s.target(), key, now.minus(WINDOW))));
                (db ? dbs : tables).add(row);
            }
        }
        Comparator<DataStatistics> largest = Comparator.comparingDouble(DataStatistics::bytes).reversed();
        dbs.sort(largest);
        tables.sort(largest);
        List<DataStatistics> out = new ArrayList<>(dbs);
        out.addAll(tables.subList(0, Math.min(TOP_TABLES, tables.size())));
        return out;
    }

    private static Double growth(List<Map.Entry<Instant, Double>> series) {
        if (series.size() < 2) {
            return null;
        }
        Map.Entry<Instant, Double> first = series.get(0);
        Map.Entry<Instant, Double> last = series.get(series.size() - 1);
        double seconds = Duration.between(first.getKey(), last.getKey()).toSeconds();
        return seconds < 3600 ? null : (last.getValue() - first.getValue()) * 86_400 / seconds;
    }

    /**
     * The row as table cells for the report and the view.
     *
     * @return target, kind, name, size, rows, growth per day
     */
    public List<String> cells() {
        return List.of(target, kind, name, Numbers.bytes(bytes), String.format(java.util.Locale.ROOT, "%,.0f", rows),
                growthPerDay == null ? "" : (growthPerDay >= 0 ? "+" : "-") + Numbers.bytes(Math.abs(growthPerDay)) + "/day");
    }
}
