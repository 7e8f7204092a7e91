package dev.triage.plugin.ddl.ui;

import dev.triage.core.i18n.Messages;
import dev.triage.core.task.TaskExecutor;
import dev.triage.core.ui.View;
import dev.triage.plugin.ddl.api.DdlCheckRequest;
import dev.triage.plugin.ddl.api.DdlCheckResult;
import dev.triage.plugin.ddl.api.DdlDialect;
import dev.triage.plugin.ddl.api.DdlParseError;
import dev.triage.plugin.ddl.api.DdlReason;
import dev.triage.plugin.ddl.api.DdlStatementCheck;
import dev.triage.plugin.ddl.api.DdlVerdict;
import dev.triage.plugin.ddl.application.CaseChecks;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/** The lossy-DDL checker view: a DDL editor, a Check button (Ctrl+Enter) and the verdicts table in verdict colours. */
public final class DdlView implements View {

    /** The root style class; {@code ddl.css} is scoped under it. */
    public static final String STYLE_CLASS = "ddl-view";

    private final CaseChecks checks;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final CodeArea editor = new CodeArea();
    private final TableView<ResultRow> table = new TableView<>();
    private final ComboBox<DdlDialect> dialect = new ComboBox<>();
    private final Button check = new Button();
    private final Label summary = new Label();
    private final Label placeholder = new Label();

    /**
     * Builds the view; call on the JavaFX thread.
     *
     * @param checks runs the checks and records them in the open case
     * @param tasks runs each check off the JavaFX thread
     * @param messages the plugin's texts
     */
    public DdlView(CaseChecks checks, TaskExecutor tasks, Messages messages) {
        this.checks = checks;
        this.tasks = tasks;
        this.messages = messages;
        root.getStyleClass().add(STYLE_CLASS);
        root.getStylesheets().add(DdlView.class.getResource("ddl.css").toExternalForm());
        root.setMinSize(0, 0);
        root.setTop(toolbar());
        editor.getStyleClass().add("ddl-editor");
        editor.setParagraphGraphicFactory(LineNumberFactory.get(editor));
        editor.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).match(e)) {
                e.consume();
                check();
            }
        });
        SplitPane split = new SplitPane(new VirtualizedScrollPane<>(editor), resultsTable());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        split.setMinHeight(0);
        root.setCenter(split);
    }

    private Node toolbar() {
        Button open = new Button(messages.get("view.open"));
        open.getStyleClass().add("flat");
        open.setOnAction(e -> open());
        dialect.getItems().setAll(DdlDialect.values());
        dialect.setValue(DdlDialect.MYSQL);
        Label dialectLabel = new Label(messages.get("view.dialect"));
        check.setText(messages.get("view.check"));
        check.getStyleClass().addAll("accent", "check");
        check.setOnAction(e -> check());
        summary.getStyleClass().add("summary");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, open, dialectLabel, dialect, check, grow, summary);
        bar.getStyleClass().add("toolbar-bar");
        return bar;
    }

    private Node resultsTable() {
        table.getStyleClass().addAll("results", "dense");
        placeholder.setText(messages.get("view.empty"));
        placeholder.getStyleClass().add("empty-state");
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        table.getColumns().add(column("line", 50, r -> r.line()));
        TableColumn<ResultRow, DdlVerdict> verdict = new TableColumn<>(messages.get("view.column.verdict"));
        verdict.setPrefWidth(128);
        verdict.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().verdict()));
        verdict.setCellFactory(c -> new VerdictCell());
        table.getColumns().add(verdict);
        table.getColumns().add(column("table", 110, ResultRow::table));
        table.getColumns().add(column("column", 100, ResultRow::column));
        TableColumn<ResultRow, Object> reason = column("reason", 600, ResultRow::reason);
        table.getColumns().add(reason);
        table.getColumns().add(column("statement", 320, ResultRow::statement));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        return table;
    }

    private TableColumn<ResultRow, Object> column(String key, double width, Function<ResultRow, Object> value) {
        TableColumn<ResultRow, Object> c = new TableColumn<>(messages.get("view.column." + key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    /** Shows the verdict in its colour: the style class {@code verdict-<name>}. */
    private static final class VerdictCell extends TableCell<ResultRow, DdlVerdict> {
        @Override
        protected void updateItem(DdlVerdict item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeIf(s -> s.startsWith("verdict-"));
            if (empty) {
                setText(null);
                return;
            }
            String name = item == null ? "error" : item.name().toLowerCase(Locale.ROOT);
            setText(item == null ? "NOT PARSED" : item.name());
            getStyleClass().add("verdict-" + name);
        }
    }

    private void open() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SQL", "*.sql", "*.txt", "*"));
        File f = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            try {
                setText(Files.readString(f.toPath(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                summary.setText(f + ": " + e.getMessage());
            }
        }
    }

    /**
     * Replaces the editor's text.
     *
     * @param sql the DDL
     */
    public void setText(String sql) {
        editor.replaceText(sql);
    }

    /** Runs the check of the editor's text as a task; the table updates on the JavaFX thread when it ends. */
    public void check() {
        DdlCheckRequest request = new DdlCheckRequest(editor.getText(), "", dialect.getValue());
        check.setDisable(true);
        tasks.submit(messages.get("view.title"), ctx -> checks.check(request)).result().whenComplete((result, error) ->
                Platform.runLater(() -> {
                    check.setDisable(false);
                    if (error != null) {
                        summary.setText(error.getMessage());
                        summary.getStyleClass().add("error");
                    } else {
                        summary.getStyleClass().remove("error");
                        show(result);
                    }
                }));
    }

    private void show(DdlCheckResult result) {
        List<ResultRow> rows = new ArrayList<>();
        for (DdlStatementCheck s : result.statements()) {
            String text = firstLine(s.statement());
            List<DdlReason> reasons = s.reasons().stream().filter(r -> r.verdict() != DdlVerdict.SAFE || s.verdict() == DdlVerdict.SAFE)
                    .toList();
            if (reasons.isEmpty()) {
                rows.add(new ResultRow(s.line(), s.verdict(), "", "", "", text));
            }
            for (DdlReason r : reasons) {
                rows.add(new ResultRow(s.line(), r.verdict(), r.table(), r.column(), r.message(), text));
            }
        }
        for (DdlParseError e : result.errors()) {
            rows.add(new ResultRow(e.line(), null, "", "", e.message(), firstLine(e.statement())));
        }
        rows.sort((a, b) -> Integer.compare(a.line(), b.line()));
        table.getItems().setAll(rows);
        summary.setText(messages.get("view.summary", result.statements().size(), result.errors().size(), result.worst()));
    }

    private static String firstLine(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() > 160 ? one.substring(0, 157) + "..." : one;
    }

    @Override
    public Node node() {
        return root;
    }
}
