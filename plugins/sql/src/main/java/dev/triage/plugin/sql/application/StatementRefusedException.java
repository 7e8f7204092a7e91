package dev.triage.plugin.sql.application;

/** Thrown when a statement was not run because the target is read-only or the user did not confirm it. */
public final class StatementRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused and why
     */
    public StatementRefusedException(String message) {
        super(message);
    }
}
