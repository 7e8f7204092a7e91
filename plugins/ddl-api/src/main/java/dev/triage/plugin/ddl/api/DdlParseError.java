package dev.triage.plugin.ddl.api;

/**
 * A statement the checker could not parse; the statements around it are still checked.
 *
 * @param line the 1-based line where the statement starts
 * @param statement the statement's text
 * @param message the parser's reason
 */
public record DdlParseError(int line, String statement, String message) {
}
