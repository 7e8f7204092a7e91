package dev.triage.core.diagnostics;

import dev.triage.core.finding.Finding;
import dev.triage.core.finding.Severity;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a diagnosis of one capture found, by category, with the key metric values it read.
 *
 * @param capture the capture that was diagnosed
 * @param findings the findings with their categories
 * @param metrics key metric values by name (such as {@code used_memory}), for charts and tables
 */
public record Diagnosis(Capture capture, List<CategorizedFinding> findings, Map<String, Double> metrics) {

    /** Checks the capture is present and copies the lists. */
    public Diagnosis {
        Objects.requireNonNull(capture, "capture");
        findings = List.copyOf(findings);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /**
     * Returns the findings without their categories, most serious first.
     *
     * @return the findings
     */
    public List<Finding> plainFindings() {
        return findings.stream().map(CategorizedFinding::finding).sorted(Finding.MOST_SERIOUS_FIRST).toList();
    }

    /**
     * Returns the findings of one category.
     *
     * @param category the category id
     * @return the findings, in diagnosis order
     */
    public List<Finding> findings(String category) {
        return findings.stream().filter(f -> f.category().equals(category)).map(CategorizedFinding::finding).toList();
    }

    /**
     * Returns the most serious severity found in a category.
     *
     * @param category the category id
     * @return the worst severity, or empty when the category has no finding
     */
    public Optional<Severity> worst(String category) {
        return findings(category).stream().map(Finding::severity).max(Enum::compareTo);
    }
}
