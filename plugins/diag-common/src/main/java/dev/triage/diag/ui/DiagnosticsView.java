package dev.triage.diag.ui;

import dev.triage.core.cases.CaseService;
import dev.triage.core.connection.ConnectionStore;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.diagnostics.CategorizedFinding;
import dev.triage.core.diagnostics.DiagnosticCategory;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.diagnostics.MiddlewareDiagnostics;
import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.Severity;
import dev.triage.core.task.TaskExecutor;
import dev.triage.core.ui.View;
import dev.triage.diag.infrastructure.DiagnosticsService;
import dev.triage.diag.infrastructure.LiveArgs;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The diagnostics view of one kind of target (Redis, MySQL, Kafka): pick a saved connection and diagnose it, capture it
 * into the case, or open a dump; category cards coloured by their worst severity, the findings with their evidence and
 * suggestion, and the key metrics. All work runs as kernel tasks; results come back on the JavaFX thread.
 */
public final class DiagnosticsView implements View {

    /** The root style class; {@code diagnostics.css} is scoped under it. */
    public static final String STYLE_CLASS = "diagnostics-view";

    private final MiddlewareDiagnostics diag;
    private final DiagnosticsService service;
    private final Supplier<ConnectionStore> connections;
    private final CaseService cases;
    private final TaskExecutor tasks;
    private final Executor fx;
    private final BorderPane root = new BorderPane();
    private final ComboBox<ConnectionTarget> target = new ComboBox<>();
    private final Label status = new Label();
    private final FlowPane cards = new FlowPane(8, 8);
    private final ObservableList<CategorizedFinding> rows = FXCollections.observableArrayList();
    private final TableView<CategorizedFinding> table = new TableView<>(rows);
    private final ObservableList<Map.Entry<String, Double>> metricRows = FXCollections.observableArrayList();
    private final VBox detail = new VBox();
    private final HBox charts = new HBox(8);
    private final javafx.scene.control.ListView<String> rawKinds = new javafx.scene.control.ListView<>();
    private final javafx.scene.control.TextArea rawText = new javafx.scene.control.TextArea();
    private final List<dev.triage.core.diagnostics.CaptureItem> rawItems = new java.util.ArrayList<>();
    private final Map<String, javafx.scene.chart.XYChart.Series<Number, Number>> series = new java.util.LinkedHashMap<>();
    private final long started = System.nanoTime();
    private java.util.concurrent.ScheduledExecutorService sampler;

    /** The metrics charted while the view is open, in order of preference; lag.* metrics of Kafka groups follow. */
    public static final List<String> CHARTED = List.of("used_memory", "connected_clients", "instantaneous_ops_per_sec",
            "threads_connected", "threads_running", "queries_per_second");
    /** How many mini-charts at most. */
    public static final int MAX_CHARTS = 3;
    /** How many samples a mini-chart keeps. */
    public static final int MAX_POINTS = 60;

    /**
     * Builds the view; call on the JavaFX thread.
     *
     * @param diag the diagnostic of this view's target kind
     * @param service runs diagnoses and stores findings
     * @param connections the saved connections
     * @param cases tells which case is open
     * @param tasks runs the work
     * @param fx hands results to the JavaFX thread
     */
    public DiagnosticsView(MiddlewareDiagnostics diag, DiagnosticsService service, Supplier<ConnectionStore> connections,
                           CaseService cases, TaskExecutor tasks, Executor fx) {
        this.diag = diag;
        this.service = service;
        this.connections = connections;
        this.cases = cases;
        this.tasks = tasks;
        this.fx = fx;
        root.getStyleClass().add(STYLE_CLASS);
        root.getStylesheets().add(DiagnosticsView.class.getResource("diagnostics.css").toExternalForm());
        root.setTop(toolbar());
        cards.getStyleClass().add("cards");
        SplitPane split = new SplitPane(findingsTable(), detailPane());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.55);
        charts.getStyleClass().add("charts");
        VBox center = new VBox(cards, charts, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.setCenter(center);
        root.setMinSize(0, 0);
        showCards(null);
        reloadConnections();
        showLatestCapture();
    }

    /**
     * Shows the newest capture of this view's kind saved in the open case, if any, in a task.
     *
     * @return when the view shows it
     */
    public CompletableFuture<?> showLatestCapture() {
        return run("Load the latest capture", () -> {
            java.util.Optional<Path> latest = service.latestCapture(diag.pluginId());
            return latest.isPresent() ? service.diagnoseFile(latest.get(), null, Set.of(), null) : null;
        }, d -> {
            if (d != null) {
                show(d);
            }
        });
    }

