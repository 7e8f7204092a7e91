package dev.triage.plugin.rca.application;

/**
 * Arguments of {@code triage rca --case C [--rules FILE]}.
 *
 * @param rules a TOML rules file used instead of the shipped rules, or null
 */
public record RcaArgs(String rules) {
}
