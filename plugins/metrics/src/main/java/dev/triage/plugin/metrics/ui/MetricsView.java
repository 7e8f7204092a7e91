package dev.triage.plugin.metrics.ui;

import dev.triage.core.cases.CaseEvents;
import dev.triage.core.cases.CaseService;
import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionStore;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.event.EventBus;
import dev.triage.core.event.TimeRangeSelected;
import dev.triage.core.i18n.Messages;
import dev.triage.core.service.Registration;
import dev.triage.core.task.TaskExecutor;
import dev.triage.core.ui.View;
import dev.triage.plugin.metrics.application.FetchArgs;
import dev.triage.plugin.metrics.application.MetricsChart;
import dev.triage.plugin.metrics.application.MetricsService;
import dev.triage.plugin.metrics.domain.Anomaly;
import dev.triage.plugin.metrics.domain.AnomalyDetector;
import dev.triage.plugin.metrics.domain.Series;
import dev.triage.plugin.metrics.domain.SeriesKey;
import java.awt.Color;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.application.Platform;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;

/**
 * The metrics view: a toolbar to fetch a query set from Prometheus, a PromQL box with completion of metric and label
 * names, and a grid of themed JFreeChart time-series charts. Zooming a chart to a time range (drag) applies it to every
 * chart and publishes a {@link TimeRangeSelected} on the EventBus; ranges selected by other views are applied here.
 */
public final class MetricsView implements View {

    /** The style class of the root node. */
    public static final String STYLE_CLASS = "metrics-view";
    /** The source name of the time ranges this view publishes. */
    public static final String SOURCE = "metrics.view";

    private final MetricsService service;
    private final CaseService cases;
    private final TaskExecutor tasks;
    private final EventBus events;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final TilePane grid = new TilePane();
    private final Label status = new Label();
    private final TextField url = new TextField();
    private final ComboBox<ConnectionTarget> connection = new ComboBox<>();
    private final ConnectionStore connections;
    private final ComboBox<String> set = new ComboBox<>();
    private final TextField since = new TextField();
    private final TextField until = new TextField();
    private final TextField query = new TextField();
    private final CheckBox log = new CheckBox();
    private final ContextMenu completion = new ContextMenu();
    private final List<ChartViewer> viewers = new ArrayList<>();
    private final List<Registration> subscriptions = new ArrayList<>();
    private final Set<String> names = new TreeSet<>();
    private final StackPane swatches = new StackPane();
    private List<Shown> shown = List.of();
    private boolean syncing;
    private volatile boolean disposed;

    /** A chart with its anomaly marks, computed off the JavaFX thread. */
    private record Shown(MetricsService.Chart chart, List<Anomaly> marks) {
    }

    private MetricsView(MetricsService service, CaseService cases, TaskExecutor tasks, EventBus events, Messages messages,
            ConnectionStore connections) {
        this.service = service;
        this.connections = connections;
        this.cases = cases;
        this.tasks = tasks;
        this.events = events;
        this.messages = messages;
    }

    /**
     * Creates the view (on the JavaFX thread).
     *
     * @param service the metrics use cases
     * @param cases the open case
     * @param tasks where loading and fetching run
     * @param events the bus, for case events and the shared time cursor
     * @param messages the texts
     * @param connections the saved connections (the PROMETHEUS ones are offered as sources), or null
     * @return the view
     */
    public static MetricsView create(MetricsService service, CaseService cases, TaskExecutor tasks, EventBus events, Messages messages,
            ConnectionStore connections) {
        MetricsView v = new MetricsView(service, cases, tasks, events, messages, connections);
        v.build();
        return v;
    }

    private void build() {
        root.getStyleClass().add(STYLE_CLASS);
        root.getStylesheets().add(MetricsView.class.getResource("metrics.css").toExternalForm());
        url.setPromptText(messages.get("view.prometheus"));
        url.setPrefColumnCount(14);
        url.getStyleClass().add("prometheus-url");
        connection.getStyleClass().add("prometheus-connection");
        connection.setMinWidth(Region.USE_PREF_SIZE);
        connection.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ConnectionTarget t) {
                return t == null ? messages.get("view.connection.url") : t.name() + " (" + t.host() + ":" + t.port() + ")";
            }

