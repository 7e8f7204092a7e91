package dev.triage.plugin.flame;

import dev.triage.core.task.TaskContext;
import java.util.List;

/** Task contexts for tests that run commands directly. */
public final class TestTasks {

    /** A context that is never cancelled and ignores progress. */
    public static final TaskContext NONE = recording(new java.util.ArrayList<>());

    private TestTasks() {
    }

    /**
     * Returns a context that is never cancelled and keeps every progress fraction.
     *
     * @param fractions where the fractions go
     * @return the context
     */
    public static TaskContext recording(List<Double> fractions) {
        return new TaskContext() {
            @Override
            public void progress(double fraction, String message) {
                fractions.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
