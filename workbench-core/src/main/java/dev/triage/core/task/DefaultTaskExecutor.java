package dev.triage.core.task;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** {@link TaskExecutor} on a bounded pool of named daemon threads. */
public final class DefaultTaskExecutor implements TaskExecutor {

    private final ThreadPoolExecutor pool;
    private final List<TaskHandle<?>> active = new CopyOnWriteArrayList<>();
    private final List<Consumer<TaskHandle<?>>> submitListeners = new CopyOnWriteArrayList<>();

    /**
     * Creates an executor with at most {@code workers} tasks running at once; the rest wait in order.
     *
     * @param workers the number of worker threads
     */
    public DefaultTaskExecutor(int workers) {
        pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                NamedThreads.factory("triage-task"));
        pool.allowCoreThreadTimeOut(true);
    }

    /** {@inheritDoc} */
    @Override
    public <T> TaskHandle<T> submit(String name, Task<T> task) {
        TaskHandle<T> handle = new TaskHandle<>(name);
        active.add(handle);
        handle.onChange(h -> {
            if (h.state().isDone()) {
                active.remove(h);
            }
        });
        submitListeners.forEach(l -> l.accept(handle));
        try {
            pool.execute(() -> handle.runOn(task));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            handle.cancel();
        }
        return handle;
    }

    /** {@inheritDoc} */
    @Override
    public List<TaskHandle<?>> active() {
        return List.copyOf(active);
    }

    /** {@inheritDoc} */
    @Override
    public void onSubmit(Consumer<TaskHandle<?>> listener) {
        submitListeners.add(listener);
    }

    /** {@inheritDoc} */
    @Override
    public void close() {
        active.forEach(TaskHandle::cancel);
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                org.slf4j.LoggerFactory.getLogger(DefaultTaskExecutor.class).warn("Tasks still running 10 s after cancel: {}",
                        active.stream().map(TaskHandle::name).toList());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
