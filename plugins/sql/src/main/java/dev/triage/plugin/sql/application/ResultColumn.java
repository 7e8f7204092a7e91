package dev.triage.plugin.sql.application;

/**
 * One column of a result.
 *
 * @param name the label
 * @param type the database type name
 * @param numeric whether values are numbers (unquoted in exports)
 */
public record ResultColumn(String name, String type, boolean numeric) {
}
