package dev.triage.core.task;

import java.util.List;
import java.util.function.Consumer;

/** Runs tasks on worker threads (never the JavaFX thread) and tells listeners about them. */
public interface TaskExecutor extends AutoCloseable {

    /**
     * Queues a task.
     *
     * @param name the name shown in progress bars
     * @param task the work
     * @param <T> the result type
     * @return the handle to follow or cancel it
     */
    <T> TaskHandle<T> submit(String name, Task<T> task);

    /**
     * Lists tasks that have not finished yet.
     *
     * @return the queued and running tasks
     */
    List<TaskHandle<?>> active();

    /**
     * Adds a listener told about every task when it is submitted.
     *
     * @param listener called with each new handle
     */
    void onSubmit(Consumer<TaskHandle<?>> listener);

    /** Cancels running tasks and stops the workers. */
    @Override
    void close();
}
