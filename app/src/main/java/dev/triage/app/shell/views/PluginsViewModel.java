package dev.triage.app.shell.views;

import dev.triage.core.plugin.PluginManager;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The plugins table's state: one row per plugin known to the kernel, read again on demand. */
public final class PluginsViewModel {

    private final PluginManager plugins;
    private final ObservableList<PluginRow> rows = FXCollections.observableArrayList();

    /**
     * Creates the model and reads the plugins once.
     *
     * @param plugins the plugin manager
     */
    public PluginsViewModel(PluginManager plugins) {
        this.plugins = plugins;
        refresh();
    }

    /** Reads every plugin's state again; call on the JavaFX thread. */
    public void refresh() {
        rows.setAll(plugins.plugins().stream().map(PluginRow::of).toList());
    }

    /**
     * Returns the rows.
     *
     * @return the live list
     */
    public ObservableList<PluginRow> rows() {
        return rows;
    }
}
