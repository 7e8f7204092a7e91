package dev.triage.plugin.sql.application;

/** Reads a secret from the user: standard input's first line or a console prompt without echo. */
public interface SecretPrompt {

    /**
     * Reads the first line of standard input.
     *
     * @return the characters, for the caller to wipe
     * @throws java.io.IOException when standard input cannot be read
     */
    char[] stdinLine() throws java.io.IOException;

    /**
     * Asks on the console without echo.
     *
     * @param prompt the question
     * @return the characters, or null when there is no console
     */
    char[] console(String prompt);

    /**
     * Returns the secret store passphrase given to a non-interactive run ({@code TRIAGE_SECRETS_PASSPHRASE}).
     *
     * @return the passphrase or null
     */
    char[] passphraseFromEnvironment();
}
