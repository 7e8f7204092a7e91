package dev.triage.plugin.sql.domain;

/**
 * One statement cut from a script, without its delimiter.
 *
 * @param text the statement text, trimmed
 * @param start the offset of its first character in the script
 * @param end the offset just after its last character
 * @param line the 1-based line it starts on
 */
public record SqlStatement(String text, int start, int end, int line) {
}
