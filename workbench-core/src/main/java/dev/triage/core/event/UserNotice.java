package dev.triage.core.event;

import java.util.Objects;

/**
 * A short message for the user that a plugin publishes on the event bus, such as an alert that fired; the window shows
 * it in its notification area, and headless runs ignore it.
 *
 * @param level how it is shown
 * @param text what it says, one or two lines
 */
public record UserNotice(Level level, String text) {

    /** How a notice is shown. */
    public enum Level {
        /** Neutral news. */
        INFO,
        /** Something went well, such as an alert that resolved. */
        SUCCESS,
        /** Something needs a look. */
        WARNING,
        /** Something failed or is down. */
        ERROR
    }

    /** Requires both parts. */
    public UserNotice {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }
}
