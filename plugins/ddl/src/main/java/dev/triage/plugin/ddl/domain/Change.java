package dev.triage.plugin.ddl.domain;

import dev.triage.plugin.ddl.api.DdlVerdict;

/**
 * What one column change risks, before it is tied to a table and column.
 *
 * @param verdict how bad it is
 * @param message why, in one sentence
 */
public record Change(DdlVerdict verdict, String message) {

    /**
     * A change that loses values.
     *
     * @param message why
     * @return the change
     */
    public static Change lossy(String message) {
        return new Change(DdlVerdict.LOSSY, message);
    }

    /**
     * A change that copies the table without changing values.
     *
     * @param message why
     * @return the change
     */
    public static Change rewrite(String message) {
        return new Change(DdlVerdict.REWRITE, message);
    }

    /**
     * A metadata-only change.
     *
     * @param message what
     * @return the change
     */
    public static Change safe(String message) {
        return new Change(DdlVerdict.SAFE, message);
    }
}
