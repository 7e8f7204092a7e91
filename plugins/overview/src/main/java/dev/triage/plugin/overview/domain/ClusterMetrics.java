package dev.triage.plugin.overview.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Metrics from the cluster views of distributed MySQL-protocol databases, computed from their result rows (column name to
 * text): TiDB's {@code information_schema.cluster_info} and {@code tikv_store_status}, StarRocks' {@code SHOW BACKENDS} and
 * {@code SHOW FRONTENDS}. Column names are matched without regard to case; values that do not parse are skipped.
 */
public final class ClusterMetrics {

    private ClusterMetrics() {
    }

    /**
     * TiDB {@code SELECT * FROM information_schema.cluster_info}: instances per component type.
     *
     * @param rows the rows (TYPE, INSTANCE, VERSION, ...)
     * @return {@code cluster.<type>.instances}, e.g. cluster.tikv.instances
     */
    public static Map<String, Double> tidbClusterInfo(List<Map<String, String>> rows) {
        Map<String, Double> m = new HashMap<>();
        for (Map<String, String> r : rows) {
            String type = get(r, "TYPE");
            if (type != null && !type.isBlank()) {
                m.merge("cluster." + type.trim().toLowerCase(Locale.ROOT) + ".instances", 1.0, Double::sum);
            }
        }
        return m;
    }

    /**
     * TiDB {@code SELECT * FROM information_schema.tikv_store_status}: capacity, available space, regions and stores not up.
     *
     * @param rows the rows (STORE_STATE_NAME, CAPACITY "1.8TiB", AVAILABLE, REGION_COUNT, LEADER_COUNT, ...)
     * @return cluster.tikv.* metrics
     */
    public static Map<String, Double> tidbStores(List<Map<String, String>> rows) {
        Map<String, Double> m = new HashMap<>();
        if (rows.isEmpty()) {
            return m;
        }
        double capacity = 0;
        double available = 0;
        double regions = 0;
        double down = 0;
        for (Map<String, String> r : rows) {
            capacity += zeroIfNaN(bytes(get(r, "CAPACITY")));
            available += zeroIfNaN(bytes(get(r, "AVAILABLE")));
            regions += zeroIfNaN(number(get(r, "REGION_COUNT")));
            String state = get(r, "STORE_STATE_NAME");
            if (state != null && !state.trim().equalsIgnoreCase("Up")) {
                down++;
            }
        }
        m.put("cluster.tikv.stores", (double) rows.size());
        m.put("cluster.tikv.stores_not_up", down);
        m.put("cluster.tikv.capacity_bytes", capacity);
        m.put("cluster.tikv.available_bytes", available);
        if (capacity > 0) {
            m.put("cluster.tikv.used_pct", 100 * (capacity - available) / capacity);
        }
        m.put("cluster.tikv.regions", regions);
        return m;
    }

    /**
     * StarRocks {@code SHOW BACKENDS}: backends alive, disk used and total, the fullest backend, tablets.
     *
     * @param rows the rows (Alive, DataUsedCapacity "1.234 GB", TotalCapacity, UsedPct "45.12 %", TabletNum, ...)
     * @return cluster.be.* metrics
     */
    public static Map<String, Double> starRocksBackends(List<Map<String, String>> rows) {
        Map<String, Double> m = new HashMap<>();
        if (rows.isEmpty()) {
            return m;
        }
        double alive = 0;
        double used = 0;
        double total = 0;
        double worst = 0;
        double tablets = 0;
        for (Map<String, String> r : rows) {
            alive += "true".equalsIgnoreCase(trim(get(r, "Alive"))) ? 1 : 0;
            used += zeroIfNaN(bytes(get(r, "DataUsedCapacity")));
            total += zeroIfNaN(bytes(get(r, "TotalCapacity")));
            worst = Math.max(worst, zeroIfNaN(number(get(r, "UsedPct"))));
            tablets += zeroIfNaN(number(get(r, "TabletNum")));
        }
        m.put("cluster.be.count", (double) rows.size());
        m.put("cluster.be.alive", alive);
        m.put("cluster.be.data_used_bytes", used);
        m.put("cluster.be.total_bytes", total);
        m.put("cluster.be.max_used_pct", worst);
        m.put("cluster.be.tablets", tablets);
        return m;
    }

    /**
     * StarRocks {@code SHOW FRONTENDS}: frontends and how many are alive.
     *
     * @param rows the rows (Alive, Role, ...)
     * @return cluster.fe.* metrics
     */
    public static Map<String, Double> starRocksFrontends(List<Map<String, String>> rows) {
        Map<String, Double> m = new HashMap<>();
        if (rows.isEmpty()) {
            return m;
        }
        m.put("cluster.fe.count", (double) rows.size());
        m.put("cluster.fe.alive", (double) rows.stream().filter(r -> "true".equalsIgnoreCase(trim(get(r, "Alive")))).count());
        return m;
    }

    private static String get(Map<String, String> row, String column) {
        for (Map.Entry<String, String> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static double zeroIfNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /**
     * Parses a number, tolerating a trailing percent sign.
     *
     * @param text the text
     * @return the number, NaN when it is not one
     */
    static double number(String text) {
        if (text == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text.replace("%", "").trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Parses a size as TiDB and StarRocks print it: "1.8TiB", "512MiB", "1.234 GB", "0.000 ", "1048576".
     * Units are binary (KB = KiB = 1024 bytes), as both systems compute them.
     *
     * @param text the text
     * @return bytes, NaN when it is not a size
     */
    static double bytes(String text) {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        String t = text.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "").trim();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        int power = "KMGTPE".indexOf(t.charAt(t.length() - 1)) + 1;
        if (power > 0) {
            t = t.substring(0, t.length() - 1).trim();
        }
        double v = number(t);
        return Double.isNaN(v) ? v : v * Math.pow(1024, power);
    }
}
