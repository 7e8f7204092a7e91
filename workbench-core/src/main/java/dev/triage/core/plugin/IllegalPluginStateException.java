package dev.triage.core.plugin;

/** A lifecycle transition that the state machine does not allow was asked for. */
public class IllegalPluginStateException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception naming the plugin and both states.
     *
     * @param pluginId the plugin
     * @param from its current state
     * @param to the refused state
     */
    public IllegalPluginStateException(String pluginId, PluginState from, PluginState to) {
        super("Plugin '" + pluginId + "' cannot go from " + from + " to " + to);
    }
}
