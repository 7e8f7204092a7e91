package dev.triage.core.connection;

/** A secret could not be stored, read or deleted; the message names the store and key, never the secret. */
public class SecretStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying error, or null
     */
    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
