package dev.triage.core.cases;

/** A case could not be created, opened, migrated or imported into. */
public class CaseException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the case folder or file
     * @param cause the underlying error, or null
     */
    public CaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
