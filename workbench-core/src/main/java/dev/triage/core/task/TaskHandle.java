package dev.triage.core.task;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * A submitted task as seen from outside: its state, progress, result and a way to cancel it.
 *
 * @param <T> the result type
 */
public final class TaskHandle<T> implements TaskContext {

    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final String name;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final List<Consumer<TaskHandle<?>>> listeners = new CopyOnWriteArrayList<>();
    private volatile TaskState state = TaskState.QUEUED;
    private volatile double fraction = -1;
    private volatile String message = "";
    private volatile boolean cancelRequested;
    private Thread worker;
    private final Object workerLock = new Object();

    /**
     * Creates a handle for a task about to be queued.
     *
     * @param name the name shown in progress bars
     */
    public TaskHandle(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Runs the task on the calling thread, completing this handle; executors call this from their worker.
     *
     * @param task the work
     */
    public void runOn(Task<T> task) {
        synchronized (workerLock) {
            if (cancelRequested) {
                finish(TaskState.CANCELLED, null, new CancellationException("Cancelled before start"));
                return;
            }
            worker = Thread.currentThread();
            state = TaskState.RUNNING;
        }
        fire();
        try {
            T value = task.run(this);
            if (cancelRequested) {
                finish(TaskState.CANCELLED, null, new CancellationException("Cancelled"));
            } else {
                finish(TaskState.SUCCEEDED, value, null);
            }
        } catch (CancellationException e) {
            finish(TaskState.CANCELLED, null, e);
        } catch (InterruptedException e) {
            Thread.interrupted();
            finish(cancelRequested ? TaskState.CANCELLED : TaskState.FAILED, null,
                    cancelRequested ? new CancellationException("Cancelled") : e);
        } catch (Exception | LinkageError | AssertionError e) {
            finish(cancelRequested ? TaskState.CANCELLED : TaskState.FAILED, null, e);
        } finally {
            synchronized (workerLock) {
                worker = null;
                Thread.interrupted();
            }
        }
    }

    private void finish(TaskState end, T value, Throwable error) {
        setState(end);
        if (error == null) {
            result.complete(value);
        } else {
            result.completeExceptionally(error);
        }
    }

    private void setState(TaskState next) {
        state = next;
        fire();
    }

    private void fire() {
        for (Consumer<TaskHandle<?>> l : listeners) {
            try {
                l.accept(this);
            } catch (RuntimeException ignored) {
                // a broken progress listener must not break the task
            }
        }
    }

    /** {@inheritDoc} */
    @Override
    public void progress(double fraction, String message) {
        this.fraction = Math.min(1, fraction);
        this.message = message == null ? "" : message;
        fire();
    }

    /** {@inheritDoc} */
    @Override
    public boolean isCancelled() {
        return cancelRequested;
    }

    /** Asks the task to stop: sets the flag it polls and interrupts its thread. */
    public void cancel() {
        boolean queued;
        synchronized (workerLock) {
            cancelRequested = true;
            if (worker != null) {
                worker.interrupt();
            }
            queued = state == TaskState.QUEUED;
        }
        if (queued) {
            finish(TaskState.CANCELLED, null, new CancellationException("Cancelled before start"));
        }
    }

    /**
     * Adds a listener called on every state or progress change, on the task's thread.
     *
     * @param listener the listener
     */
    public void onChange(Consumer<TaskHandle<?>> listener) {
        listeners.add(listener);
    }

    /**
     * Returns the unique id of this task in this process.
     *
     * @return the id
     */
    public long id() {
        return id;
    }

    /**
     * Returns the task's name.
     *
     * @return the name shown to users
     */
    public String name() {
        return name;
    }

    /**
     * Returns the current state.
     *
     * @return the state
     */
    public TaskState state() {
        return state;
    }

    /**
     * Returns the last reported fraction done.
     *
     * @return 0 to 1, or negative when unknown
     */
    public double fraction() {
        return fraction;
    }

    /**
     * Returns the last reported message.
     *
     * @return the message, possibly empty
     */
    public String message() {
        return message;
    }

    /**
     * Returns the future result; it fails with CancellationException when cancelled.
     *
     * @return the result future
     */
    public CompletableFuture<T> result() {
        return result;
    }
}
