package dev.triage.core.plugin;

import dev.triage.core.service.Registration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The kernel's bookkeeping for one plugin: descriptor, instance, state, failure cause, origin and registrations. */
public final class ManagedPlugin {

    private final PluginDescriptor descriptor;
    private final Plugin plugin;
    private final Path origin;
    private final List<Registration> registrations = new ArrayList<>();
    private volatile PluginState state = PluginState.UNLOADED;
    private volatile String failure = "";
    private boolean registrationsClosed;
    private volatile Throwable failureCause;
    private final java.util.Map<String, Long> timings = new java.util.concurrent.ConcurrentSkipListMap<>();

    ManagedPlugin(PluginDescriptor descriptor, Plugin plugin, Path origin) {
        this.descriptor = descriptor;
        this.plugin = plugin;
        this.origin = origin;
    }

    /**
     * Returns the plugin's descriptor.
     *
     * @return the descriptor
     */
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    /**
     * Returns the plugin's id.
     *
     * @return the id
     */
    public String id() {
        return descriptor.id();
    }

    /**
     * Returns the plugin instance, absent for a plugin that failed before one was made.
     *
     * @return the instance, or null
     */
    public Plugin plugin() {
        return plugin;
    }

    /**
     * Returns the jar an external plugin came from.
     *
     * @return the jar path, or empty for built-ins
     */
    public Optional<Path> origin() {
        return Optional.ofNullable(origin);
    }

    /**
     * Returns the current state.
     *
     * @return the state
     */
    public PluginState state() {
        return state;
    }

    /**
     * Returns why the plugin failed.
     *
     * @return the failure message, empty unless FAILED
     */
    public String failure() {
        return failure;
    }

    /**
     * Returns the exception behind the failure.
     *
     * @return the cause, or empty
     */
    public Optional<Throwable> failureCause() {
        return Optional.ofNullable(failureCause);
    }

    /**
     * Returns how long each lifecycle operation took the last time it ran (load, init, start, stop).
     *
     * @return operation name to microseconds
     */
    public java.util.Map<String, Long> timingsMicros() {
        return java.util.Map.copyOf(timings);
    }

    synchronized PluginState moveTo(PluginState next) {
        PluginState from = state;
        if (!from.canMoveTo(next)) {
            throw new IllegalPluginStateException(id(), from, next);
        }
        state = next;
        return from;
    }

    synchronized PluginState fail(String message, Throwable cause) {
        PluginState from = state;
        state = PluginState.FAILED;
        failure = message;
        failureCause = cause;
        return from;
    }

    void timed(String operation, long nanos) {
        timings.put(operation, nanos / 1000);
    }

    /**
     * Tracks a registration to close when the plugin stops or fails; after that a late registration is closed at once.
     *
     * @param r the registration
     * @throws IllegalStateException when the plugin has already stopped or failed
     */
    public synchronized void track(Registration r) {
        if (registrationsClosed) {
            r.close();
            throw new IllegalStateException("Plugin '" + id() + "' registered something after it was " + state
                    + "; the registration was removed");
        }
        registrations.add(r);
    }

    synchronized void reopenRegistrations() {
        registrationsClosed = false;
    }

    synchronized void closeRegistrations() {
        for (int i = registrations.size() - 1; i >= 0; i--) {
            try {
                registrations.get(i).close();
            } catch (RuntimeException ignored) {
                // one broken registration must not keep the others open
            }
        }
        registrations.clear();
        registrationsClosed = true;
    }

    synchronized int registrationCount() {
        return registrations.size();
    }
}
