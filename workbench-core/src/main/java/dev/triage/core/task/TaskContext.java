package dev.triage.core.task;

import java.util.concurrent.CancellationException;

/** What a running task sees: where to report progress and whether it was asked to stop. */
public interface TaskContext {

    /** A context that ignores progress and is never cancelled, for work run outside a task (a command called directly, a test). */
    TaskContext NONE = new TaskContext() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /**
     * Reports progress.
     *
     * @param fraction done so far, from 0 to 1, or a negative number when unknown
     * @param message what the task is doing now
     */
    void progress(double fraction, String message);

    /**
     * Tells whether the user or the kernel asked the task to stop.
     *
     * @return true after cancellation
     */
    boolean isCancelled();

    /**
     * Throws when the task was cancelled, to be called between units of work.
     *
     * @throws CancellationException when cancelled
     */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("Cancelled");
        }
    }
}
