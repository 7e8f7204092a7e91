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

    /**
     * Evaluates one rule against the latest sample of every target it applies to, without changing any alert state.
     *
     * @param service the service of the open case
     * @param name the rule's name
     * @return one line per target: value, condition, whether it holds
     * @throws Exception when the case cannot be read
     */
    public static String test(OverviewService service, String name) throws Exception {
        AlertRule rule = service.alerts().rules().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No alert rule '" + name + "'; triage alerts list shows them"));
        StringBuilder b = new StringBuilder();
        for (dev.triage.plugin.overview.domain.Sample s : service.store().snapshots().values()) {
            if (rule.appliesTo(s.target())) {
                double v = s.metric(rule.metric());
                b.append(String.format("%-16s %s = %s %s %s: %s%n", s.target(), rule.metric(), Numbers.format(v), rule.op().symbol(),
                        Numbers.format(rule.threshold()), rule.holds(v) ? "HOLDS (fires after " + rule.forDuration() + ")" : "does not hold"));
            }
        }
        return b.length() == 0 ? "No target of the case matches " + rule.targets() : b.toString();
    }

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
