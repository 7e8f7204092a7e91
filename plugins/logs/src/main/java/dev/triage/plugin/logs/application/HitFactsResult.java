package dev.triage.plugin.logs.application;

import dev.triage.core.command.CommandOutput;
import java.util.List;

/**
 * The facts found in the hits of one search, as stored in the case ({@code logs_hit_facts}).
 *
 * @param searchId the id the facts are stored under
 * @param hits how many hits the rules read
 * @param truncated whether the search stopped at its maximum of hits or its time budget
 * @param extractMillis time taken by the rules and the store, in milliseconds
 * @param extractCpuMillis CPU time of that work on its thread (-1 when the JVM cannot tell), steadier than wall time under load
 * @param counts counts per rule and file
 * @param facts the first facts, in hit order
 */
public record HitFactsResult(String searchId, int hits, boolean truncated, double extractMillis, double extractCpuMillis,
        List<FactCount> counts, List<FactRow> facts) implements CommandOutput {

    @Override
    public String text() {
        long n = counts.stream().mapToLong(FactCount::count).sum();
        return String.format(java.util.Locale.ROOT, "%d hits%s, %d facts in %.1f ms (%.1f ms CPU; search %s)%n", hits,
                truncated ? " (truncated)" : "", n, extractMillis, extractCpuMillis, searchId) + new FactsResult(counts, facts).text();
    }
}
