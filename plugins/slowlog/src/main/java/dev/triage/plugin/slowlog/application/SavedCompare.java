package dev.triage.plugin.slowlog.application;

import java.util.List;

/**
 * A comparison kept in a case for its report.
 *
 * @param label what was compared, such as {@code 2024-03-01T10:00Z..11:00Z vs 11:00Z..12:00Z}
 * @param madeAt when it was made (ISO-8601, UTC)
 * @param rows the classes that changed most
 */
public record SavedCompare(String label, String madeAt, List<CompareRow> rows) {

    /** Copies the rows. */
    public SavedCompare {
        rows = List.copyOf(rows);
    }
}
