package dev.triage.plugin.metrics.application;

import dev.triage.core.command.CommandOutput;
import dev.triage.plugin.metrics.domain.Anomaly;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "what changed first" list: for each chart's series, when it first left its normal band, earliest first.
 *
 * @param rows the rows
 */
public record ChangedFirst(List<Row> rows) implements CommandOutput {

    /**
     * One series that left its band.
     *
     * @param chart the chart (query title or metric name)
     * @param series the series in Prometheus notation
     * @param at when it first left the band
     * @param value its value there
     * @param median the band's median there
     * @param score how many scaled MADs away (signed)
     * @param marks how many of its points are marked in the window
     */
    public record Row(String chart, String series, Instant at, double value, double median, double score, int marks) {
    }

    /** Copies the list. */
    public ChangedFirst {
        rows = List.copyOf(rows);
    }

    /**
     * Makes a row.
     *
     * @param chart the chart
     * @param first the first mark
     * @param marks how many marks
     * @return the row
     */
    static Row row(String chart, Anomaly first, int marks) {
        return new Row(chart, first.key().text(), Instant.ofEpochMilli(first.timeMillis()), first.value(), first.median(),
                first.score(), marks);
    }

    /**
     * Returns the table's cells, for reports.
     *
     * @return one list of cells per row
     */
    public List<List<String>> cells() {
        List<List<String>> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(List.of(r.at().toString(), r.chart(), r.series(), num(r.value()), num(r.median()),
                    String.format(Locale.ROOT, "%+.1f", r.score()), Integer.toString(r.marks())));
        }
        return out;
    }

    @Override
    public String text() {
        if (rows.isEmpty()) {
            return "No series left its normal band (rolling median ± k·MAD) in the window.\n";
        }
        StringBuilder b = new StringBuilder("What changed first (time each series left its rolling median ± k·MAD band):\n");
        for (List<String> c : cells()) {
            b.append(String.format(Locale.ROOT, "  %s  %-30s %s  value %s, median %s, %s MAD, %s marks%n", c.get(0), c.get(1),
                    c.get(2), c.get(3), c.get(4), c.get(5), c.get(6)));
        }
        return b.toString();
    }

    static String num(double v) {
        return Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3 && v != 0 ? String.format(Locale.ROOT, "%.4g", v)
                : String.format(Locale.ROOT, "%.3f", v);
    }
}
