package dev.triage.plugin.rca.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A root-cause rule: evidence that, found together within a time window, makes a hypothesis.
 *
 * @param id the rule id
 * @param product the product it is about: mysql, tidb, mariadb, redis, kafka or any
 * @param title the hypothesis title
 * @param explanation why the evidence points there
 * @param suggestion what to check or do
 * @param window the longest time between timed evidence items that still counts as one incident
 * @param minConfidence the confidence below which the hypothesis is not shown
 * @param evidence the evidence looked for
 */
public record Rule(String id, String product, String title, String explanation, String suggestion, Duration window,
                   double minConfidence, List<EvidenceSpec> evidence) {

    /** Checks the required parts and copies the evidence list. */
    public Rule {
        Objects.requireNonNull(id, "rule id");
        Objects.requireNonNull(title, "rule title");
        evidence = List.copyOf(evidence);
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("Rule '" + id + "' has no evidence");
        }
        if (evidence.stream().noneMatch(EvidenceSpec::required)) {
            throw new IllegalArgumentException("Rule '" + id + "' needs at least one required evidence");
        }
        product = product == null ? "any" : product;
        explanation = explanation == null ? "" : explanation;
        suggestion = suggestion == null ? "" : suggestion;
        window = window == null ? Duration.ofMinutes(30) : window;
    }
}
