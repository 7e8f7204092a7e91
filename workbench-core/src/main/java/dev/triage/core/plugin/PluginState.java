package dev.triage.core.plugin;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle states of a plugin; FAILED can be entered from any state and keeps its cause elsewhere. */
public enum PluginState {
    /** Known by its source but no instance made yet. */
    UNLOADED,
    /** Instance made and descriptor read. */
    LOADED,
    /** {@code init} returned normally. */
    INITIALIZED,
    /** {@code start} returned normally. */
    RUNNING,
    /** {@code stop} was called. */
    STOPPED,
    /** Something went wrong; the cause is kept by the plugin manager. */
    FAILED;

    /**
     * Tells whether the lifecycle may move from this state to the next one.
     *
     * @param next the wanted state
     * @return true when the transition is legal
     */
    public boolean canMoveTo(PluginState next) {
        return next == FAILED || successors().contains(next);
    }

    private Set<PluginState> successors() {
        return switch (this) {
            case UNLOADED -> EnumSet.of(LOADED);
            case LOADED -> EnumSet.of(INITIALIZED);
            case INITIALIZED -> EnumSet.of(RUNNING, STOPPED);
            case RUNNING -> EnumSet.of(STOPPED);
            case STOPPED -> EnumSet.of(INITIALIZED);
            case FAILED -> EnumSet.noneOf(PluginState.class);
        };
    }
}
