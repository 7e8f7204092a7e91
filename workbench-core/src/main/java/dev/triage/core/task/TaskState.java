package dev.triage.core.task;

/** Where a task is in its life. */
public enum TaskState {
    /** Waiting for a worker thread. */
    QUEUED,
    /** Running on a worker thread. */
    RUNNING,
    /** Finished with a result. */
    SUCCEEDED,
    /** Finished with an error. */
    FAILED,
    /** Stopped at the user's or the kernel's request. */
    CANCELLED;

    /**
     * Tells whether the task has finished.
     *
     * @return true for SUCCEEDED, FAILED and CANCELLED
     */
    public boolean isDone() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
