package dev.triage.plugin.ddl.api;

import java.util.List;

/**
 * The verdict on one statement and the reasons for it.
 *
 * @param line the 1-based line where the statement starts in the checked SQL
 * @param statement the statement's text
 * @param verdict the worst verdict among its reasons (SAFE when there is none)
 * @param reasons the changes that led to the verdict
 */
public record DdlStatementCheck(int line, String statement, DdlVerdict verdict, List<DdlReason> reasons) {

    /** Copies the reasons. */
    public DdlStatementCheck {
        reasons = List.copyOf(reasons);
    }
}
