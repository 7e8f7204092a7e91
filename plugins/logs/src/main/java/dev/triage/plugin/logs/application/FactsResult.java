package dev.triage.plugin.logs.application;

import dev.triage.core.command.CommandOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts of the case: counts per rule and file, and the first facts in time order.
 *
 * @param counts counts per rule and file
 * @param facts facts, oldest first
 */
public record FactsResult(List<FactCount> counts, List<FactRow> facts) implements CommandOutput {

    @Override
    public String text() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("rule", "severity", "file", "count", "first", "last"));
        for (FactCount c : counts) {
            rows.add(List.of(c.rule(), c.severity(), c.file(), Long.toString(c.count()), String.valueOf(c.first()), String.valueOf(c.last())));
        }
        StringBuilder b = new StringBuilder(Tables.render(rows)).append('\n');
        for (FactRow f : facts) {
            b.append(f.time()).append("  ").append(f.rule()).append("  ").append(f.file()).append(':').append(f.line()).append("  ")
                    .append(f.fields()).append("  ").append(f.text()).append('\n');
        }
        return b.toString();
    }
}
