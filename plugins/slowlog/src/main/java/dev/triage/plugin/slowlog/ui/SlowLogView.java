package dev.triage.plugin.slowlog.ui;

import dev.triage.core.command.CommandBus;
import dev.triage.core.cases.CaseService;
import dev.triage.core.event.EventBus;
import dev.triage.core.i18n.Messages;
import dev.triage.core.task.TaskExecutor;
import dev.triage.plugin.slowlog.application.SlowLogDigests;
import javafx.application.Platform;
import dev.triage.core.ui.View;
import dev.triage.plugin.slowlog.application.DigestGroup;
import dev.triage.plugin.slowlog.application.DigestOrder;
import dev.triage.plugin.slowlog.application.DigestRow;
import dev.triage.plugin.slowlog.application.TimelinePoint;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.shape.Rectangle;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.fxmisc.richtext.CodeArea;

/**
 * The slow-log explorer: a filter bar, the sortable table of query classes of the current case, and a detail pane with
 * the selected class's fingerprint, slowest statement and statistics. All state lives in {@link SlowLogViewModel}.
 */
public final class SlowLogView implements View, dev.triage.core.ui.Revealing {

    /** The root style class; {@code slowlog.css} is scoped under it. */
    public static final String STYLE_CLASS = "slowlog-view";
    private static final int ID_CHARS = 16;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final SlowLogViewModel model;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final TableView<DigestRow> table = new TableView<>();
    private final Label placeholder = new Label();
    private final CodeArea fingerprint = new CodeArea();
    private final CodeArea sample = new CodeArea();
    private final GridPane stats = new GridPane();
    private final Label detailTitle = new Label();
    private final NumberAxis timeAxis = new NumberAxis();
    private final NumberAxis secondsAxis = new NumberAxis();
    private final AreaChart<Number, Number> chart = new AreaChart<>(timeAxis, secondsAxis);
    private final BarChart<String, Number> histogram = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final Rectangle brush = new Rectangle();
    private final SampleActions actions;
    private final TaskExecutor tasks;
    private final HBox importStrip = new HBox(8);
    private double brushStart = Double.NaN;
    private boolean disposed;
    private final NumberFormat seconds;
    private final NumberFormat integer;
    private final NumberFormat percent;

