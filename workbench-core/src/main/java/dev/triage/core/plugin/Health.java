package dev.triage.core.plugin;

/**
 * A plugin's own report on whether it works.
 *
 * @param status up, degraded or down
 * @param message a short explanation for users, empty when up
 */
public record Health(Status status, String message) {

    /** How well a plugin works. */
    public enum Status {
        /** Everything works. */
        UP,
        /** Works with reduced function. */
        DEGRADED,
        /** Does not work. */
        DOWN
    }

    /**
     * Returns a healthy report.
     *
     * @return the UP health with no message
     */
    public static Health up() {
        return new Health(Status.UP, "");
    }

    /**
     * Returns a failed report.
     *
     * @param message what is wrong
     * @return the DOWN health
     */
    public static Health down(String message) {
        return new Health(Status.DOWN, message);
    }
}
