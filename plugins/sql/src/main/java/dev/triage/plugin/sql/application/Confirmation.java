package dev.triage.plugin.sql.application;

/** Asks the user to confirm a write on a read-only target, or a DDL statement, showing the statement and the verdict. */
@FunctionalInterface
public interface Confirmation {

    /** Refuses everything (the CLI without {@code --yes}). */
    Confirmation REFUSE = request -> false;

    /**
     * Asks.
     *
     * @param request what to show
     * @return true to run the statement
     */
    boolean confirm(ConfirmationRequest request);
}
