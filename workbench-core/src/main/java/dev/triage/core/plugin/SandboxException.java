package dev.triage.core.plugin;

/** Plugin code run in the {@link Sandbox} threw or did not finish in time. */
public class SandboxException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the plugin and the operation
     * @param cause what the plugin threw, or the timeout
     */
    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
