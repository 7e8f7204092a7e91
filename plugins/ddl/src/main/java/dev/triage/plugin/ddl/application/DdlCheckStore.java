package dev.triage.plugin.ddl.application;

import dev.triage.core.cases.Case;
import dev.triage.plugin.ddl.api.DdlCheckResult;
import java.time.Instant;
import java.util.List;

/** Keeps the checks made while a case is open in the case's database, for its report. */
public interface DdlCheckStore {

    /**
     * One checked statement as stored.
     *
     * @param checkedAt when the check ran
     * @param dialect the rules' dialect
     * @param line the statement's first line
     * @param statement the statement
     * @param verdict the verdict's name
     * @param reasons the reasons, one per line
     */
    record StoredCheck(Instant checkedAt, String dialect, int line, String statement, String verdict, String reasons) {
    }

    /**
     * Stores every statement of a check.
     *
     * @param c the case
     * @param result the check
     * @param dialect the dialect's name
     * @param at when it ran
     * @throws Exception when the database fails
     */
    void save(Case c, DdlCheckResult result, String dialect, Instant at) throws Exception;

    /**
     * Loads the stored checks, oldest first.
     *
     * @param c the case
     * @return the checks
     * @throws Exception when the database fails
     */
    List<StoredCheck> load(Case c) throws Exception;
}
