package dev.triage.diag.infrastructure;

import dev.triage.core.command.CommandOutput;
import dev.triage.core.diagnostics.CategorizedFinding;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Finding;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code triage diag ...} prints for one target: the findings by category, the key metrics, and where the capture
 * was saved.
 *
 * @param pluginId the diagnosing plugin
 * @param target what was diagnosed
 * @param time when the state was captured (ISO-8601)
 * @param kinds the kinds of raw output that were read
 * @param findings the findings, most serious first
 * @param metrics key metric values
 * @param savedCapture the capture file written into the case, empty when none
 */
public record DiagnosisResult(String pluginId, String target, String time, List<String> kinds, List<Row> findings,
                              Map<String, Double> metrics, String savedCapture) implements CommandOutput {

    /**
     * One finding as printed.
     *
     * @param category the category id
     * @param severity the severity name
     * @param title the statement
     * @param evidence the evidence lines ({@code name = value} for metrics)
     * @param suggestion what to do
     */
    public record Row(String category, String severity, String title, List<String> evidence, String suggestion) {
    }

    /**
     * Makes the result of a diagnosis.
     *
     * @param d the diagnosis
     * @param savedCapture the capture file, or null
     * @return the result
     */
    public static DiagnosisResult of(Diagnosis d, String savedCapture) {
        List<Row> rows = d.findings().stream()
                .sorted(Comparator.comparing((CategorizedFinding f) -> f.finding().severity()).reversed())
                .map(f -> new Row(f.category(), f.finding().severity().name(), f.finding().title(),
                        f.finding().evidence().stream().map(DiagnosisResult::line).toList(), f.finding().suggestion()))
                .toList();
        return new DiagnosisResult(d.capture().pluginId(), d.capture().target(), d.capture().time().toString(),
                d.capture().items().stream().map(i -> i.kind()).distinct().toList(), rows, new TreeMap<>(d.metrics()),
                savedCapture == null ? "" : savedCapture);
    }

    private static String line(Evidence e) {
        return e.isMetric() ? e.name() + " = " + e.value() : e.value();
    }

    /**
     * Counts the findings of a severity.
     *
     * @param severity the severity name
     * @return how many findings have it
     */
    public long count(String severity) {
        return findings.stream().filter(r -> r.severity().equals(severity)).count();
    }

    @Override
    public int exitCode() {
        return count("CRITICAL") > 0 ? 1 : 0;
    }

    @Override
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(target).append(" (").append(String.join(", ", kinds)).append(") at ").append(time).append('\n');
        if (findings.isEmpty()) {
            b.append("  no findings\n");
        }
        for (Row r : findings) {
            b.append(String.format("%-8s [%s] %s%n", r.severity(), r.category(), r.title()));
            r.evidence().forEach(e -> b.append("           ").append(e).append('\n'));
            if (!r.suggestion().isEmpty()) {
                b.append("           -> ").append(r.suggestion()).append('\n');
            }
        }
        if (!savedCapture.isEmpty()) {
            b.append("capture saved: ").append(savedCapture).append('\n');
        }
        return b.toString();
    }

    @Override
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("## ").append(target).append("\n\n").append("Captured ").append(time).append(" (").append(String.join(", ", kinds))
                .append(").\n\n");
        if (findings.isEmpty()) {
            b.append("No findings.\n");
        }
        for (Row r : findings) {
            b.append("- **").append(r.severity()).append("** [").append(r.category()).append("] ").append(r.title()).append('\n');
            r.evidence().forEach(e -> b.append("  - `").append(e.replace("`", "'")).append("`\n"));
            if (!r.suggestion().isEmpty()) {
                b.append("  - Suggestion: ").append(r.suggestion()).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * Lists the core findings of a diagnosis, for the case's findings table.
     *
     * @param d the diagnosis
     * @return the findings
     */
    public static List<Finding> plain(Diagnosis d) {
        return d.plainFindings();
    }
}
