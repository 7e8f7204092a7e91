package dev.triage.app.shell.views;

import dev.triage.core.plugin.ManagedPlugin;

/**
 * One line of the plugins table.
 *
 * @param id the plugin id
 * @param name its display name
 * @param version its version
 * @param state its lifecycle state
 * @param failure why it failed, or empty
 */
public record PluginRow(String id, String name, String version, String state, String failure) {

    /**
     * Reads a row from the kernel's bookkeeping.
     *
     * @param mp the plugin
     * @return the row
     */
    public static PluginRow of(ManagedPlugin mp) {
        return new PluginRow(mp.id(), mp.descriptor().name(), mp.descriptor().version().toString(), mp.state().name(), mp.failure());
    }
}
