package dev.triage.plugin.sql.application;

/**
 * What a confirmation shows.
 *
 * @param target the target name
 * @param statement the statement
 * @param reason why confirmation is needed
 * @param ddlVerdict the DDL checker's verdict and reasons, "DDL checker not available", or empty when not a DDL
 */
public record ConfirmationRequest(String target, String statement, String reason, String ddlVerdict) {
}
