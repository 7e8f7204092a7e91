package dev.triage.plugin.rca.infrastructure;

import dev.triage.core.command.CommandOutput;
import dev.triage.plugin.rca.domain.Hypothesis;
import java.util.List;
import java.util.Locale;

/**
 * What {@code triage rca} found: hypotheses, most confident first, and the evidence skipped for want of a table.
 *
 * @param hypotheses the hypotheses
 * @param skipped evidence skipped, each naming the rule and the missing table
 */
public record RcaResult(List<Hypothesis> hypotheses, List<String> skipped) implements CommandOutput {

    /** Copies the lists. */
    public RcaResult {
        hypotheses = List.copyOf(hypotheses);
        skipped = List.copyOf(skipped);
    }

    @Override
    public String text() {
        StringBuilder b = new StringBuilder();
        if (hypotheses.isEmpty()) {
            b.append("No root-cause rule fired on this case.\n");
        }
        for (Hypothesis h : hypotheses) {
            b.append(String.format(Locale.ROOT, "%3.0f%%  %s  [%s]%n", h.confidence() * 100, h.rule().title(), h.rule().id()));
            if (h.from() != null) {
                b.append("      window ").append(h.from()).append(" .. ").append(h.to()).append('\n');
            }
            for (Hypothesis.Match m : h.evidence()) {
                b.append("      - ").append(m.spec().describe()).append(" (").append(m.items().size()).append(")\n");
                m.items().stream().limit(3).forEach(i -> b.append("          ").append(i.text().lines().findFirst().orElse(""))
                        .append(i.ref().isEmpty() ? "" : "  <" + i.ref() + ">").append('\n'));
            }
            if (!h.rule().suggestion().isBlank()) {
                b.append("      suggestion: ").append(h.rule().suggestion()).append('\n');
            }
        }
        return b.toString().stripTrailing();
    }
}
