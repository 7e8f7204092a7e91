package dev.triage.plugin.flame.infrastructure;

import java.io.IOException;

/** A profile that cannot be read at all; the message names the file and the line or byte offset. */
public final class ProfileParseException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and where
     * @param cause the underlying error, or null
     */
    public ProfileParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
