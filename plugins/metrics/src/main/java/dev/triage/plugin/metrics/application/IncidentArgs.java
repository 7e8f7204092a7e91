package dev.triage.plugin.metrics.application;

/**
 * Arguments of {@code metrics.incident}.
 *
 * @param since the incident's start (ISO-8601, epoch seconds, {@code -2h})
 * @param until its end
 * @param clear true to remove the window
 */
public record IncidentArgs(String since, String until, Boolean clear) {
}
