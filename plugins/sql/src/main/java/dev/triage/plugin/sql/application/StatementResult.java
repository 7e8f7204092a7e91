package dev.triage.plugin.sql.application;

import java.util.List;

/**
 * What one statement gave: an open cursor for each result set, or an update count.
 *
 * @param statement the statement text
 * @param cursors the result sets in order (open; the caller closes them), empty for updates
 * @param updateCount rows changed, or -1 when the statement returned rows
 * @param millis how long execution took until the first row or the count
 * @param warnings the server's warnings
 */
public record StatementResult(String statement, List<ResultCursor> cursors, long updateCount, long millis, List<String> warnings) {

    /** Copies the lists. */
    public StatementResult {
        cursors = List.copyOf(cursors);
        warnings = List.copyOf(warnings);
    }
}
