package dev.triage.core.cases;

/** The body of an atomic import: writes through the session's connection and stages files. */
@FunctionalInterface
public interface ImportWork {

    /**
     * Imports; throwing, or cancellation, rolls everything back.
     *
     * @param session the import's transaction, staging folder and counters
     * @throws Exception when the import fails
     */
    void run(ImportSession session) throws Exception;
}
