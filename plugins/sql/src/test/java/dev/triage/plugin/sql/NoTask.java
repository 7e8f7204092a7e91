package dev.triage.plugin.sql;

import dev.triage.core.task.TaskContext;

/** A task context that is never cancelled and ignores progress, for commands run directly by tests. */
public final class NoTask implements TaskContext {

    /** The shared instance. */
    public static final TaskContext NONE = new NoTask();

    private NoTask() {
    }

    @Override
    public void progress(double fraction, String message) {
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
