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
import dev.triage.diag.domain.DetailTable;
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

    /** The base name of the view's texts (English, and zh_CN beside it). */
    public static final String MESSAGES = "dev.triage.diag.ui.messages";

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
    private final Map<String, org.jfree.data.time.TimeSeries> series = new java.util.LinkedHashMap<>();
    private final Map<String, org.jfree.chart.JFreeChart> chartViews = new java.util.LinkedHashMap<>();
    private final java.util.function.Function<dev.triage.core.diagnostics.Capture, List<DetailTable>> details;
    private final dev.triage.core.i18n.Messages m;
    private final javafx.scene.control.TabPane detailTabs = new javafx.scene.control.TabPane();
    private final java.util.concurrent.atomic.AtomicBoolean sampling = new java.util.concurrent.atomic.AtomicBoolean();
    private java.util.concurrent.ScheduledExecutorService sampler;

    /** The metrics charted while the view is open, in order of preference; lag.* metrics of Kafka groups follow. */
    public static final List<String> CHARTED = List.of("used_memory", "connected_clients", "instantaneous_ops_per_sec",
            "threads_connected", "threads_running", "queries_per_second");
    /** How many mini-charts at most. */
    public static final int MAX_CHARTS = 3;
    /** How many samples a mini-chart keeps. */
    public static final int MAX_POINTS = 60;
    /** Seconds between two samples of the mini-charts. */
    public static final int SAMPLE_SECONDS = 5;

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
        this(diag, service, connections, cases, tasks, fx, c -> List.of());
    }

    /**
     * Builds the view with the detail tables of its kind; call on the JavaFX thread.
     *
     * @param diag the diagnostic of this view's target kind
     * @param service runs diagnoses and stores findings
     * @param connections the saved connections
     * @param cases tells which case is open
     * @param tasks runs the work
     * @param fx hands results to the JavaFX thread
     * @param details reads the kind's detail tables (slow log, processlist, consumer lag...) from a capture, off the JavaFX thread
     */
    public DiagnosticsView(MiddlewareDiagnostics diag, DiagnosticsService service, Supplier<ConnectionStore> connections,
                           CaseService cases, TaskExecutor tasks, Executor fx,
                           java.util.function.Function<dev.triage.core.diagnostics.Capture, List<DetailTable>> details) {
        this(diag, service, connections, cases, tasks, fx, details, english());
    }

    /**
     * Builds the view with the detail tables of its kind and its texts in the user's language; call on the JavaFX thread.
     *
     * @param diag the diagnostic of this view's target kind
     * @param service runs diagnoses and stores findings
     * @param connections the saved connections
     * @param cases tells which case is open
     * @param tasks runs the work
     * @param fx hands results to the JavaFX thread
     * @param details reads the kind's detail tables from a capture, off the JavaFX thread
     * @param messages the view's texts ({@link #MESSAGES} bundle, English or Chinese)
     */
    public DiagnosticsView(MiddlewareDiagnostics diag, DiagnosticsService service, Supplier<ConnectionStore> connections,
                           CaseService cases, TaskExecutor tasks, Executor fx,
                           java.util.function.Function<dev.triage.core.diagnostics.Capture, List<DetailTable>> details,
                           dev.triage.core.i18n.Messages messages) {
        this.m = messages;
        this.details = details;
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
        detailTabs.getStyleClass().add("detail-tables");
        detailTabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane main = new SplitPane(split, detailTabs);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.6);
        VBox center = new VBox(cards, charts, main);
        VBox.setVgrow(main, Priority.ALWAYS);
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
            return latest.isPresent() ? withTables(service.diagnoseFile(latest.get(), null, Set.of(), null)) : null;
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

    /**
     * Creates the view with the detail tables of its kind, results handed back through {@link Platform#runLater}.
     *
     * @param diag the diagnostic
     * @param service the diagnostics service
     * @param connections the saved connections
     * @param cases the case service
     * @param tasks the task executor
     * @param details reads the detail tables from a capture
     * @return the view
     */
    public static DiagnosticsView create(MiddlewareDiagnostics diag, DiagnosticsService service, Supplier<ConnectionStore> connections,
                                         CaseService cases, TaskExecutor tasks,
                                         java.util.function.Function<dev.triage.core.diagnostics.Capture, List<DetailTable>> details) {
        return new DiagnosticsView(diag, service, connections, cases, tasks, Platform::runLater, details);
    }

    /**
     * Creates the view with the detail tables of its kind and texts in the user's language.
     *
     * @param diag the diagnostic
     * @param service the diagnostics service
     * @param connections the saved connections
     * @param cases the case service
     * @param tasks the task executor
     * @param details reads the detail tables from a capture
     * @param messages the view's texts
     * @return the view
     */
    public static DiagnosticsView create(MiddlewareDiagnostics diag, DiagnosticsService service, Supplier<ConnectionStore> connections,
                                         CaseService cases, TaskExecutor tasks,
                                         java.util.function.Function<dev.triage.core.diagnostics.Capture, List<DetailTable>> details,
                                         dev.triage.core.i18n.Messages messages) {
        return new DiagnosticsView(diag, service, connections, cases, tasks, Platform::runLater, details, messages);
    }

    private static dev.triage.core.i18n.Messages english() {
        return dev.triage.core.i18n.Messages.load(MESSAGES, Locale.ROOT, DiagnosticsView.class.getClassLoader());
    }

    /** Returns a translated text, or the plugin's own (English) text when the bundle has none for the key. */
    private String text(String key, String fallback) {
        String t = m.get(key);
        return t.startsWith("!") && t.endsWith("!") ? fallback : t;
    }

    /** A diagnosis with the detail tables read from its capture. */
    private record Shown(Diagnosis diagnosis, List<DetailTable> tables) {
    }

    private Shown withTables(Diagnosis d) {
        List<DetailTable> tables;
        try {
            tables = details.apply(d.capture());
        } catch (RuntimeException e) {
            tables = List.of(new DetailTable("error", "Details", List.of("Could not read the details"), List.of(List.of(String.valueOf(e.getMessage())))));
        }
        return new Shown(d, tables);
    }

    @Override
    public Node node() {
        return root;
    }

    private Node toolbar() {
        target.setPromptText(m.get("view.connection"));
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
        Button diagnose = new Button(m.get("view.diagnose"));
        diagnose.getStyleClass().add("accent");
        diagnose.setOnAction(e -> diagnoseSelected());
        Button capture = new Button(m.get("view.capture"));
        capture.setOnAction(e -> captureSelected());
        Button open = new Button(m.get("view.open"));
        open.getStyleClass().add("flat");
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(m.get("view.openTitle"));
            java.io.File f = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) {
                diagnoseFile(f.toPath());
            }
        });
        for (Button b : List.of(diagnose, capture, open)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        target.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.getStyleClass().add("status");
        status.setMinWidth(0);
        status.setText(m.get("view.hint", String.join(", ", diag.dumpKinds())));
        HBox bar = new HBox(8, target, diagnose, capture, open, status);
        bar.getStyleClass().add("tool-bar-row");
        return bar;
    }

    private Node findingsTable() {
        TableColumn<CategorizedFinding, String> severity = new TableColumn<>(m.get("column.severity"));
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
        TableColumn<CategorizedFinding, String> category = new TableColumn<>(m.get("column.category"));
        category.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().category()));
        category.setPrefWidth(110);
        TableColumn<CategorizedFinding, String> title = new TableColumn<>(m.get("column.finding"));
        title.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().finding().title()));
        title.setPrefWidth(520);
        table.getColumns().setAll(List.of(severity, category, title));
        table.getStyleClass().addAll("findings", "dense");
        Label empty = new Label(m.get("view.noDiagnosis"));
        empty.getStyleClass().add("empty-state");
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showDetail(b));
        return table;
    }

    private Node detailPane() {
        detail.getStyleClass().add("detail");
        TableView<Map.Entry<String, Double>> metrics = new TableView<>(metricRows);
        TableColumn<Map.Entry<String, Double>, String> name = new TableColumn<>(m.get("column.metric"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getKey()));
        name.setPrefWidth(200);
        TableColumn<Map.Entry<String, Double>, String> value = new TableColumn<>(m.get("column.value"));
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(dev.triage.diag.domain.Numbers.plain(c.getValue().getValue())));
        value.setPrefWidth(140);
        metrics.getColumns().setAll(List.of(name, value));
        metrics.getStyleClass().addAll("metrics", "dense");
        metrics.setPrefHeight(220);
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        VBox box = new VBox(scroll, new Label(m.get("view.keyMetrics")), metrics);
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
        javafx.scene.control.Tab details = new javafx.scene.control.Tab(m.get("tab.finding"), box);
        javafx.scene.control.Tab outputs = new javafx.scene.control.Tab(m.get("tab.raw"), raw);
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(details, outputs);
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private void showDetail(CategorizedFinding f) {
        detail.getChildren().clear();
        if (f == null) {
            Label hint = new Label(m.get("view.selectFinding"));
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
            Label s = new Label(m.get("view.suggestion", finding.suggestion()));
            s.getStyleClass().add("suggestion");
            s.setWrapText(true);
            detail.getChildren().add(s);
        }
        Label source = new Label(m.get("view.source", finding.source().target(), String.valueOf(finding.source().time())));
        source.getStyleClass().add("status");
        detail.getChildren().add(source);
    }

    private void showCards(Diagnosis d) {
        cards.getChildren().clear();
        for (DiagnosticCategory c : diag.categories()) {
            VBox card = new VBox(2);
            card.getStyleClass().add("card");
            Label name = new Label(text("category." + c.id(), c.title()));
            name.getStyleClass().add("card-title");
            String text = m.get("card.notChecked");
            if (d != null) {
                List<Finding> fs = d.findings(c.id());
                Severity worst = d.worst(c.id()).orElse(null);
                text = worst == null ? m.get("card.none") : m.get("card.findings", worst.name(), fs.size());
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
        show(withTables(d));
    }

    private void show(Shown shown) {
        Diagnosis d = shown.diagnosis();
        showTables(shown.tables());
        rows.setAll(d.findings().stream().sorted(Comparator.comparing((CategorizedFinding f) -> f.finding().severity()).reversed()).toList());
        metricRows.setAll(d.metrics().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList());
        showCards(d);
        rawItems.clear();
        rawItems.addAll(d.capture().items());
        rawKinds.getItems().setAll(rawItems.stream().map(i -> i.kind() + " — " + i.command() + " (" + i.output().lines().count() + " lines)")
                .toList());
        rawText.clear();
        status.setText(m.get("status.shown", d.capture().target(), String.valueOf(d.capture().time()), rows.size())
                + (cases.current().isPresent() ? m.get("status.saved") : ""));
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
        chartViews.clear();
        charts.getChildren().clear();
        if (target.getValue() == null) {
            return;
        }
        sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "triage-diag-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleWithFixedDelay(() -> fx.execute(this::sampleIfIdle), 0, SAMPLE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
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
        sampling.set(true);
        return run("Sample " + t.name(), () -> {
            char[] password = null;
            try {
                password = connections.get().password(t.id()).orElse(null);
            } catch (dev.triage.core.connection.SecretStoreException e) {
                // a locked secret store: try without a password, as the commands do
            }
            try {
                return Map.entry(java.time.Instant.now(), diag.collectMetrics(t, password));
            } finally {
                if (password != null) {
                    java.util.Arrays.fill(password, '\0');
                }
            }
        }, sample -> addSample(sample.getKey(), sample.getValue())).whenComplete((v, e) -> sampling.set(false));
    }

    /** Samples unless the previous sample is still running (a slow server must not pile up samples). */
    private void sampleIfIdle() {
        if (!sampling.get()) {
            sampleOnce();
        }
    }

    private void addSample(java.time.Instant at, Map<String, Double> metrics) {
        List<String> names = new java.util.ArrayList<>(CHARTED.stream().filter(metrics::containsKey).toList());
        metrics.keySet().stream().filter(k -> k.startsWith("lag.")).sorted().forEach(names::add);
        for (String name : names.subList(0, Math.min(MAX_CHARTS, names.size()))) {
            org.jfree.data.time.TimeSeries s = series.computeIfAbsent(name, this::newChart);
            s.addOrUpdate(new org.jfree.data.time.FixedMillisecond(at.toEpochMilli()), metrics.get(name));
        }
        applyThemeToCharts();
    }

    private org.jfree.data.time.TimeSeries newChart(String name) {
        org.jfree.data.time.TimeSeries s = new org.jfree.data.time.TimeSeries(name);
        s.setMaximumItemCount(MAX_POINTS);
        org.jfree.chart.axis.DateAxis time = new org.jfree.chart.axis.DateAxis();
        time.setTickLabelsVisible(false);
        org.jfree.chart.axis.NumberAxis values = new org.jfree.chart.axis.NumberAxis();
        values.setAutoRangeIncludesZero(false);
        values.setAutoRangeMinimumSize(1.0);
        values.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.##"));
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer renderer = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, false);
        renderer.setSeriesStroke(0, new java.awt.BasicStroke(1.6f));
        renderer.setDefaultToolTipGenerator(org.jfree.chart.labels.StandardXYToolTipGenerator.getTimeSeriesInstance());
        org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(new org.jfree.data.time.TimeSeriesCollection(s), time, values, renderer);
        plot.setBackgroundPaint(null);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        for (org.jfree.chart.axis.ValueAxis a : List.of(time, values)) {
            a.setTickLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
        }
        org.jfree.chart.JFreeChart chart = new org.jfree.chart.JFreeChart(name, new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 11),
                plot, false);
        chart.setBackgroundPaint(null);
        org.jfree.chart.fx.ChartViewer viewer = new org.jfree.chart.fx.ChartViewer(chart);
        viewer.getStyleClass().add("mini-chart");
        viewer.setUserData(name);
        viewer.setPrefSize(300, 150);
        viewer.setMinHeight(130);
        HBox.setHgrow(viewer, Priority.ALWAYS);
        charts.getChildren().add(viewer);
        chartViews.put(name, chart);
        styleChart(chart);
        return s;
    }

    /**
     * Paints the mini-charts with the current theme's colours (JFreeChart draws with AWT paints, not CSS); runs after every
     * sample, so a theme switch reaches the charts within one sampling period. Call on the JavaFX thread.
     */
    public void applyThemeToCharts() {
        chartViews.values().forEach(this::styleChart);
    }

    private void styleChart(org.jfree.chart.JFreeChart chart) {
        java.awt.Color fg = themeColor("-color-fg-muted", new java.awt.Color(128, 128, 128));
        java.awt.Color grid = themeColor("-color-border-muted", new java.awt.Color(128, 128, 128, 90));
        java.awt.Color line = themeColor("-color-accent-emphasis", new java.awt.Color(9, 105, 218));
        org.jfree.chart.plot.XYPlot plot = chart.getXYPlot();
        plot.getRenderer().setSeriesPaint(0, line);
        plot.setRangeGridlinePaint(grid);
        for (org.jfree.chart.axis.ValueAxis a : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            a.setTickLabelPaint(fg);
            a.setAxisLinePaint(grid);
            a.setTickMarkPaint(grid);
        }
        chart.getTitle().setPaint(fg);
    }

    /** Resolves an AtlantaFX looked-up colour through a throw-away node in this view, for the JFreeChart paints. */
    private java.awt.Color themeColor(String lookup, java.awt.Color fallback) {
        if (root.getScene() == null) {
            return fallback;
        }
        javafx.scene.shape.Rectangle probe = new javafx.scene.shape.Rectangle();
        probe.setStyle("-fx-fill: " + lookup + ";");
        probe.setManaged(false);
        probe.setVisible(false);
        charts.getChildren().add(probe);
        try {
            probe.applyCss();
            if (probe.getFill() instanceof javafx.scene.paint.Color c && !c.equals(javafx.scene.paint.Color.BLACK)) {
                return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
            }
            return fallback;
        } finally {
            charts.getChildren().remove(probe);
        }
    }

    private void showTables(List<DetailTable> tables) {
        Object selected = detailTabs.getSelectionModel().getSelectedItem() == null ? null
                : detailTabs.getSelectionModel().getSelectedItem().getUserData();
        detailTabs.getTabs().clear();
        for (DetailTable t : tables) {
            TableView<List<String>> view = new TableView<>(FXCollections.observableArrayList(t.rows()));
            view.getStyleClass().addAll("detail-table", "table-" + t.id(), "dense");
            for (int i = 0; i < t.columns().size(); i++) {
                int col = i;
                TableColumn<List<String>, String> c = new TableColumn<>(t.columns().get(i));
                c.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().get(col)));
                c.setComparator(DiagnosticsView::compareCells);
                int chars = Math.max(t.columns().get(i).length() + 2, t.rows().stream().limit(200).mapToInt(r -> r.get(col).length()).max().orElse(0));
                c.setPrefWidth(Math.min(560, Math.max(64, chars * 9 + 28)));
                view.getColumns().add(c);
            }
            view.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
            Label empty = new Label(m.get("view.emptyTable"));
            empty.getStyleClass().add("empty-state");
            view.setPlaceholder(empty);
            javafx.scene.control.Tab tab = new javafx.scene.control.Tab(text("table." + t.id(), t.title()) + " (" + t.rows().size() + ")", view);
            tab.setUserData(t.id());
            detailTabs.getTabs().add(tab);
            if (t.id().equals(selected)) {
                detailTabs.getSelectionModel().select(tab);
            }
        }
        detailTabs.setVisible(!tables.isEmpty());
        detailTabs.setManaged(!tables.isEmpty());
    }

    /** Sorts numeric cells as numbers and the rest as text. */
    static int compareCells(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a.replace(",", "")), Double.parseDouble(b.replace(",", "")));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    /**
     * Returns the detail tables shown, by id, as their rows, for tests and the shell.
     *
     * @return the rows of each table by table id
     */
    public Map<String, List<List<String>>> shownTables() {
        Map<String, List<List<String>>> out = new java.util.LinkedHashMap<>();
        for (javafx.scene.control.Tab tab : detailTabs.getTabs()) {
            @SuppressWarnings("unchecked")
            TableView<List<String>> view = (TableView<List<String>>) tab.getContent();
            out.put(String.valueOf(tab.getUserData()), List.copyOf(view.getItems()));
        }
        return out;
    }

    /**
     * Returns how many samples each mini-chart holds, by metric.
     *
     * @return the counts
     */
    public Map<String, Integer> chartedSamples() {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        series.forEach((k, v) -> out.put(k, v.getItemCount()));
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
            status.setText(m.get("status.pick"));
            return CompletableFuture.completedFuture(null);
        }
        status.setText(m.get("status.diagnosing", t.name()));
        return run("Diagnose " + t.name(), () -> withTables(service.liveDiagnosis(diag, new LiveArgs(t.id(), null))), this::show);
    }

    /**
     * Captures the selected connection into the open case and diagnoses it, in a task.
     *
     * @return when the view shows the result
     */
    public CompletableFuture<?> captureSelected() {
        ConnectionTarget t = target.getValue();
        if (t == null) {
            status.setText(m.get("status.pick"));
            return CompletableFuture.completedFuture(null);
        }
        if (cases.current().isEmpty()) {
            status.setText(m.get("status.noCase"));
            return CompletableFuture.completedFuture(null);
        }
        status.setText(m.get("status.capturing", t.name()));
        return run("Capture " + t.name(), () -> {
            var o = service.captureDiagnosis(new LiveArgs(t.id(), null));
            return Map.entry(o, withTables(o.diagnosis()));
        }, e -> {
            var o = e.getKey();
            show(e.getValue());
            status.setText(status.getText() + m.get("status.captured", String.valueOf(o.caseFolder().relativize(o.file()))));
        });
    }

    /**
     * Diagnoses a dump or saved capture, in a task.
     *
     * @param file the file
     * @return when the view shows the result
     */
    public CompletableFuture<?> diagnoseFile(Path file) {
        status.setText(m.get("status.reading", String.valueOf(file.getFileName())));
        return run("Diagnose " + file.getFileName(), () -> withTables(service.diagnoseFile(file, null, Set.of(), null)), this::show);
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
