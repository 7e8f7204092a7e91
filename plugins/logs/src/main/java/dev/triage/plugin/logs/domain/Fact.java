package dev.triage.plugin.logs.domain;

import java.util.Map;

/**
 * One fact found in a log entry.
 *
 * @param rule the rule name
 * @param severity the rule's severity
 * @param fields the rule's fields with their values
 * @param text the matched entry's text
 */
public record Fact(String rule, String severity, Map<String, String> fields, String text) {
}
