package dev.triage.plugin.sql.application;

import java.time.Instant;

/**
 * One audited statement; it never carries a secret.
 *
 * @param at when it ran
 * @param target the target name
 * @param statement the statement text
 * @param rows rows changed or returned (as far as read), -1 when unknown
 * @param outcome OK, REFUSED, CANCELLED or ERROR with its message
 */
public record AuditEntry(Instant at, String target, String statement, long rows, String outcome) {
}
