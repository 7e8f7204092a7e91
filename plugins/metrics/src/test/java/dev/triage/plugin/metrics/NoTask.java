package dev.triage.plugin.metrics;

import dev.triage.core.task.TaskContext;

/** A task context for commands run by tests: no progress shown, never cancelled. */
public final class NoTask {

    /** The context. */
    public static final TaskContext NONE = new TaskContext() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    private NoTask() {
    }
}
