package dev.triage.core.command;

/**
 * A command result that renders itself for a terminal or as Markdown and sets the CLI's exit code.
 *
 * <p>Results that do not implement it are printed generically (key/value lines, or a table for a list of records);
 * JSON output always serialises the result itself.
 */
public interface CommandOutput {

    /**
     * Returns the result as plain text for a terminal, or null to use the generic rendering.
     *
     * @return the text, or null
     */
    default String text() {
        return null;
    }

    /**
     * Returns the result as Markdown, or null to use the generic rendering (Markdown tables).
     *
     * @return the Markdown, or null
     */
    default String markdown() {
        return null;
    }

    /**
     * Returns the exit code the command line ends with after printing this result; 0 means success.
     *
     * @return the exit code
     */
    default int exitCode() {
        return 0;
    }
}
