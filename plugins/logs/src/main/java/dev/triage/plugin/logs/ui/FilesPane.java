package dev.triage.plugin.logs.ui;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.CaseEvents;
import dev.triage.core.cases.CaseService;
import dev.triage.core.event.EventBus;
import dev.triage.core.service.Registration;
import dev.triage.core.task.TaskExecutor;
import dev.triage.plugin.logs.application.FileRow;
import dev.triage.plugin.logs.application.ImportResult;
import dev.triage.plugin.logs.application.LogFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;

/**
 * The Files tab of the log view: each file with its encoding (detected and used), stamp formats, zone and counts; the
 * encoding of the selected file can be overridden, which imports that file again with the chosen charset as a kernel task.
 */
public final class FilesPane {

    /** The root style class of the tab's content. */
    public static final String STYLE_CLASS = "log-files";

    private final LogFiles files;
    private final CaseService cases;
    private final TaskExecutor tasks;
    private final Executor fx;
    private final List<Registration> subscriptions = new ArrayList<>();
    private final BorderPane root = new BorderPane();
    private final TableView<FileRow> table = new TableView<>();
    private final ComboBox<String> encoding = new ComboBox<>();
    private final Button reimport = new Button("Re-import with this encoding");
    private final Label status = new Label();

    /**
     * Builds the tab and loads the open case's files.
     *
     * @param files the files service
     * @param cases tells which case is open
     * @param tasks runs the database work and the re-import
     * @param events case events reload the list
     * @param fx runs hand-backs on the JavaFX thread
     */
    public FilesPane(LogFiles files, CaseService cases, TaskExecutor tasks, EventBus events, Executor fx) {
        this.files = files;
        this.cases = cases;
        this.tasks = tasks;
        this.fx = fx;
        root.getStyleClass().add(STYLE_CLASS);
        table.getStyleClass().add("files");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("File", FileRow::name, 220));
        table.getColumns().add(column("Encoding", FileRow::encoding, 90));
        table.getColumns().add(column("Detected", FileRow::detectedEncoding, 90));
        table.getColumns().add(column("Formats", FileRow::formats, 160));
        table.getColumns().add(column("Zone", FileRow::zone, 110));
        table.getColumns().add(column("Lines", r -> Long.toString(r.lines()), 70));
        table.getColumns().add(column("Entries", r -> Long.toString(r.entries()), 70));
        table.getColumns().add(column("Status", r -> r.problem() == null || r.problem().isBlank() ? r.status()
                : r.status() + ": " + r.problem(), 200));
        table.setPlaceholder(new Label("No log files: import some with logs import or drop them on the window"));
        encoding.getItems().setAll(LogFiles.ENCODINGS);
        encoding.setEditable(true);
        encoding.setPromptText("encoding");
        encoding.getStyleClass().add("encoding");
        encoding.setTooltip(new Tooltip("Read the selected file with this charset (GBK files are read as GB18030)"));
        reimport.getStyleClass().add("accent");
        reimport.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        reimport.setOnAction(e -> reimportSelected());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                encoding.setValue(b.encoding());
            }
        });
        status.getStyleClass().add("status");
        status.setWrapText(true);
        FlowPane bar = new FlowPane(6, 6, new Label("Encoding of the selected file:"), encoding, reimport, status);
        bar.getStyleClass().add("filter-bar");
        root.setTop(bar);
        root.setCenter(table);
        subscriptions.add(events.subscribe(CaseEvents.Opened.class, e -> fx.execute(this::reload)));
        subscriptions.add(events.subscribe(CaseEvents.Imported.class, e -> fx.execute(this::reload)));
        subscriptions.add(events.subscribe(CaseEvents.Closed.class, e -> fx.execute(this::reload)));
        reload();
    }

    private static TableColumn<FileRow, String> column(String title, Function<FileRow, String> value, double width) {
        TableColumn<FileRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue() == null ? "" : String.valueOf(value.apply(d.getValue()))));
        c.setPrefWidth(width);
        return c;
    }

    /**
     * Loads the open case's files into the table.
     *
     * @return completes once shown
     */
    public CompletableFuture<Void> reload() {
        CompletableFuture<Void> out = new CompletableFuture<>();
        Case c = cases.current().orElse(null);
        if (c == null) {
            table.getItems().clear();
            out.complete(null);
            return out;
        }
        tasks.submit("Log files", ctx -> files.files(c)).result().whenComplete((rows, e) -> fx.execute(() -> {
            if (rows != null) {
                FileRow keep = table.getSelectionModel().getSelectedItem();
                table.getItems().setAll(rows);
                if (keep != null) {
                    rows.stream().filter(r -> r.source() != null && r.source().equals(keep.source())).findFirst()
                            .ifPresent(r -> table.getSelectionModel().select(r));
                }
            } else {
                status.setText("Cannot list the log files: " + e.getMessage());
            }
            out.complete(null);
        }));
        return out;
    }

    /**
     * Imports the selected file again with the chosen encoding, as a kernel task; the table reloads when it is done.
     *
     * @return completes with the import result (or exceptionally) once the status is shown
     */
    public CompletableFuture<ImportResult> reimportSelected() {
        FileRow row = table.getSelectionModel().getSelectedItem();
        Case c = cases.current().orElse(null);
        String chosen = encoding.getValue() == null ? encoding.getEditor().getText() : encoding.getValue();
        CompletableFuture<ImportResult> out = new CompletableFuture<>();
        if (row == null || c == null) {
            out.completeExceptionally(new IllegalStateException("Select a file first"));
            return out;
        }
        status.setText("Importing " + row.name() + " as " + chosen + "…");
        tasks.submit("Re-import " + row.name(), ctx -> files.reimport(c, row, chosen, ctx)).result().whenComplete((r, e) -> fx.execute(() -> {
            if (e != null) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                status.setText(cause.getMessage());
                out.completeExceptionally(cause);
            } else {
                status.setText(row.name() + " imported again as " + chosen + ": " + r.entries() + " entries");
                reload().whenComplete((x, y) -> out.complete(r));
            }
        }));
        return out;
    }

    /**
     * Returns the tab's content.
     *
     * @return the node
     */
    public Node node() {
        return root;
    }

    /**
     * Returns the table of files, for tests.
     *
     * @return the table
     */
    public TableView<FileRow> table() {
        return table;
    }

    /**
     * Returns the encoding chooser, for tests.
     *
     * @return the combo box
     */
    public ComboBox<String> encoding() {
        return encoding;
    }

    /** Unsubscribes from case events. */
    public void dispose() {
        subscriptions.forEach(Registration::close);
        subscriptions.clear();
    }
}
