package dev.triage.plugin.rca.domain;

import java.time.Instant;
import java.util.List;

/**
 * A possible root cause: a rule whose evidence was found together, with a confidence and the evidence behind it.
 *
 * @param rule the rule that fired
 * @param confidence from 0 to 1: the share of the rule's evidence weight that was found
 * @param from the earliest time of the evidence in the window, or null when no evidence has a time
 * @param to the latest time, or null
 * @param evidence the evidence found, each with its items
 */
public record Hypothesis(Rule rule, double confidence, Instant from, Instant to, List<Match> evidence) {

    /** Copies the evidence list. */
    public Hypothesis {
        evidence = List.copyOf(evidence);
    }

    /**
     * The items found for one piece of evidence.
     *
     * @param spec the evidence looked for
     * @param items what was found
     */
    public record Match(EvidenceSpec spec, List<EvidenceItem> items) {

        /** Copies the items. */
        public Match {
            items = List.copyOf(items);
        }
    }
}
