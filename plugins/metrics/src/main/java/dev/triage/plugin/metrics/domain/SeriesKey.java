package dev.triage.plugin.metrics.domain;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One time series: a metric name and its label set (without {@code __name__}).
 *
 * @param metric the metric name, e.g. {@code node_cpu_seconds_total}
 * @param labels the labels, sorted by name
 */
public record SeriesKey(String metric, SortedMap<String, String> labels) {

    /** Copies the labels into an unmodifiable sorted map and drops {@code __name__}. */
    public SeriesKey {
        Objects.requireNonNull(metric, "metric name");
        TreeMap<String, String> copy = new TreeMap<>(labels == null ? Map.of() : labels);
        copy.remove("__name__");
        labels = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * Creates a key from a metric name and labels in any order.
     *
     * @param metric the metric name
     * @param labels the labels
     * @return the key
     */
    public static SeriesKey of(String metric, Map<String, String> labels) {
        return new SeriesKey(metric, new TreeMap<>(labels));
    }

    /**
     * Returns the series in Prometheus' notation, {@code metric{a="x",b="y"}}, with quotes, backslashes and new lines
     * escaped in the values; a metric name that is not a classic one is quoted inside the braces ({@code {"a.b",x="y"}}).
     *
     * @return the text
     */
    public String text() {
        boolean legacy = legacyName(metric);
        if (labels.isEmpty()) {
            return legacy ? metric : "{\"" + escape(metric) + "\"}";
        }
        // a name outside [a-zA-Z_:][a-zA-Z0-9_:]* is written quoted inside the braces, as Prometheus 3 does
        StringBuilder b = legacy ? new StringBuilder(metric).append('{') : new StringBuilder("{\"").append(escape(metric)).append("\",");
        boolean first = true;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            b.append(e.getKey()).append("=\"").append(escape(e.getValue())).append('"');
        }
        return b.append('}').toString();
    }

    /** Tells whether a metric or label name is a classic one, [a-zA-Z_:][a-zA-Z0-9_:]*, written without quotes. */
    static boolean legacyName(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '_' || c == ':' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns a stable 64-bit id of the series (FNV-1a of {@link #text()}), the key of the samples in the case.
     *
     * @return the id
     */
    public long id() {
        long h = 0xcbf29ce484222325L;
        for (byte x : text().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= x & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /**
     * Returns a short legend: the labels that are not shared by all series of a chart are best; here, all labels.
     *
     * @return the label values joined, or the metric name when there are none
     */
    public String legend() {
        return labels.isEmpty() ? metric : String.join(", ", labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public String toString() {
        return text();
    }
}
