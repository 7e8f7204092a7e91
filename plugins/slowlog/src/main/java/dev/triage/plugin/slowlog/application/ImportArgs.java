package dev.triage.plugin.slowlog.application;

import java.util.List;

/**
 * Arguments of {@code slowlog.import}: the slow logs to import into the open case ({@code --case DIR} on the CLI).
 *
 * @param files the slow logs, plain or gzip
 */
public record ImportArgs(List<String> files) {
}
