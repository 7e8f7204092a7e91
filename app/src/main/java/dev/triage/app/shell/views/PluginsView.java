package dev.triage.app.shell.views;

import dev.triage.app.shell.Fx;
import dev.triage.core.event.EventBus;
import dev.triage.core.i18n.Messages;
import dev.triage.core.plugin.PluginStateChanged;
import dev.triage.core.service.Registration;
import dev.triage.core.ui.View;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** A table of every plugin with its state and failure cause, refreshed when a plugin changes state. */
public final class PluginsView implements View {

    private final TableView<PluginRow> table = new TableView<>();
    private final PluginsViewModel model;
    private final Registration subscription;

    /**
     * Creates the view.
     *
     * @param model the table's state
     * @param events where plugin state changes arrive
     * @param messages the shell's texts
     */
    public PluginsView(PluginsViewModel model, EventBus events, Messages messages) {
        this.model = model;
        table.getStyleClass().add("plugins-view");
        table.setPlaceholder(new Label(messages.get("plugins.empty")));
        table.getColumns().setAll(List.of(
                column(messages.get("plugins.column.id"), PluginRow::id, 100),
                column(messages.get("plugins.column.name"), PluginRow::name, 140),
                column(messages.get("plugins.column.version"), PluginRow::version, 80),
                column(messages.get("plugins.column.state"), PluginRow::state, 110),
                column(messages.get("plugins.column.failure"), PluginRow::failure, 160)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(model.rows());
        subscription = events.subscribe(PluginStateChanged.class, e -> Fx.run(model::refresh));
    }

    private static TableColumn<PluginRow, String> column(String title, Function<PluginRow, String> value, double width) {
        TableColumn<PluginRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width * 0.75);
        return c;
    }

    /**
     * Returns the table's state.
     *
     * @return the model
     */
    public PluginsViewModel model() {
        return model;
    }

    @Override
    public Node node() {
        return table;
    }

    @Override
    public void dispose() {
        subscription.close();
    }
}
