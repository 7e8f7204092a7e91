package dev.triage.plugin.overview.application;

import java.util.List;

/**
 * Arguments of {@code triage alerts test RULE}.
 *
 * @param rule the rule's name (one positional word)
 */
public record AlertTestArgs(List<String> rule) {
}
