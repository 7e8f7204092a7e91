package dev.triage.plugin.casefiles.ui;

import dev.triage.core.event.EventBus;
import dev.triage.core.i18n.Messages;
import dev.triage.core.service.Registration;
import dev.triage.core.ui.View;
import dev.triage.plugin.casefiles.application.CaseFile;
import dev.triage.plugin.casefiles.application.CaseFiles;
import dev.triage.core.cases.CaseException;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Lists the current case's files; refreshes when a case opens or an import commits. */
public final class CaseFilesView implements View {

    private final TableView<CaseFile> table = new TableView<>();
    private final CaseFiles files;
    private final List<Registration> subscriptions = new ArrayList<>();

    /**
     * Creates the view.
     *
     * @param files the use case that lists files
     * @param messages the plugin's texts
     * @param events the event bus
     * @param refreshOn event types after which the list is read again
     */
    public CaseFilesView(CaseFiles files, Messages messages, EventBus events, Class<?>... refreshOn) {
        this.files = files;
        table.getStyleClass().add("casefiles-view");
        Label empty = new Label(messages.get("view.empty"));
        empty.setWrapText(true);
        empty.setMaxWidth(240);
        empty.setPadding(new javafx.geometry.Insets(12));
        table.setPlaceholder(empty);
        TableColumn<CaseFile, String> name = new TableColumn<>(messages.get("column.name"));
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setPrefWidth(180);
        TableColumn<CaseFile, String> lines = new TableColumn<>(messages.get("column.lines"));
        lines.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().content()));
        TableColumn<CaseFile, Long> bytes = new TableColumn<>(messages.get("column.bytes"));
        bytes.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().bytes()));
        lines.setMinWidth(90);
        bytes.setMinWidth(80);
        table.getColumns().setAll(List.of(name, lines, bytes));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (Class<?> type : refreshOn) {
            subscriptions.add(events.subscribe(type, e -> refresh()));
        }
        refresh();
    }

    private void refresh() {
        List<CaseFile> rows;
        try {
            rows = files.list();
        } catch (CaseException e) {
            rows = List.of();
        }
        List<CaseFile> result = rows;
        if (Platform.isFxApplicationThread()) {
            table.getItems().setAll(result);
        } else {
            Platform.runLater(() -> table.getItems().setAll(result));
        }
    }

    @Override
    public Node node() {
        return table;
    }

    @Override
    public void dispose() {
        subscriptions.forEach(Registration::close);
        subscriptions.clear();
    }
}
