package dev.triage.plugin.ddl.api;

import java.util.List;

/**
 * Everything a check found: one entry per parsed statement and one per statement that could not be parsed.
 *
 * @param statements the checked statements in input order
 * @param errors the statements that could not be parsed
 */
public record DdlCheckResult(List<DdlStatementCheck> statements, List<DdlParseError> errors) {

    /** Copies both lists. */
    public DdlCheckResult {
        statements = List.copyOf(statements);
        errors = List.copyOf(errors);
    }

    /**
     * Returns the worst verdict over all statements, SAFE when there are none.
     *
     * @return the worst verdict
     */
    public DdlVerdict worst() {
        return statements.stream().map(DdlStatementCheck::verdict).reduce(DdlVerdict.SAFE, DdlVerdict::worst);
    }
}
