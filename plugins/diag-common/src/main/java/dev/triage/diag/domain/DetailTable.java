package dev.triage.diag.domain;

import java.util.List;
import java.util.Objects;

/**
 * A table of raw details a diagnostics view shows beside the findings (a Redis slow log, a MySQL processlist, a Kafka
 * consumer-lag table), read from a capture by the plugin of its kind; plain data so it is built and tested without JavaFX.
 *
 * @param id a short id, also the style class {@code table-<id>} of the view's table
 * @param title the tab title
 * @param columns the column names
 * @param rows the rows, each as long as {@code columns} (shorter rows are padded, longer ones cut)
 */
public record DetailTable(String id, String title, List<String> columns, List<List<String>> rows) {

    /** Checks the parts and makes every row exactly as wide as the columns. */
    public DetailTable {
        Objects.requireNonNull(id, "table id");
        Objects.requireNonNull(title, "table title");
        columns = List.copyOf(columns);
        int width = columns.size();
        rows = rows.stream().map(r -> {
            List<String> cells = new java.util.ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                cells.add(i < r.size() && r.get(i) != null ? r.get(i) : "");
            }
            return List.copyOf(cells);
        }).toList();
    }

    /**
     * Returns the values of one column, for tests and exports.
     *
     * @param column the column name
     * @return the values, top to bottom
     * @throws IllegalArgumentException when the table has no such column
     */
    public List<String> column(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("table " + id + " has no column " + column + " (has " + columns + ")");
        }
        return rows.stream().map(r -> r.get(i)).toList();
    }
}
