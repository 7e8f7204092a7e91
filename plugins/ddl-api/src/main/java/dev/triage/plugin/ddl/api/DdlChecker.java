package dev.triage.plugin.ddl.api;

/** Tells, before DDL runs, whether each statement is safe, rewrites the table, loses data or destroys it. */
public interface DdlChecker {

    /**
     * Checks every statement of the request against the columns its schema describes.
     *
     * @param request the statements, the schema they apply to and the dialect
     * @return one check per parsed statement and one error per statement that could not be parsed
     */
    DdlCheckResult check(DdlCheckRequest request);
}
