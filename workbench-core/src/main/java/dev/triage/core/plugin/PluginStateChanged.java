package dev.triage.core.plugin;

/**
 * Event published when a plugin moves to a new state.
 *
 * @param pluginId the plugin
 * @param from the old state
 * @param to the new state
 * @param cause the failure message when {@code to} is FAILED, else empty
 */
public record PluginStateChanged(String pluginId, PluginState from, PluginState to, String cause) {
}
