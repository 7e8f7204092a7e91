package dev.triage.plugin.logs.application;

import dev.triage.core.command.CommandOutput;
import java.util.List;

/**
 * One page of the merged timeline.
 *
 * @param zone the zone times are shown in
 * @param rows the entries, oldest first
 * @param nextCursor the cursor of the next page, or null at the end
 */
public record TimelinePage(String zone, List<TimelineRow> rows, String nextCursor) implements CommandOutput {

    @Override
    public String text() {
        StringBuilder b = new StringBuilder();
        for (TimelineRow r : rows) {
            b.append(r.time()).append("  ").append(String.format("%-5s", r.level())).append("  ").append(r.file()).append(':')
                    .append(r.line()).append("  ").append(r.message()).append('\n');
        }
        b.append("-- ").append(rows.size()).append(" entries, times in ").append(zone);
        if (nextCursor != null) {
            b.append("; next page: --cursor ").append(nextCursor);
        }
        return b.append('\n').toString();
    }
}
