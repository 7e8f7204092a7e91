package dev.triage.diag.infrastructure;

import java.util.List;

/**
 * Arguments of {@code triage diag file DUMP... [--kind K] [--category C,..] [--rules FILE]}.
 *
 * @param files the dumps or saved captures
 * @param kind the dump kind when auto-detection is not wanted ({@code redis-info}, {@code mysql-status}, ...)
 * @param category the category ids to look at, comma-separated; all when absent
 * @param rules a rules file overriding the thresholds for this run
 */
public record FileArgs(List<String> files, String kind, String category, String rules) {
}
