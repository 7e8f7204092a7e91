package dev.triage.plugin.sql.ui;

import dev.triage.core.i18n.Messages;
import dev.triage.core.task.TaskExecutor;
import dev.triage.core.task.TaskHandle;
import dev.triage.core.ui.View;
import dev.triage.plugin.sql.application.ConfirmationRequest;
import dev.triage.plugin.sql.application.ConnectionService;
import dev.triage.plugin.sql.application.ExportFormat;
import dev.triage.plugin.sql.application.ResultCursor;
import dev.triage.plugin.sql.application.ResultExporter;
import dev.triage.plugin.sql.application.SqlCommands;
import dev.triage.plugin.sql.application.SqlEditorService;
import dev.triage.plugin.sql.application.SqlOpenArgs;
import dev.triage.plugin.sql.application.SqlOpenRequests;
import dev.triage.plugin.sql.application.SqlSession;
import dev.triage.plugin.sql.application.StatementResult;
import dev.triage.plugin.sql.domain.PlanNode;
import dev.triage.plugin.sql.domain.SqlStatement;
import dev.triage.plugin.sql.domain.StatementSplitter;
import dev.triage.plugin.sql.infrastructure.SessionFactory;
import dev.triage.plugin.sql.infrastructure.SnippetStore;
import java.io.BufferedWriter;
import java.io.File;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/**
 * The SQL editor: editor tabs over a connection (a saved MySQL-protocol target or the case's DuckDB), results as paged grids
 * in tabs, the plan tree, and a schema browser. Work runs as kernel tasks; nodes change only on the JavaFX thread.
 */
public final class SqlView implements View {

    /** The root style class; {@code sql.css} is scoped under it. */
    public static final String STYLE_CLASS = "sql-view";

    /**
     * What the view works with.
     *
     * @param sessions opens sessions
     * @param editor runs statements safely
     * @param connections the saved connections
     * @param snippets saved snippets
     * @param openRequests sql.open requests
     * @param tasks runs work off the JavaFX thread
     */
    public record Services(SessionFactory sessions, SqlEditorService editor, ConnectionService connections, SnippetStore snippets,
                           SqlOpenRequests openRequests, TaskExecutor tasks) {
    }

    private final Services services;
    private final BorderPane root = new BorderPane();
    private final ComboBox<String> target = new ComboBox<>();
    private final TabPane editors = new TabPane();
    private final TabPane results = new TabPane();
    private final TreeView<String> schema = new TreeView<>();
    private final Label status = new Label();
    private final CheckBox autoCommit = new CheckBox("Autocommit");
    private final Button cancel = new Button("Cancel");
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final Consumer<SqlOpenArgs> openListener = a -> Platform.runLater(() -> open(a.sql(), a.connection()));
    private volatile TaskHandle<?> running;
    private int tabs;