            @Override
            public ConnectionTarget fromString(String text) {
                return null;
            }
        });
        connection.setPromptText(messages.get("view.connection.url"));
        connection.valueProperty().addListener((o, a, b) -> url.setDisable(b != null));
        refreshConnections();
        connection.setOnShowing(e -> refreshConnections());
        set.getItems().addAll(service.sets().names());
        set.setValue("node");
        set.getStyleClass().add("query-set");
        since.setPromptText("-1h");
        since.setPrefColumnCount(9);
        until.setPromptText("now");
        until.setPrefColumnCount(9);
        Button fetch = new Button(messages.get("view.fetch"));
        fetch.getStyleClass().add("fetch");
        fetch.setOnAction(e -> fetch(List.of()));
        log.setText(messages.get("view.log"));
        log.selectedProperty().addListener((o, a, b) -> show(shown));
        HBox source = new HBox(new Label(messages.get("view.set")), set, connection, url, new Label(messages.get("view.since")), since,
                new Label(messages.get("view.until")), until, fetch, log);
        source.getStyleClass().add("tool-bar-row");
        source.getChildren().forEach(n -> {
            if (n instanceof javafx.scene.control.Labeled l) {
                l.setMinWidth(Region.USE_PREF_SIZE); // the fields shrink, the words stay whole
            }
        });
        query.setPromptText(messages.get("view.query"));
        query.getStyleClass().add("promql");
        HBox.setHgrow(query, Priority.ALWAYS);
        Button showButton = new Button(messages.get("view.show"));
        showButton.getStyleClass().add("show");
        showButton.setOnAction(e -> showQuery(query.getText()));
        query.setOnAction(e -> showQuery(query.getText()));
        query.textProperty().addListener((o, a, b) -> complete(b));
        HBox promql = new HBox(query, showButton);
        promql.getStyleClass().add("tool-bar-row");
        root.setTop(new VBox(source, promql));
        grid.getStyleClass().add("chart-grid");
        grid.setPrefColumns(2);
        grid.setPrefTileWidth(560);
        grid.setPrefTileHeight(300);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.widthProperty().addListener((o, a, b) -> grid.setPrefTileWidth(Math.max(360, (b.doubleValue() - 40) / 2)));
        for (String s : List.of("bg", "fg", "grid", "mark", "1", "2", "3", "4", "5", "6", "7", "8")) {
            Region r = new Region();
            r.getStyleClass().add("swatch-" + s);
            swatches.getChildren().add(r);
        }
        swatches.setManaged(false);
        swatches.setVisible(false);
        root.setCenter(new StackPane(scroll, swatches));
        status.getStyleClass().add("status");
        root.setBottom(status);
        subscriptions.add(events.subscribe(CaseEvents.Opened.class, e -> reload()));
        subscriptions.add(events.subscribe(CaseEvents.Imported.class, e -> reload()));
        subscriptions.add(events.subscribe(CaseEvents.Closed.class, e -> Platform.runLater(() -> show(List.of()))));
        subscriptions.add(events.subscribe(TimeRangeSelected.class, e -> {
            if (!SOURCE.equals(e.source())) {
                Platform.runLater(() -> select(e.from(), e.to(), false));
            }
        }));
        show(List.of());
        reload();
    }

    @Override
    public BorderPane node() {
        return root;
    }

    /**
     * Returns the charts shown, for tests.
     *
     * @return the charts
     */
    public List<JFreeChart> charts() {
        return viewers.stream().map(ChartViewer::getChart).toList();
    }

    /**
     * Returns the metric and label names offered by the PromQL box's completion.
     *
     * @return the names
     */
    public Set<String> completionNames() {
        return java.util.Collections.unmodifiableSet(names);
    }

    /**
     * Returns the completion popup, for tests.
     *
     * @return the popup
     */
    ContextMenu completion() {
        return completion;
    }

    private void reload() {
        run(ctx -> {
            var charts = withMarks(service.charts(24));
            Set<String> known = new TreeSet<>();
            var incident = cases.current().flatMap(dev.triage.core.cases.Case::incidentWindow);
            cases.current().ifPresent(c -> {
                try {
                    for (SeriesKey k : service.store().keys(c)) {
                        known.add(k.metric());
                        known.addAll(k.labels().keySet());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Platform.runLater(() -> {
                names.clear();
                names.addAll(known);
                since.setPromptText(incident.map(w -> w.from().toString()).orElse("-1h"));
                until.setPromptText(incident.map(w -> w.until().toString()).orElse("now"));
                show(charts);
            });
        });
    }

    private void fetch(List<String> extra) {
        String u = url.getText();
        String id = connection.getValue() == null ? null : connection.getValue().id();
        String s = set.getValue();
        String from = since.getText().isBlank() ? null : since.getText();
        String to = until.getText().isBlank() ? null : until.getText();
        status.setText(messages.get("view.fetch") + " " + u + " …");
        run(ctx -> {
            var r = service.fetch(new FetchArgs(id == null ? u : null, id, extra.isEmpty() ? s : null, extra, from, to, null, null), ctx);
            Platform.runLater(() -> status.setText(r.text().lines().findFirst().orElse("")));
            try {
                var source = service.source(id == null ? u : null, id);
                Set<String> remote = new TreeSet<>(source.labelValues("__name__"));
                remote.addAll(source.labels());
                Platform.runLater(() -> names.addAll(remote));
            } catch (Exception e) {
                // completion from the server is a convenience; the fetch result is already shown
            }
            reload();
        });
    }

    private void showQuery(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        completion.hide();
        run(ctx -> {
            MetricsService.Chart chart = null;
            try {
                chart = service.chartOf(text, Long.MIN_VALUE, Long.MAX_VALUE);
            } catch (IllegalArgumentException e) {
                if (url.getText().isBlank() && connection.getValue() == null) {
                    throw e;
                }
            }
            if ((chart == null || chart.series().isEmpty()) && (!url.getText().isBlank() || connection.getValue() != null)) {
                Platform.runLater(() -> fetch(List.of(text)));
                return;
            }
            Shown found = withMarks(List.of(chart)).get(0);
            Platform.runLater(() -> {
                List<Shown> next = new ArrayList<>();
                next.add(found);
                shown.stream().filter(c -> !c.chart().query().equals(found.chart().query())).forEach(next::add);
                show(next);
            });
        });
    }

    private void complete(String text) {
        int start = Math.max(0, lastTokenStart(text));
        String prefix = text.substring(start);
        if (prefix.length() < 2 || !query.isFocused() && query.getScene() != null && query.getScene().getWindow() != null
                && query.getScene().getWindow().isFocused()) {
            completion.hide();
            return;
        }
        List<CustomMenuItem> items = names.stream().filter(n -> n.startsWith(prefix) && !n.equals(prefix)).limit(15).map(n -> {
            CustomMenuItem item = new CustomMenuItem(new Label(n), true);
            item.setOnAction(e -> {
                query.setText(text.substring(0, start) + n);
                query.positionCaret(query.getText().length());
            });
            return item;
        }).toList();
        completion.getItems().setAll(items);
        if (items.isEmpty()) {
            completion.hide();
        } else if (!completion.isShowing() && query.getScene() != null && query.getScene().getWindow() != null) {
            completion.show(query, Side.BOTTOM, 0, 0);
        }
    }

    private static int lastTokenStart(String text) {
        int i = text.length();
        while (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_' || text.charAt(i - 1) == ':')) {
            i--;
        }
        return i;
    }

    private static List<Shown> withMarks(List<MetricsService.Chart> charts) {
        List<Shown> out = new ArrayList<>();
        for (MetricsService.Chart c : charts) {
            out.add(new Shown(c, AnomalyDetector.DEFAULT.marks(c.series())));
        }
        return out;
    }

    private void refreshConnections() {
        List<ConnectionTarget> saved = new ArrayList<>();
        saved.add(null);
        try {
            if (connections != null) {
                connections.list().stream().filter(t -> t.kind() == ConnectionKind.PROMETHEUS).forEach(saved::add);
            }
        } catch (java.io.IOException e) {
            status.setText(e.getMessage());
        }
        ConnectionTarget current = connection.getValue();
        connection.getItems().setAll(saved);
        connection.setValue(current == null ? null : saved.stream().filter(t -> t != null && t.id().equals(current.id())).findFirst().orElse(null));
    }

    /**
     * Returns the connections offered as sources (null first: the URL field), for tests.
     *
     * @return the picker's items
     */
    List<ConnectionTarget> connectionChoices() {
        return java.util.Collections.unmodifiableList(new ArrayList<>(connection.getItems()));
    }

    private void show(List<Shown> charts) {
        shown = List.copyOf(charts);
        viewers.clear();
        grid.getChildren().clear();
        if (charts.isEmpty()) {
            Label empty = new Label(messages.get("view.empty"));
            empty.getStyleClass().add("empty-state");
            grid.getChildren().add(empty);
            return;
        }
        MetricsChart.Palette palette = palette();
        for (Shown sh : charts) {
            MetricsService.Chart c = sh.chart();
            List<Anomaly> marks = sh.marks();
            JFreeChart chart = MetricsChart.create(c.title(), c.series(), marks, log.isSelected(), palette);
            ChartViewer viewer = new ChartViewer(chart);
            viewer.getStyleClass().add("chart-cell");
            viewer.setPrefSize(560, 300);
            viewer.addChartMouseListener(new org.jfree.chart.fx.interaction.ChartMouseListenerFX() {
                @Override
                public void chartMouseClicked(org.jfree.chart.fx.interaction.ChartMouseEventFX event) {
                }

                @Override
                public void chartMouseMoved(org.jfree.chart.fx.interaction.ChartMouseEventFX event) {
                    hover(viewer, c, event);
                }
            });
            chart.getXYPlot().getDomainAxis().addChangeListener(e -> {
                if (!syncing) {
                    Range r = chart.getXYPlot().getDomainAxis().getRange();
                    Platform.runLater(() -> select(Instant.ofEpochMilli((long) r.getLowerBound()),
                            Instant.ofEpochMilli((long) r.getUpperBound()), true));
                }
            });
            viewer.setUserData(c);
            viewers.add(viewer);
            grid.getChildren().add(viewer);
        }
        status.setText(charts.size() + " charts, " + charts.stream().mapToLong(c -> c.chart().series().size()).sum() + " series");
    }

    private void hover(ChartViewer viewer, MetricsService.Chart c, org.jfree.chart.fx.interaction.ChartMouseEventFX event) {
        var area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        XYPlot plot = viewer.getChart().getXYPlot();
        double x = plot.getDomainAxis().java2DToValue(event.getTrigger().getX(), area, plot.getDomainAxisEdge());
        StringBuilder b = new StringBuilder(Instant.ofEpochMilli((long) x).toString());
        List<String> legends = MetricsChart.legends(c.series().stream().map(Series::key).toList());
        for (int i = 0; i < c.series().size() && i < 4; i++) {
            Series s = c.series().get(i);
            int at = java.util.Arrays.binarySearch(s.times(), (long) x);
            int idx = Math.min(s.size() - 1, at >= 0 ? at : -at - 1);
            if (idx >= 0) {
                b.append("   ").append(legends.get(i)).append(" = ").append(String.format(java.util.Locale.ROOT, "%.4g", s.values()[idx]));
            }
        }
        status.setText(b.toString());
    }

    /**
     * Selects a time range on every chart (zoom and shade); publishes it when the user made it here.
     *
     * @param from the start
     * @param to the end
     * @param publish true when this view made the selection
     */
    void select(Instant from, Instant to, boolean publish) {
        if (!to.isAfter(from)) {
            return;
        }
        syncing = true;
        try {
            for (ChartViewer v : viewers) {
                XYPlot plot = v.getChart().getXYPlot();
                plot.getDomainAxis().setRange(from.toEpochMilli(), to.toEpochMilli());
                plot.configureRangeAxes();
                plot.clearDomainMarkers();
                if (!publish) {
                    IntervalMarker marker = new IntervalMarker(from.toEpochMilli(), to.toEpochMilli());
                    Color accent = palette().lines().get(0);
                    marker.setPaint(new Color(accent.getRed(), accent.getGreen(), accent.getBlue(), 40));
                    plot.addDomainMarker(marker, Layer.BACKGROUND);
                }
            }
        } finally {
            syncing = false;
        }
        status.setText(messages.get("view.selected", from, to));
        if (publish) {
            events.publish(new TimeRangeSelected(from, to, SOURCE));
        }
    }

    private MetricsChart.Palette palette() {
        if (root.getScene() == null) {
            return MetricsChart.Palette.LIGHT;
        }
        swatches.applyCss();
        MetricsChart.Palette d = MetricsChart.Palette.LIGHT;
        List<Color> lines = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            lines.add(colour("swatch-" + i, d.lines().get(i - 1)));
        }
        return new MetricsChart.Palette(colour("swatch-bg", d.background()), colour("swatch-fg", d.foreground()),
                colour("swatch-grid", d.grid()), lines, colour("swatch-mark", d.mark()));
    }

    private Color colour(String styleClass, Color fallback) {
        for (var n : swatches.getChildren()) {
            if (n.getStyleClass().contains(styleClass) && n instanceof Region r && r.getBackground() != null
                    && !r.getBackground().getFills().isEmpty() && r.getBackground().getFills().get(0).getFill() instanceof javafx.scene.paint.Color c) {
                return new Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
            }
        }
        return fallback;
    }

    private void run(Work work) {
        tasks.submit("metrics view", ctx -> {
            if (disposed) {
                return null;
            }
            try {
                work.run(ctx);
            } catch (Exception e) {
                Platform.runLater(() -> status.setText(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            return null;
        });
    }

    /** Background work of the view. */
    private interface Work {
        void run(dev.triage.core.task.TaskContext ctx) throws Exception;
    }

    @Override
    public void dispose() {
        disposed = true;
        subscriptions.forEach(Registration::close);
        subscriptions.clear();
    }
}
