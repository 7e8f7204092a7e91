package dev.triage.plugin.overview.ui;

import dev.triage.core.cases.CaseEvents;
import dev.triage.core.cases.CaseService;
import dev.triage.core.event.EventBus;
import dev.triage.core.finding.Severity;
import dev.triage.core.service.Registration;
import dev.triage.core.task.TaskExecutor;
import dev.triage.plugin.overview.application.OverviewReport;
import dev.triage.plugin.overview.application.OverviewService;
import dev.triage.plugin.overview.application.Trends;
import dev.triage.plugin.overview.domain.Numbers;
import dev.triage.plugin.overview.application.Watch;
import dev.triage.plugin.overview.application.WatchArgs;
import dev.triage.plugin.overview.domain.AlertEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polyline;

/**
 * The overview: one card per target with availability, key numbers, sparklines of the last hour and the worst active alert.
 * Data is read by kernel tasks, never on the JavaFX thread; the view refreshes every 10 s and when a case opens.
 */
public final class OverviewView implements dev.triage.core.ui.View {

    /** Style class of the root. */
    public static final String STYLE_CLASS = "overview-view";
    /** Metrics drawn as sparklines on each card. */
    static final List<String> TRENDS = List.of("qps", "threads_connected", "latency_ms");

    private final BorderPane root = new BorderPane();
    private final FlowPane cards = new FlowPane(12, 12);
    private final Label empty = new Label("No case open");
    private final Supplier<OverviewService> service;
    private final CaseService cases;
    private final TaskExecutor tasks;
    private final Watch watch;
    private final List<Registration> subscriptions = new ArrayList<>();
    private final Timeline refresh;
    private volatile Watch.Running collecting;
    private final TrendChart trend;

    /** What a card shows: the report's card and the sparkline series. */
    record CardData(OverviewReport.Card card, Map<String, List<Double>> trends) {
    }

    private final VBox notes = new VBox(4);
    private final javafx.scene.control.TableView<List<String>> dataTable = new javafx.scene.control.TableView<>();

