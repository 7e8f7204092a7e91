package dev.triage.plugin.overview.application;

import java.util.List;

/**
 * Arguments of {@code triage alerts ack RULE TARGET --comment TEXT} and of commands naming one word (a silence id, a secret key).
 *
 * @param words the positional words
 * @param comment why
 * @param by who (default: the user name)
 */
public record AckArgs(List<String> words, String comment, String by) {
}
