package dev.triage.plugin.logs.application;

/**
 * Arguments of {@code logs.zone}.
 *
 * @param zone a zone id or offset
 */
public record ZoneArgs(String zone) {
}
