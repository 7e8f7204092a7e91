package dev.triage.app.shell.notify;

/**
 * One notification shown in the corner of the window.
 *
 * @param id a unique id in this process
 * @param level how it is styled
 * @param text what it says
 */
public record Note(long id, Level level, String text) {

    /** How a notification is styled, and whether it goes away by itself. */
    public enum Level {
        /** Neutral news; goes away by itself. */
        INFO,
        /** Something finished well; goes away by itself. */
        SUCCESS,
        /** Something needs attention; stays until dismissed. */
        WARNING,
        /** Something failed; stays until dismissed. */
        ERROR;

        /**
         * Tells whether notes of this level stay until the user dismisses them.
         *
         * @return true for warnings and errors
         */
        public boolean sticky() {
            return this == WARNING || this == ERROR;
        }
    }
}
