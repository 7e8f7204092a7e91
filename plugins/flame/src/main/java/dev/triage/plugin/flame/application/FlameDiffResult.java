package dev.triage.plugin.flame.application;

import dev.triage.core.command.CommandOutput;
import java.util.List;
import java.util.Locale;

/**
 * What {@code flame diff} prints: the functions whose normalised share changed most between two profiles.
 *
 * @param before the baseline file
 * @param after the new file
 * @param beforeTotal the baseline's total count
 * @param afterTotal the new profile's total count
 * @param changes the largest changes, by self share
 */
public record FlameDiffResult(String before, String after, long beforeTotal, long afterTotal, List<Row> changes)
        implements CommandOutput {

    /**
     * One function's change, in percent of each profile's total.
     *
     * @param name the function
     * @param beforeSelf self share before, percent
     * @param afterSelf self share after, percent
     * @param selfDelta the change of self share, percentage points
     * @param beforeTotal total share before, percent
     * @param afterTotal total share after, percent
     * @param totalDelta the change of total share, percentage points
     */
    public record Row(String name, double beforeSelf, double afterSelf, double selfDelta, double beforeTotal, double afterTotal,
            double totalDelta) {
    }

    @Override
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "before %s (total %,d), after %s (total %,d); shares in %% of each total%n", before,
                beforeTotal, after, afterTotal));
        sb.append(String.format(Locale.ROOT, "%8s %8s %8s %8s %8s %8s  %s%n", "self-b", "self-a", "Δself", "total-b", "total-a",
                "Δtotal", "function"));
        for (Row r : changes) {
            sb.append(String.format(Locale.ROOT, "%8.2f %8.2f %+8.2f %8.2f %8.2f %+8.2f  %s%n", r.beforeSelf, r.afterSelf,
                    r.selfDelta, r.beforeTotal, r.afterTotal, r.totalDelta, r.name));
        }
        return sb.toString();
    }

    @Override
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| Function | Self before % | Self after % | Δ self | Total before % | Total after % | Δ total |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : changes) {
            sb.append(String.format(Locale.ROOT, "| `%s` | %.2f | %.2f | %+.2f | %.2f | %.2f | %+.2f |%n",
                    r.name.replace("|", "\\|").replace("`", "'"), r.beforeSelf, r.afterSelf, r.selfDelta, r.beforeTotal,
                    r.afterTotal, r.totalDelta));
        }
        return sb.toString();
    }
}
