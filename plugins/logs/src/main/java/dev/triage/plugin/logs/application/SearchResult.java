package dev.triage.plugin.logs.application;

import dev.triage.core.command.CommandOutput;
import java.util.List;

/**
 * The hits of a search, its statistics, and the cursor of the next page (null when there is none).
 *
 * @param hits the hits, by file and line
 * @param stats the statistics
 * @param nextCursor the cursor to pass for the next page, or null
 */
public record SearchResult(List<Hit> hits, SearchStats stats, String nextCursor) implements CommandOutput {

    @Override
    public String text() {
        StringBuilder b = new StringBuilder();
        for (Hit h : hits) {
            for (String l : h.before()) {
                b.append("  ").append(h.file()).append('-').append(l).append('\n');
            }
            b.append(h.file()).append(':').append(h.line()).append(' ').append(h.time() == null ? "-" : h.time()).append(' ')
                    .append(h.text()).append(h.cut() ? " [cut]" : "").append('\n');
            for (String l : h.after()) {
                b.append("  ").append(h.file()).append('+').append(l).append('\n');
            }
        }
        b.append(String.format("-- %d hits, %d files, %d bytes, %d candidate lines, %d ms%s%n", stats.hits(), stats.files(),
                stats.bytes(), stats.candidateLines(), stats.millis(), stats.truncated() ? ", truncated (" + stats.reason() + ")" : ""));
        if (nextCursor != null) {
            b.append("-- next page: --cursor ").append(nextCursor).append('\n');
        }
        return b.toString();
    }
}
