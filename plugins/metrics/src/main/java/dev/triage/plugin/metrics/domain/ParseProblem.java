package dev.triage.plugin.metrics.domain;

/**
 * A line that could not be read, named by its number so the user can find it.
 *
 * @param line the 1-based line number
 * @param message what is wrong
 */
public record ParseProblem(long line, String message) {

    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
