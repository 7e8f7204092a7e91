package dev.triage.plugin.metrics.application;

/**
 * Arguments of {@code metrics.query-sets}.
 *
 * @param name the shipped set to print; none to list the names
 */
public record QuerySetArgs(String name) {
}
