package dev.triage.diag.infrastructure;

/**
 * Arguments of {@code triage diag redis|mysql|kafka|capture --connection NAME [--category C,..]}.
 *
 * @param connection the saved connection's id or name
 * @param category the category ids to look at, comma-separated; all when absent
 */
public record LiveArgs(String connection, String category) {
}
