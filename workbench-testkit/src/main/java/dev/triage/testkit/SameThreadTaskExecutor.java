package dev.triage.testkit;

import dev.triage.core.task.Task;
import dev.triage.core.task.TaskExecutor;
import dev.triage.core.task.TaskHandle;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A {@link TaskExecutor} that runs each task on the submitting thread, for deterministic tests. */
public final class SameThreadTaskExecutor implements TaskExecutor {

    private final List<Consumer<TaskHandle<?>>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public <T> TaskHandle<T> submit(String name, Task<T> task) {
        TaskHandle<T> h = new TaskHandle<>(name);
        listeners.forEach(l -> l.accept(h));
        h.runOn(task);
        return h;
    }

    @Override
    public List<TaskHandle<?>> active() {
        return List.of();
    }

    @Override
    public void onSubmit(Consumer<TaskHandle<?>> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
