package dev.triage.plugin.overview.application;

import dev.triage.core.command.CommandOutput;
import dev.triage.plugin.overview.domain.AlertRule;
import dev.triage.plugin.overview.domain.Numbers;
import java.util.List;

/**
 * Output of {@code triage alerts list} (the rules in effect) and {@code triage alerts history} (the recorded transitions).
 *
 * @param rules the rules, empty for a history
 * @param history the transitions, empty for a rule list
 */
public record AlertsReport(List<AlertRule> rules, List<SampleStore.HistoryRow> history) implements CommandOutput {

    @Override
    public String text() {
        StringBuilder b = new StringBuilder();
        for (AlertRule r : rules) {
            b.append(String.format("%-28s %-8s %s %s %s for %s on %s%n", r.name(), r.severity(), r.metric(), r.op().symbol(),
                    Numbers.format(r.threshold()), r.forDuration(), r.targets()));
        }
        for (SampleStore.HistoryRow h : history) {
            b.append(String.format("%s %-24s %-16s %s -> %s (%s)%n", h.time(), h.rule(), h.target(), h.from(), h.to(), Numbers.format(h.value())));
        }
        return b.length() == 0 ? (rules.isEmpty() && history.isEmpty() ? "Nothing recorded" : "") : b.toString();
    }
}