    private OverviewView(Supplier<OverviewService> service, CaseService cases, TaskExecutor tasks, EventBus events, Watch watch,
                         dev.triage.plugin.overview.application.AlertInbox inbox) {
        this.service = service;
        this.cases = cases;
        this.tasks = tasks;
        this.watch = watch;
        root.getStyleClass().add(STYLE_CLASS);
        root.getStylesheets().add(OverviewView.class.getResource("overview.css").toExternalForm());
        Button reload = new Button("Refresh");
        reload.setOnAction(e -> reload());
        ToggleButton collect = new ToggleButton("Collect");
        collect.getStyleClass().add("collect");
        collect.setOnAction(e -> toggleCollect(collect.isSelected()));
        HBox bar = new HBox(8, new Label("Targets"), spacer(), collect, reload);
        bar.getStyleClass().add("toolbar");
        bar.setPadding(new Insets(8));
        notes.getStyleClass().add("alert-notes");
        notes.setPadding(new Insets(0, 12, 0, 12));
        root.setTop(new VBox(bar, notes));
        if (inbox != null) {
            showNotes(inbox.latest());
            subscriptions.add(events.subscribe(dev.triage.plugin.overview.application.AlertInbox.AlertNotified.class,
                    e -> javafx.application.Platform.runLater(() -> showNotes(inbox.latest()))));
        }
        cards.setPadding(new Insets(12));
        cards.getStyleClass().add("cards");
        empty.getStyleClass().add("empty-state");
        dataTable.getStyleClass().add("data-statistics");
        dataTable.setPlaceholder(new Label("No database sizes yet (MySQL-protocol targets report them)"));
        dataTable.setPrefHeight(220);
        List<String> headers = dev.triage.plugin.overview.application.DataStatistics.HEADERS;
        for (int i = 0; i < headers.size(); i++) {
            int col = i;
            javafx.scene.control.TableColumn<List<String>, String> c = new javafx.scene.control.TableColumn<>(headers.get(i));
            c.setCellValueFactory(r -> new javafx.beans.property.ReadOnlyStringWrapper(r.getValue().get(col)));
            dataTable.getColumns().add(c);
        }
        dataTable.setColumnResizePolicy(javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label dataTitle = new Label("Largest databases and tables");
        dataTitle.getStyleClass().add("section-title");
        VBox dataBox = new VBox(4, dataTitle, dataTable);
        dataBox.setPadding(new Insets(0, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(new VBox(empty, cards, dataBox));
        scroll.setFitToWidth(true);
        trend = new TrendChart(this::reload);
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(scroll, trend.node());
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        root.setCenter(split);
        subscriptions.add(events.subscribe(CaseEvents.Opened.class, e -> reload()));
        subscriptions.add(events.subscribe(CaseEvents.Closed.class, e -> reload()));
        refresh = new Timeline(new KeyFrame(javafx.util.Duration.seconds(10), e -> reload()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
        reload();
    }

    /**
     * Creates the view.
     *
     * @param service the service of the open case
     * @param cases the case service
     * @param tasks the kernel's tasks (all reads run there)
     * @param events the event bus
     * @param watch starts and stops collection from the view
     * @return the view
     */
    public static OverviewView create(Supplier<OverviewService> service, CaseService cases, TaskExecutor tasks, EventBus events, Watch watch) {
        return new OverviewView(service, cases, tasks, events, watch, null);
    }

    /**
     * Creates the view with the in-app alert notifications shown above the cards.
     *
     * @param service the service of the open case
     * @param cases the case service
     * @param tasks the kernel's tasks (all reads run there)
     * @param events the event bus
     * @param watch starts and stops collection from the view
     * @param inbox the in-app notifier
     * @return the view
     */
    public static OverviewView create(Supplier<OverviewService> service, CaseService cases, TaskExecutor tasks, EventBus events, Watch watch,
                                      dev.triage.plugin.overview.application.AlertInbox inbox) {
        return new OverviewView(service, cases, tasks, events, watch, inbox);
    }

    /** The latest three notifications, newest first, each one line coloured by firing or resolved. */
    private void showNotes(List<dev.triage.plugin.overview.application.AlertInbox.AlertNotified> latest) {
        notes.getChildren().clear();
        for (var n : latest.subList(0, Math.min(3, latest.size()))) {
            Label l = new Label(n.at().toString().replace('T', ' ').replaceAll("\\.\\d+Z$|Z$", "") + "  " + n.group().title() + "  "
                    + n.group().alerts().stream().map(a -> a.summary()).distinct().limit(3).collect(java.util.stream.Collectors.joining("; ")));
            l.getStyleClass().addAll("alert-note", n.group().status() == dev.triage.plugin.overview.domain.Notification.Status.FIRING
                    ? "firing" : "resolved");
            l.setMaxWidth(Double.MAX_VALUE);
            notes.getChildren().add(l);
        }
    }

    /**
     * The notification lines shown (for tests).
     *
     * @return the texts
     */
    List<String> noteTexts() {
        return notes.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private void toggleCollect(boolean on) {
        if (on && collecting == null && cases.current().isPresent()) {
            collecting = watch.start(new WatchArgs(null, null, null, null, null));
        } else if (!on && collecting != null) {
            Watch.Running r = collecting;
            collecting = null;
            tasks.submit("Stop overview collection", ctx -> r.collector().stop(Duration.ofSeconds(60)));
        }
    }

    /** Reads the cards in a kernel task and shows them on the JavaFX thread. */
    void reload() {
        if (cases.current().isEmpty()) {
            Platform.runLater(() -> {
                show(null);
                trend.show(List.of());
                dataTable.getItems().clear();
            });
            return;
        }
        String metric = trend.metric();
        Trends.Range range = trend.range();
        tasks.submit("Overview refresh", ctx -> {
            OverviewService s = service.get();
            List<CardData> out = new ArrayList<>();
            Instant since = Instant.now().minus(Duration.ofHours(1));
            for (OverviewReport.Card c : OverviewReport.of(s).cards()) {
                Map<String, List<Double>> trends = new LinkedHashMap<>();
                for (String m : TRENDS) {
                    trends.put(m, s.store().series(c.snapshot().target(), m, since).stream().map(Map.Entry::getValue).toList());
                }
                out.add(new CardData(c, trends));
            }
            List<String> targets = out.stream().map(d -> d.card().snapshot().target()).toList();
            List<Trends.Series> series = Trends.load(s.store(), targets, metric, range, Instant.now());
            List<TrendChart.ForecastBand> bands = new ArrayList<>();
            if (OverviewService.STORAGE.equals(metric) && range.daily()) {
                double today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toEpochDay();
                for (String t : targets) {
                    s.forecast(t).ifPresent(f -> {
                        double days = f.forecast().daysHigh();
                        double ahead = Double.isFinite(days) ? Math.min(90, Math.max(7, Math.ceil(days))) : 90;
                        bands.add(new TrendChart.ForecastBand(t, f.forecast().band(today, today + ahead, 30), f.limit()));
                    });
                }
            }
            List<List<String>> sizes = dev.triage.plugin.overview.application.DataStatistics.of(s.store(),
                    out.stream().map(d -> d.card().snapshot()).toList(), Instant.now()).stream()
                    .map(dev.triage.plugin.overview.application.DataStatistics::cells).toList();
            Platform.runLater(() -> {
                show(out);
                trend.show(series);
                trend.showForecast(bands);
                dataTable.getItems().setAll(sizes);
            });
            return out.size();
        });
    }

    private void show(List<CardData> data) {
        cards.getChildren().clear();
        if (data == null) {
            empty.setText("No case open");
        } else if (data.isEmpty()) {
            empty.setText("No samples yet: press Collect, or run triage watch --case DIR");
        }
        empty.setVisible(data == null || data.isEmpty());
        empty.setManaged(empty.isVisible());
        if (data != null) {
            data.forEach(d -> cards.getChildren().add(card(d)));
        }
    }

    private static Node card(CardData d) {
        OverviewReport.Card c = d.card();
        VBox box = new VBox(6);
        box.getStyleClass().addAll("target-card", "state-" + state(c));
        box.setPadding(new Insets(12));
        box.setPrefWidth(300);
        Label title = new Label(c.snapshot().target());
        title.getStyleClass().add("card-title");
        Label status = new Label((c.snapshot().up() ? "UP " : "DOWN ") + c.snapshot().version());
        status.getStyleClass().add(c.snapshot().up() ? "up" : "down");
        box.getChildren().addAll(title, status);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(2);
        int row = 0;
        for (Map.Entry<String, String> m : OverviewReport.KEY_METRICS) {
            if (!Double.isNaN(c.snapshot().metric(m.getKey()))) {
                Label name = new Label(m.getValue());
                name.getStyleClass().add("metric-name");
                Label value = new Label(c.value(m.getKey()));
                value.getStyleClass().add("metric-value");
                value.setId("metric-" + m.getKey());
                grid.addRow(row++, name, value);
            }
        }
        if (row < 3 && c.snapshot().up()) {
            List<String> others = c.snapshot().metrics().keySet().stream().filter(k -> !k.equals("up") && !k.startsWith("db.")
                    && !k.startsWith("table.") && OverviewReport.KEY_METRICS.stream().noneMatch(m -> m.getKey().equals(k)))
                    .sorted(java.util.Comparator.comparing((String k) -> !k.equals("latency_ms")).thenComparing(k -> k)).limit(7).toList();
            for (String k : others) {
                Label name = new Label(k);
                name.getStyleClass().add("metric-name");
                double v = c.snapshot().metric(k);
                Label value = new Label(k.contains("memory") && !k.endsWith("ratio") ? Numbers.bytes(v) : c.value(k));
                value.getStyleClass().add("metric-value");
                value.setId("metric-" + k);
                grid.addRow(row++, name, value);
            }
        }
        box.getChildren().add(grid);
        for (Map.Entry<String, List<Double>> t : d.trends().entrySet()) {
            if (t.getValue().size() < 2) {
                continue;
            }
            Label name = new Label(t.getKey() + " (1 h)");
            name.getStyleClass().add("metric-name");
            box.getChildren().addAll(name, sparkline(t.getValue()));
        }
        Label forecast = new Label("Storage: " + c.forecastText());
        forecast.getStyleClass().add("metric-name");
        box.getChildren().add(forecast);
        if (!c.alerts().isEmpty()) {
            AlertEngine.Active worst = c.alerts().get(0);
            Label alert = new Label(worst.state() + " " + worst.rule().severity() + ": " + worst.rule().describe(worst.target(), worst.value()));
            alert.setWrapText(true);
            alert.getStyleClass().addAll("worst-alert", "alert-" + worst.rule().severity().name().toLowerCase(java.util.Locale.ROOT));
            box.getChildren().add(alert);
        }
        return box;
    }

    /** The card's colour: the worst firing alert's severity, "down" when the target does not answer, else "ok". */
    static String state(OverviewReport.Card c) {
        if (!c.snapshot().up()) {
            return "critical";
        }
        return c.alerts().stream().filter(a -> a.state() == dev.triage.plugin.overview.domain.AlertState.FIRING).map(a -> a.rule().severity())
                .max(Enum::compareTo).map(s -> s == Severity.CRITICAL ? "critical" : s == Severity.WARNING ? "warning" : "ok").orElse("ok");
    }

    static Polyline sparkline(List<Double> values) {
        Polyline line = new Polyline();
        line.getStyleClass().add("sparkline");
        double w = 270;
        double h = 30;
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double span = max - min == 0 ? 1 : max - min;
        for (int i = 0; i < values.size(); i++) {
            double x = values.size() == 1 ? 0 : i * w / (values.size() - 1);
            line.getPoints().addAll(x, h - (values.get(i) - min) / span * h);
        }
        return line;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        refresh.stop();
        subscriptions.forEach(Registration::close);
        subscriptions.clear();
        toggleCollect(false);
    }
}
