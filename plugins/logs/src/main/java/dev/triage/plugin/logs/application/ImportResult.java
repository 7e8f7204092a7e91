package dev.triage.plugin.logs.application;

import dev.triage.core.command.CommandOutput;
import java.util.List;

/**
 * What {@code logs.import} did.
 *
 * @param files files offered
 * @param imported files indexed
 * @param entries entries written
 * @param skipped problems and unchanged files
 * @param warnings the messages, each naming its file
 * @param table the case's log files after the import
 */
public record ImportResult(int files, int imported, long entries, long skipped, List<String> warnings, List<FileRow> table)
        implements CommandOutput {

    @Override
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%d files offered, %d entries written, %d skipped or unchanged%n", files, entries, skipped));
        for (String w : warnings) {
            b.append("  ! ").append(w).append('\n');
        }
        b.append(Tables.files(table));
        return b.toString();
    }

    @Override
    public int exitCode() {
        return table.stream().anyMatch(f -> !"ok".equals(f.status())) ? 1 : 0;
    }
}
