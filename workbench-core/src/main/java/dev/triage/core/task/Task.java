package dev.triage.core.task;

/**
 * Long work that reports progress, honours cancellation and yields a result.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface Task<T> {

    /**
     * Does the work, calling {@link TaskContext#progress} now and then and stopping when cancelled.
     *
     * @param context where to report progress and check for cancellation
     * @return the result
     * @throws Exception when the work fails; a {@link java.util.concurrent.CancellationException} when cancelled
     */
    T run(TaskContext context) throws Exception;
}