    private SqlView(Services services, Messages messages) {
        this.services = services;
        root.getStyleClass().add(STYLE_CLASS);
        root.getStylesheets().add(SqlView.class.getResource("sql.css").toExternalForm());
        root.setTop(toolbar());
        editors.getStyleClass().add("editors");
        results.getStyleClass().add("results");
        SplitPane work = new SplitPane(editors, results);
        work.setOrientation(Orientation.VERTICAL);
        work.setDividerPositions(0.45);
        schema.getStyleClass().add("schema-tree");
        schema.setShowRoot(false);
        schema.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelectedTable();
            }
        });
        SplitPane main = new SplitPane(schema, work);
        main.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(schema, false);
        root.setCenter(main);
        status.getStyleClass().add("status");
        root.setBottom(new HBox(status));
        root.getBottom().getStyleClass().add("status-bar");
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN).match(e)) {
                runScript();
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN).match(e)) {
                formatSql();
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).match(e)) {
                runCurrent();
                e.consume();
            }
        });
        refreshTargets();
        open("", null);
        services.openRequests().attach(openListener);
    }

    /**
     * Creates the view; call on the JavaFX thread.
     *
     * @param services what it works with
     * @param messages the texts
     * @return the view
     */
    public static SqlView create(Services services, Messages messages) {
        return new SqlView(services, messages);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        services.openRequests().detach(openListener);
        for (Tab t : editors.getTabs()) {
            closeSession((EditorTab) t);
        }
    }

    private ToolBar toolbar() {
        target.setPromptText("Connection");
        target.setPrefWidth(170);
        target.setOnShowing(e -> refreshTargets());
        target.valueProperty().addListener((o, a, b) -> {
            EditorTab t = current();
            if (t != null && b != null && !b.equals(t.connection())) {
                closeSession(t);
                t.connection(b);
            }
            loadSchema();
        });
        Button run = button("Run", "Run the statement under the caret or the selection (Ctrl+Enter)", this::runCurrent);
        Button script = button("Script", "Run every statement (Ctrl+Shift+Enter)", this::runScript);
        cancel.setTooltip(new Tooltip("Cancel the running statement"));
        cancel.setOnAction(e -> cancelRunning());
        cancel.setDisable(true);
        Button explain = button("Explain", "Show the plan of the statement under the caret", this::explain);
        Button analyze = button("Analyze", "Run the query under the caret and show its plan with the real rows and time "
                + "(ANALYZE FORMAT=JSON on MariaDB, EXPLAIN ANALYZE on MySQL)", this::analyze);
        autoCommit.setSelected(true);
        autoCommit.setOnAction(e -> withSession(s -> s.autoCommit(autoCommit.isSelected()), "autocommit " + autoCommit.isSelected()));
        Button commit = button("Commit", "Commit the transaction", () -> withSession(SqlSession::commit, "committed"));
        Button rollback = button("Rollback", "Roll the transaction back", () -> withSession(SqlSession::rollback, "rolled back"));
        Button export = button("Export…", "Export the full result of the statement under the caret (CSV, JSON, Markdown, INSERT)",
                this::export);
        Button newTab = button("New tab", "Open an empty editor tab", () -> open("", target.getValue()));
        Button conns = button("Connections", "Add, edit, test and remove saved connections", () -> {
            new ConnectionsDialog(services.connections(), services.tasks()).showAndWait();
            refreshTargets();
        });
        Button format = button("Format", "Lay out the selection or the whole text (Ctrl+Shift+F)", this::formatSql);
        Button history = button("History…", "Statements run on this connection (kept in the case)", this::pickHistory);
        Button snippets = button("Snippets…", "Insert a saved snippet, or save the selection as one", this::pickSnippet);
        javafx.scene.control.MenuButton more = new javafx.scene.control.MenuButton("More");
        for (Button b : List.of(format, history, snippets, newTab)) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(b.getText());
            item.setOnAction(e -> b.fire());
            more.getItems().add(item);
        }
        return new ToolBar(target, run, script, cancel, explain, analyze, new Separator(), autoCommit, commit, rollback, new Separator(), export,
                conns, more);
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void refreshTargets() {
        String selected = target.getValue();
        try {
            List<String> all = services.sessions().names();
            target.getItems().setAll(all);
            if (selected != null && all.contains(selected)) {
                target.setValue(selected);
            } else if (!all.isEmpty() && selected == null) {
                target.setValue(all.get(0));
            }
        } catch (Exception e) {
            status(e.getMessage());
        }
    }

    /**
     * Opens a new editor tab with text, on a connection when given (as {@code sql.open} does).
     *
     * @param text the SQL
     * @param connection the connection or null for the selected one
     */
    void open(String text, String connection) {
        if (connection != null && !target.getItems().contains(connection)) {
            refreshTargets();
        }
        String conn = connection != null ? connection : target.getValue();
        EditorTab tab = new EditorTab("Query " + (++tabs), text, conn, () -> names);
        tab.setOnClosed(e -> closeSession(tab));
        editors.getTabs().add(tab);
        editors.getSelectionModel().select(tab);
        if (conn != null) {
            target.setValue(conn);
        }
    }

    EditorTab current() {
        return (EditorTab) editors.getSelectionModel().getSelectedItem();
    }

    /** Tells whether statements are running (the Cancel button is live). */
    boolean isRunning() {
        return running != null;
    }

    /** The Cancel button, for the view test. */
    Button cancelButton() {
        return cancel;
    }

    TabPane resultTabs() {
        return results;
    }

    Label statusLabel() {
        return status;
    }

    private void status(String text) {
        status.setText(text == null ? "" : text);
    }

    private void runCurrent() {
        EditorTab t = current();
        if (t == null) {
            return;
        }
        String sel = t.selection();
        List<String> statements = new ArrayList<>();
        if (!sel.isBlank()) {
            StatementSplitter.split(sel).forEach(s -> statements.add(s.text()));
        } else {
            StatementSplitter.at(t.area().getText(), t.area().getCaretPosition()).ifPresent(s -> statements.add(s.text()));
        }
        run(t, statements);
    }

    private void runScript() {
        EditorTab t = current();
        if (t != null) {
            run(t, StatementSplitter.split(t.area().getText()).stream().map(SqlStatement::text).toList());
        }
    }

    private SqlSession session(EditorTab t) throws Exception {
        if (t.session() == null) {
            SqlSession s = services.sessions().open(t.connection());
            t.session(s);
        }
        return t.session();
    }

    private void closeSession(EditorTab t) {
        SqlSession s = t.session();
        t.session(null);
        if (s != null) {
            services.tasks().submit("Close SQL session", ctx -> {
                s.close();
                return null;
            });
        }
    }

    private record Shown(StatementResult result, List<List<Object[]>> firstPages) {
    }

    private void run(EditorTab t, List<String> statements) {
        if (statements.isEmpty() || running != null) {
            return;
        }
        clearResults();
        status("Running…");
        cancel.setDisable(false);
        TaskHandle<Void> h = services.tasks().submit("Run SQL", ctx -> {
            SqlSession s = session(t);
            for (String sql : statements) {
                ctx.checkCancelled();
                long t0 = System.nanoTime();
                StatementResult r;
                try {
                    // a single statement streams: its first page shows at once however large the result
                    r = services.editor().run(s, sql, ResultGrid.PAGE, this::confirm, statements.size() == 1);
                } catch (Exception e) {
                    Platform.runLater(() -> addMessage(sql, "Error: " + e.getMessage()));
                    throw e;
                }
                List<List<Object[]>> pages = new ArrayList<>();
                for (ResultCursor c : r.cursors()) {
                    pages.add(c.next(ResultGrid.PAGE));
                }
                long millis = (System.nanoTime() - t0) / 1_000_000;
                Platform.runLater(() -> show(new Shown(r, pages), millis));
            }
            return null;
        });
        running = h;
        h.result().whenComplete((v, e) -> Platform.runLater(() -> {
            running = null;
            cancel.setDisable(true);
            if (e != null) {
                status(rootMessage(e));
            }
        }));
    }

    private static String rootMessage(Throwable e) {
        Throwable x = e;
        while ((x instanceof java.util.concurrent.CompletionException || x instanceof java.util.concurrent.ExecutionException)
                && x.getCause() != null) {
            x = x.getCause();
        }
        return x.getMessage();
    }

    /** Asks on the JavaFX thread and waits; called from the task thread. */
    private boolean confirm(ConfirmationRequest r) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION);
            a.setTitle("Confirm statement on " + r.target());
            a.setHeaderText(r.reason());
            TextArea text = new TextArea(r.statement() + (r.ddlVerdict().isEmpty() ? "" : "\n\n-- DDL check: " + r.ddlVerdict()
                    .replace("\n", "\n-- ")));
            text.setEditable(false);
            text.setWrapText(true);
            text.setPrefRowCount(8);
            a.getDialogPane().setContent(text);
            a.getButtonTypes().setAll(ButtonType.CANCEL, new ButtonType("Run it", ButtonType.OK.getButtonData()));
            answer.complete(a.showAndWait().map(b -> b.getButtonData() == ButtonType.OK.getButtonData()).orElse(false));
        });
        try {
            return answer.get();
        } catch (Exception e) {
            return false;
        }
    }

    private void clearResults() {
        for (Tab tab : results.getTabs()) {
            if (tab.getContent() instanceof BorderPane p && p.getCenter() instanceof ResultGrid g) {
                ResultCursor c = g.cursor();
                services.tasks().submit("Close result", ctx -> {
                    c.close();
                    return null;
                });
            }
        }
        results.getTabs().clear();
    }

    private void show(Shown shown, long millis) {
        StatementResult r = shown.result();
        String warn = r.warnings().isEmpty() ? "" : ", " + r.warnings().size() + " warning(s)";
        if (r.cursors().isEmpty()) {
            addMessage(r.statement(), r.updateCount() + " row(s) affected in " + millis + " ms" + warn);
            status(r.updateCount() + " row(s) affected in " + millis + " ms" + warn);
            return;
        }
        for (int i = 0; i < r.cursors().size(); i++) {
            ResultGrid grid = new ResultGrid(r.cursors().get(i), shown.firstPages().get(i));
            Label info = new Label();
            info.getStyleClass().add("result-info");
            Runnable count = () -> info.setText(grid.getItems().size() + (grid.canLoadMore() ? "+" : "") + " row(s) in " + millis
                    + " ms" + warn + (grid.getItems().size() >= ResultGrid.MAX_ROWS ? " — grid full, export for the whole result" : ""));
            count.run();
            if (!r.warnings().isEmpty()) {
                info.setTooltip(new Tooltip(String.join("\n", r.warnings())));
            }
            grid.onMore(g -> services.tasks().submit("Fetch rows", ctx -> g.cursor().next(ResultGrid.PAGE)).result()
                    .whenComplete((page, e) -> Platform.runLater(() -> {
                        g.append(page == null ? List.of() : page);
                        count.run();
                    })));
            BorderPane box = new BorderPane(grid);
            box.setBottom(info);
            Tab tab = new Tab("Result " + (results.getTabs().size() + 1), box);
            tab.setTooltip(new Tooltip(r.statement()));
            results.getTabs().add(tab);
            results.getSelectionModel().select(tab);
            status(info.getText());
        }
    }

    private void addMessage(String sql, String message) {
        Label l = new Label(message + "\n\n" + sql);
        l.setWrapText(true);
        l.getStyleClass().add("result-message");
        Tab tab = new Tab("Message", l);
        results.getTabs().add(tab);
        results.getSelectionModel().select(tab);
    }

    private void cancelRunning() {
        EditorTab t = current();
        TaskHandle<?> h = running;
        if (t == null || t.session() == null) {
            return;
        }
        SqlSession s = t.session();
        status("Cancelling…");
        Thread canceller = new Thread(() -> {
            try {
                s.cancel();
            } catch (Exception e) {
                Platform.runLater(() -> status("Cancel failed: " + e.getMessage()));
            }
            if (h != null) {
                h.cancel();
            }
        }, "triage-sql-cancel");
        canceller.setDaemon(true);
        canceller.start();
    }

    private interface SessionAction {
        void apply(SqlSession s) throws Exception;
    }

    private void withSession(SessionAction action, String done) {
        EditorTab t = current();
        if (t == null) {
            return;
        }
        services.tasks().submit("SQL session", ctx -> {
            action.apply(session(t));
            return null;
        }).result().whenComplete((v, e) -> Platform.runLater(() -> status(e == null ? done : rootMessage(e))));
    }

    private void explain() {
        plan("Explain", (s, sql) -> {
            try {
                return SqlCommands.explain(s, sql, s.live());
            } catch (Exception e) {
                return SqlCommands.explain(s, sql, false);
            }
        });
    }

    /** Runs the query under the caret under ANALYZE (it really runs, so queries only) and shows the plan with real figures. */
    void analyze() {
        plan("Analyze", SqlCommands::analyze);
    }

    private interface Planner {
        PlanNode plan(SqlSession s, String sql) throws Exception;
    }

    private void plan(String name, Planner planner) {
        EditorTab t = current();
        if (t == null) {
            return;
        }
        String sql = !t.selection().isBlank() ? t.selection()
                : StatementSplitter.at(t.area().getText(), t.area().getCaretPosition()).map(SqlStatement::text).orElse("");
        if (sql.isBlank()) {
            return;
        }
        status(name + "…");
        services.tasks().submit(name, ctx -> planner.plan(session(t), sql)).result().whenComplete((plan, e) -> Platform.runLater(() -> {
            if (e != null) {
                status(rootMessage(e));
            } else {
                showPlan(plan);
            }
        }));
    }

    void showPlan(PlanNode plan) {
        TreeView<PlanNode> tree = new TreeView<>(item(plan));
        tree.getStyleClass().add("plan-tree");
        tree.setCellFactory(v -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(PlanNode n, boolean empty) {
                super.updateItem(n, empty);
                getStyleClass().remove("costly");
                if (empty || n == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                StringBuilder b = new StringBuilder(n.label());
                if (!n.access().isEmpty()) {
                    b.append("  [").append(n.access()).append(']');
                }
                if (n.rows() >= 0) {
                    b.append("  rows≈").append((long) n.rows());
                }
                if (n.actualRows() >= 0) {
                    b.append("  actual rows=").append(Math.round(n.actualRows()));
                }
                if (n.actualMillis() >= 0) {
                    b.append(String.format(Locale.ROOT, "  time=%.2f ms", n.actualMillis()));
                }
                if (!n.flags().isEmpty()) {
                    b.append("  ⚠ ").append(n.flags().stream().map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                            .collect(Collectors.joining(", ")));
                    getStyleClass().add("costly");
                }
                setText(b.toString());
                setTooltip(n.details().isEmpty() ? null : new Tooltip(n.details().entrySet().stream()
                        .map(x -> x.getKey() + ": " + x.getValue()).collect(Collectors.joining("\n"))));
            }
        });
        Tab tab = new Tab("Plan", tree);
        results.getTabs().add(tab);
        results.getSelectionModel().select(tab);
        status(plan.flagged().size() + " costly step(s)");
    }

    private static TreeItem<PlanNode> item(PlanNode n) {
        TreeItem<PlanNode> i = new TreeItem<>(n);
        i.setExpanded(true);
        n.children().forEach(c -> i.getChildren().add(item(c)));
        return i;
    }

    private void export() {
        EditorTab t = current();
        if (t == null) {
            return;
        }
        String sql = !t.selection().isBlank() ? t.selection()
                : StatementSplitter.at(t.area().getText(), t.area().getCaretPosition()).map(SqlStatement::text).orElse("");
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the full result");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv"),
                new FileChooser.ExtensionFilter("JSON", "*.json"), new FileChooser.ExtensionFilter("Markdown", "*.md"),
                new FileChooser.ExtensionFilter("INSERT statements", "*.sql"));
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file == null || sql.isBlank()) {
            return;
        }
        String name = file.getName().toLowerCase(Locale.ROOT);
        ExportFormat format = name.endsWith(".json") ? ExportFormat.JSON : name.endsWith(".md") ? ExportFormat.MARKDOWN
                : name.endsWith(".sql") ? ExportFormat.INSERT : ExportFormat.CSV;
        String conn = t.connection();
        status("Exporting…");
        services.tasks().submit("Export SQL result", ctx -> {
            // a separate session: the streamed result holds its connection until the last row
            try (SqlSession s = services.sessions().open(conn); ResultCursor c = s.stream(sql);
                 Writer w = new BufferedWriter(Files.newBufferedWriter(file.toPath(), StandardCharsets.UTF_8), 1 << 16)) {
                long n = ResultExporter.export(c, format, "exported", w, ctx::isCancelled);
                services.editor().auditRows(s, sql, n);
                return n;
            }
        }).result().whenComplete((n, e) -> Platform.runLater(() -> status(e == null ? n + " rows written to " + file : rootMessage(e))));
    }

    /** Formats the selection, or each statement of the text. */
    void formatSql() {
        EditorTab t = current();
        if (t == null) {
            return;
        }
        var area = t.area();
        if (!area.getSelectedText().isBlank()) {
            area.replaceSelection(dev.triage.plugin.sql.domain.SqlFormatter.format(area.getSelectedText()));
            return;
        }
        String text = area.getText();
        List<SqlStatement> statements = StatementSplitter.split(text);
        StringBuilder b = new StringBuilder(text);
        for (int i = statements.size() - 1; i >= 0; i--) {
            SqlStatement st = statements.get(i);
            b.replace(st.start(), st.end(), dev.triage.plugin.sql.domain.SqlFormatter.format(st.text()));
        }
        area.replaceText(b.toString());
    }

    private void insert(String sql) {
        EditorTab t = current();
        if (t != null && sql != null) {
            t.area().insertText(t.area().getCaretPosition(), sql);
        }
    }

    private void pickHistory() {
        String conn = target.getValue();
        var journal = services.sessions().journal();
        if (conn == null || journal.isEmpty()) {
            status("The history is kept in the case: open a case first");
            return;
        }
        new PickDialog("History of " + conn, text -> journal.get().history(conn, text, 500), x -> x.replace('\n', ' '), x -> x)
                .showAndWait().ifPresent(this::insert);
    }

    private void pickSnippet() {
        EditorTab t = current();
        String selected = t == null ? "" : t.selection();
        if (!selected.isBlank()) {
            javafx.scene.control.TextInputDialog name = new javafx.scene.control.TextInputDialog();
            name.setTitle("Save snippet");
            name.setHeaderText("Save the selection as a snippet named:");
            name.showAndWait().filter(n -> !n.isBlank()).ifPresent(n -> {
                try {
                    services.snippets().save(n.strip(), selected);
                    status("Saved snippet " + n.strip());
                } catch (Exception e) {
                    status(e.getMessage());
                }
            });
            return;
        }
        java.util.Map<String, String> all;
        try {
            all = services.snippets().list();
        } catch (Exception e) {
            status(e.getMessage());
            return;
        }
        new PickDialog("Snippets", text -> all.keySet().stream().filter(k -> (k + " " + all.get(k)).toLowerCase(Locale.ROOT)
                .contains(text.toLowerCase(Locale.ROOT))).toList(), k -> k + " — " + all.get(k).replace('\n', ' '), all::get)
                .showAndWait().ifPresent(this::insert);
    }

    private void loadSchema() {
        String conn = target.getValue();
        if (conn == null) {
            schema.setRoot(null);
            return;
        }
        services.tasks().submit("Read schema", ctx -> {
            try (SqlSession s = services.sessions().open(conn)) {
                TreeItem<String> top = new TreeItem<>(conn);
                Collection<String> found = new ArrayList<>();
                for (String db : s.schemas()) {
                    TreeItem<String> dbItem = new TreeItem<>(db);
                    found.add(db);
                    List<String> tables = s.tables(db);
                    for (String table : tables) {
                        found.add(table);
                        TreeItem<String> tItem = new TreeItem<>(table);
                        tItem.getChildren().add(new TreeItem<>("…"));
                        tItem.expandedProperty().addListener((o, a, open) -> {
                            if (open && tItem.getChildren().size() == 1 && tItem.getChildren().get(0).getValue().equals("…")) {
                                loadTable(conn, db, tItem);
                            }
                        });
                        dbItem.getChildren().add(tItem);
                    }
                    top.getChildren().add(dbItem);
                }
                return new Object[] {top, found};
            }
        }).result().whenComplete((r, e) -> Platform.runLater(() -> {
            if (e != null) {
                status(rootMessage(e));
                return;
            }
            @SuppressWarnings("unchecked")
            Collection<String> found = (Collection<String>) r[1];
            names.clear();
            names.addAll(found);
            schema.setRoot((TreeItem<String>) r[0]);
        }));
    }

    private void loadTable(String conn, String db, TreeItem<String> tItem) {
        services.tasks().submit("Read table", ctx -> {
            try (SqlSession s = services.sessions().open(conn)) {
                long rows = s.rowEstimate(db, tItem.getValue());
                return List.of(s.columns(db, tItem.getValue()), s.indexes(db, tItem.getValue()),
                        rows < 0 ? List.<String>of() : List.of("≈ " + rows + " rows"));
            }
        }).result().whenComplete((r, e) -> Platform.runLater(() -> {
            tItem.getChildren().clear();
            if (e != null) {
                tItem.getChildren().add(new TreeItem<>(rootMessage(e)));
                return;
            }
            TreeItem<String> cols = new TreeItem<>("columns");
            r.get(0).forEach(c -> {
                cols.getChildren().add(new TreeItem<>(c));
                names.add(c.split(" ")[0]);
            });
            TreeItem<String> idx = new TreeItem<>("indexes");
            r.get(1).forEach(c -> idx.getChildren().add(new TreeItem<>(c)));
            cols.setExpanded(true);
            tItem.getChildren().setAll(List.of(cols, idx));
            r.get(2).forEach(x -> tItem.getChildren().add(new TreeItem<>(x)));
        }));
    }

    private void openSelectedTable() {
        TreeItem<String> sel = schema.getSelectionModel().getSelectedItem();
        if (sel == null || sel.getParent() == null || sel.getParent().getParent() == null
                || sel.getParent().getParent() != schema.getRoot()) {
            return;
        }
        String db = sel.getParent().getValue();
        String table = sel.getValue();
        String conn = target.getValue();
        services.tasks().submit("Table DDL", ctx -> {
            try (SqlSession s = services.sessions().open(conn)) {
                return s.ddl(db, table);
            }
        }).result().whenComplete((ddl, e) -> Platform.runLater(() -> open(
                (e == null ? ddl + ";\n\n" : "-- " + rootMessage(e) + "\n") + "SELECT * FROM " + db + "." + table + " LIMIT 100;\n", conn)));
    }
}
