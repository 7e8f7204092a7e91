package dev.triage.plugin.logs.application;

/**
 * Arguments of {@code logs.facts}.
 *
 * @param refresh extract again with the current rules (shipped and the case's logs-rules/*.toml)
 * @param rule only this rule in the list of facts
 * @param limit how many facts to list (default 50)
 */
public record FactsArgs(Boolean refresh, String rule, Integer limit) {
}
