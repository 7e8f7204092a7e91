package dev.triage.plugin.ddl.ui;

import dev.triage.plugin.ddl.api.DdlVerdict;

/**
 * One line of the results table: a reason of a statement, or the statement itself when it has none, or a parse error.
 *
 * @param line the statement's first line
 * @param verdict the reason's verdict, or null for a statement that did not parse
 * @param table the table, or empty
 * @param column the column, index or partition, or empty
 * @param reason the reason or the parser's message
 * @param statement the statement's first line of text
 */
public record ResultRow(int line, DdlVerdict verdict, String table, String column, String reason, String statement) {
}
