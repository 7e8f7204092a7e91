package dev.triage.core.command;

/** A command could not be found, its arguments could not be read, or it failed. */
public class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message for users.
     *
     * @param message one clear line
     * @param cause the underlying error, or null
     */
    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
