package dev.triage.plugin.slowlog.domain;

/**
 * A piece of a slow log that was skipped or cut, with where it was.
 *
 * @param file the file name
 * @param line the 1-based line number
 * @param reason what was wrong and what was done about it
 */
public record ParseProblem(String file, long line, String reason) {

    @Override
    public String toString() {
        return file + " line " + line + ": " + reason;
    }
}
