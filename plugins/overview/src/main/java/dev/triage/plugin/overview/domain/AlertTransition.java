package dev.triage.plugin.overview.domain;

import java.time.Instant;

/**
 * A change of an alert's state.
 *
 * @param rule the rule
 * @param target the target id
 * @param from the previous state
 * @param to the new state
 * @param time when it changed
 * @param value the metric value that made it change
 */
public record AlertTransition(AlertRule rule, String target, AlertState from, AlertState to, Instant time, double value) {
}
