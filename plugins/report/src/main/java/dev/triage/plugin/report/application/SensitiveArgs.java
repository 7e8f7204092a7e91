package dev.triage.plugin.report.application;

import java.util.List;

/**
 * Arguments of {@code triage report sensitive VALUE... --case C}: values never to write into a report of the case.
 *
 * @param values the values; only their salted hashes are kept
 */
public record SensitiveArgs(List<String> values) {
}
