package dev.triage.plugin.rca.domain;

import java.util.List;
import java.util.Objects;

/**
 * One piece of evidence a rule looks for: findings whose title matches a pattern, or rows of an SQL query over case tables.
 *
 * @param id the evidence id within its rule
 * @param kind {@code finding} or {@code sql}
 * @param describe what the evidence shows, in a sentence
 * @param pattern for findings: a regular expression matched against the title (found anywhere, case-insensitive)
 * @param plugin for findings: the plugin id that made them, empty for any
 * @param minSeverity for findings: the lowest severity, {@code INFO} when empty
 * @param tables for SQL: the case tables the query needs; the evidence is skipped when one is absent
 * @param query for SQL: a query whose columns {@code at} (time, may be null), {@code text} and {@code ref} (a link) are read
 * @param weight how much this evidence adds to the hypothesis' confidence
 * @param required whether the hypothesis needs this evidence
 */
public record EvidenceSpec(String id, String kind, String describe, String pattern, String plugin, String minSeverity,
                           List<String> tables, String query, double weight, boolean required) {

    /** Checks the id and kind and copies the table list. */
    public EvidenceSpec {
        Objects.requireNonNull(id, "evidence id");
        if (!"finding".equals(kind) && !"sql".equals(kind)) {
            throw new IllegalArgumentException("Evidence '" + id + "' has kind '" + kind + "', expected finding or sql");
        }
        tables = tables == null ? List.of() : List.copyOf(tables);
        plugin = plugin == null ? "" : plugin;
        minSeverity = minSeverity == null || minSeverity.isBlank() ? "INFO" : minSeverity;
        describe = describe == null ? id : describe;
        if (weight < 0) {
            throw new IllegalArgumentException("Evidence '" + id + "' has a negative weight");
        }
    }
}