    /**
     * Builds the view over its model.
     *
     * @param model the state
     * @param messages the plugin's texts
     */
    public SlowLogView(SlowLogViewModel model, Messages messages, SampleActions actions, TaskExecutor tasks) {
        this.model = model;
        this.messages = messages;
        this.actions = actions;
        this.tasks = tasks;
        Locale locale = messages.locale();
        seconds = NumberFormat.getNumberInstance(locale);
        seconds.setMinimumFractionDigits(3);
        seconds.setMaximumFractionDigits(3);
        integer = NumberFormat.getIntegerInstance(locale);
        percent = NumberFormat.getPercentInstance(locale);
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        root.getStyleClass().add(STYLE_CLASS);
        root.getStylesheets().add(SlowLogView.class.getResource("slowlog.css").toExternalForm());
        root.setTop(filterBar());
        // the detail scrolls rather than forcing its height on the dock: a small area must never push over the tabs
        javafx.scene.control.ScrollPane detailScroll = new javafx.scene.control.ScrollPane(detailPane());
        detailScroll.setFitToWidth(true);
        detailScroll.setMinHeight(0);
        detailScroll.getStyleClass().add("edge-to-edge");
        SplitPane split = new SplitPane(tablePane(), detailScroll);
        split.setMinHeight(0);
        root.setMinSize(0, 0);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.48);
        root.setCenter(split);
        root.setBottom(new VBox(importStrip(), statusBar()));
        model.timeline().addListener((ListChangeListener<TimelinePoint>) ch -> showTimeline());
        model.selectedProperty().addListener((o, a, b) -> {
            showDetail(b);
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
                table.scrollTo(b);
            }
        });
        showDetail(model.selectedProperty().get());
    }

    /**
     * Creates the view and its model, handing task results back on the JavaFX thread; call on that thread.
     *
     * @param digests the digest use cases
     * @param cases tells which case is open
     * @param tasks runs the digest
     * @param events the bus whose case events refresh the view
     * @param messages the plugin's texts
     * @param commands the bus through which samples open in the SQL editor
     * @return the view
     */
    public static SlowLogView create(SlowLogDigests digests, CaseService cases, TaskExecutor tasks, EventBus events, Messages messages,
            CommandBus commands) {
        return new SlowLogView(new SlowLogViewModel(digests, cases, tasks, events, messages, Platform::runLater), messages,
                new SampleActions(commands), tasks);
    }

    private Node filterBar() {
        Button apply = new Button(messages.get("view.filter.apply"));
        apply.getStyleClass().add("accent");
        apply.setDefaultButton(false);
        apply.setOnAction(e -> model.refresh());
        Button clear = new Button(messages.get("view.filter.clear"));
        clear.getStyleClass().add("flat");
        clear.setOnAction(e -> model.clearFilters());
        ComboBox<DigestOrder> order = new ComboBox<>();
        order.getItems().setAll(DigestOrder.values());
        order.valueProperty().bindBidirectional(model.orderProperty());
        order.setConverter(new StringConverter<>() {
            @Override
            public String toString(DigestOrder o) {
                return o == null ? "" : messages.get("view.order." + o.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public DigestOrder fromString(String s) {
                return null;
            }
        });
        order.setOnAction(e -> model.refresh());
        order.setTooltip(new Tooltip(messages.get("view.order.tooltip")));
        ComboBox<DigestGroup> group = new ComboBox<>();
        group.getItems().setAll(DigestGroup.values());
        group.valueProperty().bindBidirectional(model.groupProperty());
        group.setConverter(new StringConverter<>() {
            @Override
            public String toString(DigestGroup g) {
                return g == null ? "" : messages.get("view.group." + g.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public DigestGroup fromString(String s) {
                return null;
            }
        });
        group.setOnAction(e -> model.refresh());
        group.setTooltip(new Tooltip(messages.get("view.group.tooltip")));
        Label orderLabel = new Label(messages.get("view.order"));
        HBox orderBox = new HBox(6, new Label(messages.get("view.group")), group, orderLabel, order);
        orderBox.getStyleClass().add("filter-item");
        List<Node> items = new ArrayList<>();
        items.add(field("since", model.sinceProperty(), 112));
        items.add(field("until", model.untilProperty(), 112));
        items.add(field("db", model.dbProperty(), 90));
        items.add(field("user", model.userProperty(), 80));
        items.add(field("host", model.hostProperty(), 90));
        items.add(field("min-time", model.minTimeProperty(), 114));
        items.add(field("match", model.matchProperty(), 170));
        items.add(orderBox);
        items.add(apply);
        items.add(clear);
        FlowPane bar = new FlowPane(6, 6);
        bar.getChildren().setAll(items);
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private TextField field(String key, StringProperty property, double width) {
        TextField f = new TextField();
        f.getStyleClass().add("filter-field");
        f.setPromptText(messages.get("view.filter." + key));
        f.setTooltip(new Tooltip(messages.get("view.filter." + key + ".tooltip")));
        f.setPrefColumnCount(1);
        f.setPrefWidth(width);
        f.textProperty().bindBidirectional(property);
        f.setOnAction(e -> model.refresh());
        return f;
    }

    private Node tablePane() {
        SortedList<DigestRow> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getStyleClass().addAll("classes", "dense");
        table.setMinHeight(150);
        placeholder.getStyleClass().add("empty-state");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(model.statusProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.visibleProperty().bind(model.busyProperty());
        spinner.setMaxSize(28, 28);
        VBox empty = new VBox(10, spinner, placeholder);
        empty.getStyleClass().add("empty-box");
        empty.setAlignment(javafx.geometry.Pos.CENTER);
        table.setPlaceholder(empty);
        model.stateProperty().addListener((o, a, b) -> placeholder.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), b == SlowLogViewModel.State.ERROR));
        table.getColumns().setAll(List.of(
                column("rank", DigestRow::rank, integer, 56),
                idColumn(),
                column("count", DigestRow::count, integer, 76),
                column("time", r -> r.queryTime().sum(), seconds, 100),
                column("share", DigestRow::share, percent, 72),
                column("avg", r -> r.queryTime().avg(), seconds, 80),
                column("p95", r -> r.queryTime().p95(), seconds, 84),
                column("max", r -> r.queryTime().max(), seconds, 84),
                column("examined", r -> r.rowsExamined().sum(), integer, 140),
                textColumn("fingerprint", DigestRow::fingerprint, 420, "mono")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.select(b));
        // the detail pane is never blank while there are rows: the top class is shown until the user picks another
        model.rows().addListener((ListChangeListener<DigestRow>) ch -> {
            if (!sorted.isEmpty() && table.getSelectionModel().isEmpty() && model.selectedProperty().get() == null) {
                table.getSelectionModel().select(0);
            }
        });
        return table;
    }

    private TableColumn<DigestRow, Number> column(String key, Function<DigestRow, Number> value, NumberFormat format, double width) {
        TableColumn<DigestRow, Number> c = new TableColumn<>(messages.get("view.column." + key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setComparator((a, b) -> Double.compare(a == null ? Double.NEGATIVE_INFINITY : a.doubleValue(),
                b == null ? Double.NEGATIVE_INFINITY : b.doubleValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.format(item));
            }
        });
        c.getStyleClass().add("number");
        c.setPrefWidth(width);
        c.setMinWidth(width);
        return c;
    }

    private TableColumn<DigestRow, String> idColumn() {
        TableColumn<DigestRow, String> c = textColumn("id", DigestRow::checksum, 150, "mono");
        // the class id is 32 hex digits; 16 tell classes apart in a table (pt-query-digest's profile cuts it too)
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.length() > ID_CHARS ? item.substring(0, ID_CHARS) : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        return c;
    }

    private TableColumn<DigestRow, String> textColumn(String key, Function<DigestRow, String> value, double width, String style) {
        TableColumn<DigestRow, String> c = new TableColumn<>(messages.get("view.column." + key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.getStyleClass().add(style);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 200));
        return c;
    }

    private Node detailPane() {
        detailTitle.getStyleClass().add("detail-title");
        detailTitle.visibleProperty().bind(model.stateProperty().isEqualTo(SlowLogViewModel.State.ROWS));
        fingerprint.getStyleClass().addAll("code", "fingerprint");
        sample.getStyleClass().addAll("code", "sample");
        for (CodeArea a : List.of(fingerprint, sample)) {
            a.setEditable(false);
            a.setWrapText(true);
            a.setMinHeight(40);
        }
        fingerprint.setPrefHeight(48);
        sample.setPrefHeight(72);
        Label fpLabel = caption("view.detail.fingerprint");
        Label sampleLabel = caption("view.detail.sample");
        Button edit = new Button(messages.get("view.sample.edit"));
        Button explain = new Button(messages.get("view.sample.explain"));
        edit.setOnAction(e -> openSample(false));
        explain.setOnAction(e -> openSample(true));
        boolean editor = actions.available();
        for (Button b : List.of(edit, explain)) {
            b.getStyleClass().addAll("small", "flat");
            if (editor) {
                b.disableProperty().bind(model.selectedProperty().isNull());
            } else {
                b.setDisable(true);
            }
        }
        edit.setTooltip(new Tooltip(messages.get(editor ? "view.sample.edit.tooltip" : "view.sample.no-editor")));
        explain.setTooltip(new Tooltip(messages.get(editor ? "view.sample.explain.tooltip" : "view.sample.no-editor")));
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox titleRow = new HBox(8, detailTitle, spacer, edit, explain);
        titleRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        edit.visibleProperty().bind(detailTitle.visibleProperty());
        explain.visibleProperty().bind(detailTitle.visibleProperty());
        Label brushHint = caption("view.chart.brush");
        brushHint.getStyleClass().add("hint");
        VBox text = new VBox(4, fpLabel, fingerprint, sampleLabel, sample, new HBox(8, caption("view.chart.title"), brushHint),
                timelineChart());
        VBox.setVgrow(chart, Priority.ALWAYS);
        text.getStyleClass().add("detail-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        stats.getStyleClass().add("stats");
        histogram.getStyleClass().add("histogram");
        histogram.setAnimated(false);
        histogram.setLegendVisible(false);
        histogram.setMinHeight(110);
        histogram.setPrefHeight(130);
        histogram.setPrefWidth(360);
        histogram.setCategoryGap(2);
        VBox statsBox = new VBox(4, caption("view.detail.statistics"), stats, caption("view.detail.histogram"), histogram);
        statsBox.visibleProperty().bind(model.selectedProperty().isNotNull());
        statsBox.managedProperty().bind(statsBox.visibleProperty());
        statsBox.getStyleClass().add("detail-stats");
        HBox body = new HBox(16, text, statsBox);
        // nothing but the hint while no class is selected: empty boxes and an empty chart read as broken
        body.visibleProperty().bind(model.selectedProperty().isNotNull());
        body.managedProperty().bind(body.visibleProperty());
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox detail = new VBox(8, titleRow, body);
        detail.getStyleClass().add("detail");
        return detail;
    }

    private Node timelineChart() {
        chart.getStyleClass().add("timeline");
        chart.setTitle(null);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        chart.setMinHeight(120);
        chart.setPrefHeight(150);
        timeAxis.setForceZeroInRange(false);
        timeAxis.setAutoRanging(false);
        timeAxis.setAnimated(false);
        secondsAxis.setAnimated(false);
        secondsAxis.setMinorTickVisible(false);
        timeAxis.setMinorTickVisible(false);
        timeAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : TIME.format(Instant.ofEpochSecond(n.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
        brush.getStyleClass().add("brush");
        brush.setManaged(false);
        brush.setVisible(false);
        brush.setMouseTransparent(true);
        chart.setOnMousePressed(e -> {
            brushStart = timeAt(e.getX());
            brush.setVisible(false);
        });
        chart.setOnMouseDragged(e -> drawBrush(e.getX()));
        chart.setOnMouseReleased(e -> {
            double end = timeAt(e.getX());
            brush.setVisible(false);
            if (!Double.isNaN(brushStart) && !Double.isNaN(end) && Math.abs(end - brushStart) >= 1) {
                model.select(Instant.ofEpochSecond((long) Math.floor(Math.min(brushStart, end))),
                        Instant.ofEpochSecond((long) Math.ceil(Math.max(brushStart, end))));
            }
            brushStart = Double.NaN;
        });
        javafx.scene.layout.StackPane withBrush = new javafx.scene.layout.StackPane(chart);
        withBrush.getChildren().add(new javafx.scene.Group(brush));
        javafx.scene.layout.StackPane.setAlignment(withBrush.getChildren().get(1), javafx.geometry.Pos.TOP_LEFT);
        VBox.setVgrow(withBrush, Priority.ALWAYS);
        return withBrush;
    }

    /** The time (epoch seconds) under an x position in the chart, or NaN outside the plot. */
    private double timeAt(double chartX) {
        javafx.geometry.Point2D p = timeAxis.sceneToLocal(chart.localToScene(chartX, 0));
        if (p == null || p.getX() < 0 || p.getX() > timeAxis.getWidth()) {
            return Double.NaN;
        }
        return timeAxis.getValueForDisplay(p.getX()).doubleValue();
    }

    private void drawBrush(double chartX) {
        if (Double.isNaN(brushStart)) {
            return;
        }
        javafx.geometry.Bounds plot = timeAxis.localToScene(timeAxis.getLayoutBounds());
        javafx.geometry.Bounds local = chart.sceneToLocal(plot);
        double x0 = chart.sceneToLocal(timeAxis.localToScene(timeAxis.getDisplayPosition(brushStart), 0)).getX();
        double x1 = Math.max(local.getMinX(), Math.min(local.getMaxX(), chartX));
        brush.setX(Math.min(x0, x1));
        brush.setWidth(Math.abs(x1 - x0));
        brush.setY(8);
        brush.setHeight(Math.max(0, local.getMinY() - 8));
        brush.setVisible(true);
    }

    private void openSample(boolean explain) {
        DigestRow row = model.selectedProperty().get();
        if (row == null || row.sample() == null) {
            return;
        }
        tasks.submit(messages.get("view.sample.task"), ctx -> actions.open(row.sample(), explain, ctx)).result()
                .whenComplete((r, error) -> {
                    if (error != null) {
                        Platform.runLater(() -> model.report(messages.get("view.sample.error",
                                error.getMessage() == null ? error.toString() : error.getMessage())));
                    }
                });
    }

    /** A strip with the progress of a running import and a button to cancel it; hidden when none runs. */
    private Node importStrip() {
        importStrip.getStyleClass().add("import-strip");
        importStrip.setVisible(false);
        importStrip.setManaged(false);
        tasks.onSubmit(handle -> {
            if (handle.name().startsWith("Import ")) {
                Platform.runLater(() -> follow(handle));
            }
        });
        return importStrip;
    }

    private void follow(dev.triage.core.task.TaskHandle<?> handle) {
        if (disposed) {
            return;
        }
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar(-1);
        bar.setPrefWidth(220);
        Label what = new Label(handle.name());
        Button cancel = new Button(messages.get("view.import.cancel"));
        cancel.getStyleClass().addAll("small", "danger");
        cancel.setOnAction(e -> handle.cancel());
        importStrip.getChildren().setAll(what, bar, cancel);
        importStrip.setVisible(true);
        importStrip.setManaged(true);
        handle.onChange(h -> Platform.runLater(() -> {
            bar.setProgress(h.fraction() < 0 ? -1 : h.fraction());
            what.setText(h.message() == null || h.message().isBlank() ? h.name() : h.message());
            if (h.state().isDone()) {
                importStrip.setVisible(false);
                importStrip.setManaged(false);
            }
        }));
    }

    private void showTimeline() {
        XYChart.Series<Number, Number> sum = new XYChart.Series<>();
        sum.setName(messages.get("view.chart.sum"));
        XYChart.Series<Number, Number> max = new XYChart.Series<>();
        max.setName(messages.get("view.chart.max"));
        for (TimelinePoint p : model.timeline()) {
            long t = p.start().getEpochSecond();
            sum.getData().add(new XYChart.Data<>(t, p.sumQueryTime()));
            max.getData().add(new XYChart.Data<>(t, p.maxQueryTime()));
        }
        chart.getData().setAll(List.of(sum, max));
        // the axis spans the class's executions exactly: auto-ranging pads it to round numbers of seconds
        List<TimelinePoint> points = model.timeline();
        if (!points.isEmpty()) {
            double lo = points.get(0).start().getEpochSecond();
            double hi = Math.max(points.get(points.size() - 1).start().getEpochSecond(), lo + 60);
            timeAxis.setLowerBound(lo);
            timeAxis.setUpperBound(hi);
            timeAxis.setTickUnit((hi - lo) / 4);
        }
    }

    private Label caption(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("caption");
        return l;
    }

    private Node statusBar() {
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("status");
        HBox bar = new HBox(status);
        bar.getStyleClass().add("status-line");
        return bar;
    }

    private void showDetail(DigestRow row) {
        stats.getChildren().clear();
        stats.getColumnConstraints().clear();
        if (row == null) {
            detailTitle.setText(messages.get("view.detail.none"));
            fingerprint.clear();
            sample.clear();
            return;
        }
        detailTitle.setText(messages.get("view.detail.title", row.rank(), row.checksum()));
        show(fingerprint, row.fingerprint());
        show(sample, row.sample() == null ? "" : row.sample());
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(90);
        stats.getColumnConstraints().add(name);
        String[] heads = {"", "sum", "min", "max", "avg", "p95", "median", "stddev"};
        for (int i = 1; i < heads.length; i++) {
            stats.add(cell(messages.get("view.stat." + heads[i]), "stat-head"), i, 0);
        }
        int r = 1;
        r = statRow(r, "query-time", row.queryTime(), seconds);
        r = statRow(r, "lock-time", row.lockTime(), seconds);
        r = statRow(r, "rows-sent", row.rowsSent(), integer);
        r = statRow(r, "rows-examined", row.rowsExamined(), integer);
        r = statRow(r, "query-size", row.querySize(), integer);
        stats.add(cell(messages.get("view.stat.count"), "stat-name"), 0, r);
        stats.add(cell(integer.format(row.count()), "stat-value"), 1, r++);
        stats.add(cell(messages.get("view.stat.first-seen"), "stat-name"), 0, r);
        Label first = cell(row.firstSeen() == null ? "–" : row.firstSeen(), "stat-value");
        stats.add(first, 1, r++, 5, 1);
        stats.add(cell(messages.get("view.stat.last-seen"), "stat-name"), 0, r);
        stats.add(cell(row.lastSeen() == null ? "–" : row.lastSeen(), "stat-value"), 1, r++, 7, 1);
        r = listRow(r, "databases", row.databases());
        r = listRow(r, "users", row.users());
        r = listRow(r, "hosts", row.hosts());
        listRow(r, "tables", row.tables());
        XYChart.Series<String, Number> buckets = new XYChart.Series<>();
        for (int b = 0; b < row.histogram().size(); b++) {
            buckets.getData().add(new XYChart.Data<>(DigestRow.BUCKETS.get(b), row.histogram().get(b)));
        }
        histogram.getData().setAll(List.of(buckets));
    }

    private int listRow(int r, String key, List<String> values) {
        if (values.isEmpty()) {
            return r;
        }
        stats.add(cell(messages.get("view.stat." + key), "stat-name"), 0, r);
        Label v = cell(String.join(", ", values), "stat-value");
        v.setWrapText(true);
        stats.add(v, 1, r, 7, 1);
        return r + 1;
    }

    private static void show(CodeArea area, String sql) {
        area.replaceText(sql);
        if (!sql.isEmpty()) {
            area.setStyleSpans(0, SqlHighlighter.styles(sql));
        }
        area.moveTo(0);
        area.requestFollowCaret();
    }

    private int statRow(int r, String key, DigestRow.Stats s, NumberFormat format) {
        stats.add(cell(messages.get("view.stat." + key), "stat-name"), 0, r);
        Double[] values = {s.sum(), s.min(), s.max(), s.avg(), s.p95(), s.median(), s.stddev()};
        for (int i = 0; i < values.length; i++) {
            stats.add(cell(values[i] == null ? "–" : format.format(values[i]), "stat-value"), i + 1, r);
        }
        return r + 1;
    }

    private static Label cell(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        return l;
    }

    @Override
    public Node node() {
        return root;
    }

    /** Selects the class with this id (a {@code slowlog:<id>} evidence link), clearing filters that hide it. */
    @Override
    public void reveal(String ref) {
        model.reveal(ref);
    }

    @Override
    public void dispose() {
        disposed = true;
        model.dispose();
    }
}