    /**
     * Creates the view with results handed back through {@link Platform#runLater}; call on the JavaFX thread.
     *
     * @param diag the diagnostic
     * @param service the diagnostics service
     * @param connections the saved connections
     * @param cases the case service
     * @param tasks the task executor
     * @return the view
     */
    public static DiagnosticsView create(MiddlewareDiagnostics diag, DiagnosticsService service, Supplier<ConnectionStore> connections,
                                         CaseService cases, TaskExecutor tasks) {
        return new DiagnosticsView(diag, service, connections, cases, tasks, Platform::runLater);
    }

    @Override
    public Node node() {
        return root;
    }

    private Node toolbar() {
        target.setPromptText("Saved connection");
        target.setPrefWidth(240);
        target.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConnectionTarget t) {
                return t == null ? "" : t.name() + " (" + t.host() + ":" + t.port() + ")";
            }

            @Override
            public ConnectionTarget fromString(String s) {
                return null;
            }
        });
        target.setOnShowing(e -> reloadConnections());
        target.valueProperty().addListener((o, a, b) -> startSampling());
        Button diagnose = new Button("Diagnose");
        diagnose.getStyleClass().add("accent");
        diagnose.setOnAction(e -> diagnoseSelected());
        Button capture = new Button("Capture now");
        capture.setOnAction(e -> captureSelected());
        Button open = new Button("Open dump…");
        open.getStyleClass().add("flat");
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a status dump or a saved capture");
            java.io.File f = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) {
                diagnoseFile(f.toPath());
            }
        });
        for (Button b : List.of(diagnose, capture, open)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        status.getStyleClass().add("status");
        status.setMinWidth(0);
        status.setText("Pick a saved connection, or open a dump (" + String.join(", ", diag.dumpKinds()) + ")");
        HBox bar = new HBox(8, target, diagnose, capture, open, status);
        bar.getStyleClass().add("tool-bar-row");
        return bar;
    }

    private Node findingsTable() {
        TableColumn<CategorizedFinding, String> severity = new TableColumn<>("Severity");
        severity.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().finding().severity().name()));
        severity.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(s -> s.startsWith("sev-"));
                setText(empty || item == null ? null : item);
                if (!empty && item != null) {
                    getStyleClass().add("sev-" + item.toLowerCase(Locale.ROOT));
                }
            }
        });
        severity.setPrefWidth(100);
        TableColumn<CategorizedFinding, String> category = new TableColumn<>("Category");
        category.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().category()));
        category.setPrefWidth(110);
        TableColumn<CategorizedFinding, String> title = new TableColumn<>("Finding");
        title.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().finding().title()));
        title.setPrefWidth(520);
        table.getColumns().setAll(List.of(severity, category, title));
        table.getStyleClass().addAll("findings", "dense");
        Label empty = new Label("No diagnosis yet");
        empty.getStyleClass().add("empty-state");
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showDetail(b));
        return table;
    }

    private Node detailPane() {
        detail.getStyleClass().add("detail");
        TableView<Map.Entry<String, Double>> metrics = new TableView<>(metricRows);
        TableColumn<Map.Entry<String, Double>, String> name = new TableColumn<>("Metric");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getKey()));
        name.setPrefWidth(200);
        TableColumn<Map.Entry<String, Double>, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(dev.triage.diag.domain.Numbers.plain(c.getValue().getValue())));
        value.setPrefWidth(140);
        metrics.getColumns().setAll(List.of(name, value));
        metrics.getStyleClass().addAll("metrics", "dense");
        metrics.setPrefHeight(220);
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        VBox box = new VBox(scroll, new Label("Key metrics"), metrics);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        showDetail(null);
        rawKinds.getStyleClass().add("raw-items");
        rawKinds.setPrefHeight(120);
        rawText.setEditable(false);
        rawText.getStyleClass().add("raw-output");
        rawKinds.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> rawText.setText(
                b == null || b.intValue() < 0 || b.intValue() >= rawItems.size() ? "" : rawItems.get(b.intValue()).output()));
        VBox raw = new VBox(6, rawKinds, rawText);
        VBox.setVgrow(rawText, Priority.ALWAYS);
        javafx.scene.control.Tab details = new javafx.scene.control.Tab("Finding", box);
        javafx.scene.control.Tab outputs = new javafx.scene.control.Tab("Raw outputs", raw);
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(details, outputs);
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private void showDetail(CategorizedFinding f) {
        detail.getChildren().clear();
        if (f == null) {
            Label hint = new Label("Select a finding to see its evidence and what to do.");
            hint.getStyleClass().add("empty-state");
            hint.setWrapText(true);
            detail.getChildren().add(hint);
            return;
        }
        Finding finding = f.finding();
        Label title = new Label(finding.severity() + " · " + f.category() + " · " + finding.title());
        title.getStyleClass().add("detail-title");
        title.setWrapText(true);
        detail.getChildren().add(title);
        for (Evidence e : finding.evidence()) {
            Label l = new Label(e.isMetric() ? e.name() + " = " + e.value() : e.value());
            l.getStyleClass().add("evidence");
            l.setWrapText(true);
            detail.getChildren().add(l);
        }
        if (!finding.suggestion().isEmpty()) {
            Label s = new Label("What to do: " + finding.suggestion());
            s.getStyleClass().add("suggestion");
            s.setWrapText(true);
            detail.getChildren().add(s);
        }
        Label source = new Label(finding.source().target() + " at " + finding.source().time());
        source.getStyleClass().add("status");
        detail.getChildren().add(source);
    }

    private void showCards(Diagnosis d) {
        cards.getChildren().clear();
        for (DiagnosticCategory c : diag.categories()) {
            VBox card = new VBox(2);
            card.getStyleClass().add("card");
            Label name = new Label(c.title());
            name.getStyleClass().add("card-title");
            String text = "not checked";
            if (d != null) {
                List<Finding> fs = d.findings(c.id());
                Severity worst = d.worst(c.id()).orElse(null);
                text = worst == null ? "no findings" : worst.name() + " · " + fs.size() + (fs.size() == 1 ? " finding" : " findings");
                if (worst != null) {
                    card.getStyleClass().add("sev-" + worst.name().toLowerCase(Locale.ROOT));
                }
            }
            Label state = new Label(text);
            state.getStyleClass().add("card-status");
            card.getChildren().addAll(name, state);
            card.setUserData(c.id());
            card.setOnMouseClicked(e -> table.getItems().stream().filter(r -> r.category().equals(c.id())).findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r)));
            cards.getChildren().add(card);
        }
    }

    /**
     * Shows a diagnosis; call on the JavaFX thread.
     *
     * @param d the diagnosis
     */
    public void show(Diagnosis d) {
        rows.setAll(d.findings().stream().sorted(Comparator.comparing((CategorizedFinding f) -> f.finding().severity()).reversed()).toList());
        metricRows.setAll(d.metrics().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList());
        showCards(d);
        rawItems.clear();
        rawItems.addAll(d.capture().items());
        rawKinds.getItems().setAll(rawItems.stream().map(i -> i.kind() + " — " + i.command() + " (" + i.output().lines().count() + " lines)")
                .toList());
        rawText.clear();
        status.setText(d.capture().target() + " · " + d.capture().time() + " · " + rows.size() + " findings"
                + (cases.current().isPresent() ? " · saved in the case" : ""));
        if (!rows.isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }

    private void reloadConnections() {
        run("Load connections", () -> connections.get().list().stream().filter(t -> diag.connectionKinds().contains(t.kind())).toList(),
                list -> {
                    ConnectionTarget was = target.getValue();
                    target.getItems().setAll(list);
                    if (was != null) {
                        list.stream().filter(t -> t.id().equals(was.id())).findFirst().ifPresent(target::setValue);
                    } else if (list.size() == 1) {
                        target.setValue(list.get(0));
                    }
                });
    }

    private void startSampling() {
        stopSampling();
        series.clear();
        charts.getChildren().clear();
        if (target.getValue() == null) {
            return;
        }
        sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "triage-diag-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleWithFixedDelay(() -> fx.execute(this::sampleOnce), 0, 5, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void stopSampling() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
        }
    }

    /**
     * Samples the key metrics of the selected connection once, in a task, and adds them to the mini-charts.
     *
     * @return when the charts show the sample
     */
    public CompletableFuture<?> sampleOnce() {
        ConnectionTarget t = target.getValue();
        if (t == null) {
            return CompletableFuture.completedFuture(null);
        }
        double at = (System.nanoTime() - started) / 1e9;
        return run("Sample " + t.name(), () -> {
            char[] password = null;
            try {
                password = connections.get().password(t.id()).orElse(null);
            } catch (dev.triage.core.connection.SecretStoreException e) {
                // a locked secret store: try without a password, as the commands do
            }
            try {
                return diag.collectMetrics(t, password);
            } finally {
                if (password != null) {
                    java.util.Arrays.fill(password, '\0');
                }
            }
        }, metrics -> addSample(at, metrics));
    }

    private void addSample(double at, Map<String, Double> metrics) {
        List<String> names = new java.util.ArrayList<>(CHARTED.stream().filter(metrics::containsKey).toList());
        metrics.keySet().stream().filter(k -> k.startsWith("lag.")).sorted().forEach(names::add);
        for (String name : names.subList(0, Math.min(MAX_CHARTS, names.size()))) {
            javafx.scene.chart.XYChart.Series<Number, Number> s = series.computeIfAbsent(name, this::newChart);
            s.getData().add(new javafx.scene.chart.XYChart.Data<>(at, metrics.get(name)));
            if (s.getData().size() > MAX_POINTS) {
                s.getData().remove(0);
            }
        }
    }

    private javafx.scene.chart.XYChart.Series<Number, Number> newChart(String name) {
        javafx.scene.chart.NumberAxis x = new javafx.scene.chart.NumberAxis();
        x.setForceZeroInRange(false);
        x.setTickLabelsVisible(false);
        javafx.scene.chart.NumberAxis y = new javafx.scene.chart.NumberAxis();
        y.setForceZeroInRange(false);
        javafx.scene.chart.LineChart<Number, Number> chart = new javafx.scene.chart.LineChart<>(x, y);
        chart.setTitle(name);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefSize(260, 140);
        chart.setMinHeight(120);
        chart.getStyleClass().add("mini-chart");
        javafx.scene.chart.XYChart.Series<Number, Number> s = new javafx.scene.chart.XYChart.Series<>();
        chart.getData().add(s);
        charts.getChildren().add(chart);
        return s;
    }

    /**
     * Returns how many samples each mini-chart holds, by metric.
     *
     * @return the counts
     */
    public Map<String, Integer> chartedSamples() {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        series.forEach((k, v) -> out.put(k, v.getData().size()));
        return out;
    }

    @Override
    public void dispose() {
        stopSampling();
    }

    /**
     * Diagnoses the selected connection live, in a task.
     *
     * @return when the view shows the result
     */
    public CompletableFuture<?> diagnoseSelected() {
        ConnectionTarget t = target.getValue();
        if (t == null) {
            status.setText("Pick a saved connection first");
            return CompletableFuture.completedFuture(null);
        }
        status.setText("Diagnosing " + t.name() + "…");
        return run("Diagnose " + t.name(), () -> service.liveDiagnosis(diag, new LiveArgs(t.id(), null)), this::show);
    }

    /**
     * Captures the selected connection into the open case and diagnoses it, in a task.
     *
     * @return when the view shows the result
     */
    public CompletableFuture<?> captureSelected() {
        ConnectionTarget t = target.getValue();
        if (t == null) {
            status.setText("Pick a saved connection first");
            return CompletableFuture.completedFuture(null);
        }
        if (cases.current().isEmpty()) {
            status.setText("Open a case first: captures are saved into it");
            return CompletableFuture.completedFuture(null);
        }
        status.setText("Capturing " + t.name() + "…");
        return run("Capture " + t.name(), () -> service.captureDiagnosis(new LiveArgs(t.id(), null)), o -> {
            show(o.diagnosis());
            status.setText(status.getText() + " · capture " + o.caseFolder().relativize(o.file()));
        });
    }

    /**
     * Diagnoses a dump or saved capture, in a task.
     *
     * @param file the file
     * @return when the view shows the result
     */
    public CompletableFuture<?> diagnoseFile(Path file) {
        status.setText("Reading " + file.getFileName() + "…");
        return run("Diagnose " + file.getFileName(), () -> service.diagnoseFile(file, null, Set.of(), null), this::show);
    }

    /**
     * Selects a connection by id; call on the JavaFX thread.
     *
     * @param id the connection id
     * @return when the list is loaded and the connection selected
     */
    public CompletableFuture<?> select(String id) {
        return run("Load connections", () -> connections.get().list().stream().filter(t -> diag.connectionKinds().contains(t.kind())).toList(),
                list -> {
                    target.getItems().setAll(list);
                    list.stream().filter(t -> t.id().equals(id)).findFirst().ifPresent(target::setValue);
                });
    }

    private <T> CompletableFuture<?> run(String name, java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> then) {
        CompletableFuture<T> r = tasks.submit(name, ctx -> work.call()).result();
        CompletableFuture<Void> shown = new CompletableFuture<>();
        r.whenComplete((value, error) -> fx.execute(() -> {
            try {
                if (error != null) {
                    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
                    status.setText(name + " failed: " + cause.getMessage());
                } else {
                    then.accept(value);
                }
            } finally {
                shown.complete(null);
            }
        }));
        return shown;
    }

    /**
     * Returns the findings shown, for tests and the shell.
     *
     * @return the rows
     */
    public List<CategorizedFinding> shownFindings() {
        return List.copyOf(rows);
    }

    /**
     * Returns the status line text.
     *
     * @return the text
     */
    public String statusText() {
        return status.getText();
    }
}
