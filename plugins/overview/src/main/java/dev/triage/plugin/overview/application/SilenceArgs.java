package dev.triage.plugin.overview.application;

import java.util.List;

/**
 * Arguments of {@code triage alerts silence MATCHER... --duration 2h --comment TEXT}.
 *
 * @param match label matchers such as {@code target=db-1} or {@code alertname=~repl.*}
 * @param duration how long, e.g. 2h (default 1h)
 * @param comment why
 * @param by who (default: the user name)
 */
public record SilenceArgs(List<String> match, String duration, String comment, String by) {
}
