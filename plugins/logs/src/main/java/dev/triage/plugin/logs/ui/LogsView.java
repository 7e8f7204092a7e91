package dev.triage.plugin.logs.ui;

import dev.triage.core.cases.CaseService;
import dev.triage.core.event.EventBus;
import dev.triage.core.task.TaskExecutor;
import dev.triage.core.ui.View;
import dev.triage.plugin.logs.application.DensityBin;
import dev.triage.plugin.logs.application.Hit;
import dev.triage.plugin.logs.application.LogFiles;
import dev.triage.plugin.logs.application.LogQueries;
import dev.triage.plugin.logs.application.TimelineRow;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.data.xy.CategoryTableXYDataset;

/**
 * The log timeline: filters, an event-density histogram per file (drag across it to filter the list to that time), the
 * merged entries of all files in a virtualised list paged from the case database, the selected entry in its context,
 * and a search tab whose hits show with their context highlighted. State lives in {@link LogsViewModel}.
 */
public final class LogsView implements View, dev.triage.core.ui.Revealing {

    /** The root style class; {@code logs.css} is scoped under it. */
    public static final String STYLE_CLASS = "logs-view";
    private static final int COLOURS = 8;

    private final LogsViewModel model;
    private final BorderPane root = new BorderPane();
    private final ListView<TimelineRow> list = new ListView<>();
    private final CodeArea detail = new CodeArea();
    private final ListView<Hit> hitList = new ListView<>();
    private final CodeArea hitDetail = new CodeArea();
    private final CategoryTableXYDataset dataset = new CategoryTableXYDataset();
    private final StackedXYBarRenderer renderer = new StackedXYBarRenderer(0.05);
    private final DateAxis timeAxis = new DateAxis();
    private final NumberAxis countAxis = new NumberAxis();
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final Pane swatches = new Pane();
    private final TabPane tabs = new TabPane();
    private final Map<String, Integer> fileColour = new LinkedHashMap<>();
    private boolean updatingChart;
    private boolean syncingChoices;
    private FilesPane filesPane;

    /**
     * Builds the view over its model.
     *
     * @param model the state
     */
    public LogsView(LogsViewModel model) {
        this.model = model;
        root.getStyleClass().add(STYLE_CLASS);
        root.getStylesheets().add(LogsView.class.getResource("logs.css").toExternalForm());
        XYPlot plot = new XYPlot(dataset, timeAxis, countAxis, renderer);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(null);
        plot.setBackgroundPaint(null);
        plot.setOutlineVisible(false);
        viewer = new ChartViewer(chart);
        viewer.getStyleClass().add("density");
        viewer.setPrefHeight(170);
        viewer.setMinHeight(120);
        timeAxis.addChangeListener(e -> brushed());
        for (int i = 1; i <= COLOURS; i++) {
            Region r = new Region();
            r.getStyleClass().addAll("swatch", "swatch-" + i);
            swatches.getChildren().add(r);
        }
        Region fg = new Region();
        fg.getStyleClass().addAll("swatch", "swatch-fg");
        Region grid = new Region();
        grid.getStyleClass().addAll("swatch", "swatch-grid");
        Region brushSwatch = new Region();
        brushSwatch.getStyleClass().addAll("swatch", "swatch-brush");
        swatches.getChildren().addAll(fg, grid, brushSwatch);
        swatches.setManaged(false);
        swatches.setVisible(false);

        tabs.getTabs().addAll(new Tab("Timeline", timelinePane()), new Tab("Search", searchPane()));
        tabs.getTabs().forEach(t -> t.setClosable(false));
        root.setCenter(tabs);
        root.getChildren().add(swatches);
        root.sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                Platform.runLater(this::applyTheme);
            }
        });
        model.rowsProperty().addListener((o, a, b) -> list.setItems(b));
        list.setItems(model.rowsProperty().get());
        model.density().addListener((ListChangeListener<DensityBin>) c -> showDensity());
        model.contextProperty().addListener((o, a, b) -> showContext(b));
        model.scrollToProperty().addListener((o, a, b) -> {
            if (b != null) {
                list.scrollTo((int) (long) b);
                list.getSelectionModel().select((int) (long) b);
            }
        });
        model.hits().addListener((ListChangeListener<Hit>) c -> hitList.getItems().setAll(model.hits()));
        showDensity();
    }

    /**
     * Creates the view and its model; call on the JavaFX thread.
     *
     * @param queries the logs queries
     * @param cases tells which case is open
     * @param tasks runs database work
     * @param events case events
     * @return the view
     */
    public static LogsView create(LogQueries queries, CaseService cases, TaskExecutor tasks, EventBus events) {
        return new LogsView(new LogsViewModel(queries, cases, tasks, events, Platform::runLater));
    }

    /**
     * Returns the model, for tests and the shell.
     *
     * @return the model
     */
    public LogsViewModel model() {
        return model;
    }

    private Node timelinePane() {
        ComboBox<String> level = new ComboBox<>();
        level.getItems().setAll("", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
        level.setPromptText("level ≥");
        level.valueProperty().bindBidirectional(model.levelProperty());
        level.setOnAction(e -> model.refresh());
        level.getStyleClass().add("level-filter");
        ComboBox<String> file = new ComboBox<>();
        file.setPromptText("all files");
        model.files().addListener((ListChangeListener<String>) c -> {
            List<String> items = new ArrayList<>();
            items.add("");
            items.addAll(model.files());
            String keep = file.getValue();
            syncingChoices = true;
            try {
                file.getItems().setAll(items);
                file.setValue(keep);
            } finally {
                syncingChoices = false;
            }
        });
        file.valueProperty().bindBidirectional(model.fileProperty());
        file.setOnAction(e -> {
            if (!syncingChoices) {
                model.refresh();
            }
        });
        ComboBox<String> fact = new ComboBox<>();
        fact.setPromptText("any fact");
        model.rules().addListener((ListChangeListener<String>) c -> {
            List<String> items = new ArrayList<>();
            items.add("");
            items.addAll(model.rules());
            String keep = fact.getValue();
            syncingChoices = true;
            try {
                fact.getItems().setAll(items);
                fact.setValue(keep);
            } finally {
                syncingChoices = false;
            }
        });
        fact.valueProperty().bindBidirectional(model.factProperty());
        fact.setOnAction(e -> {
            if (!syncingChoices) {
                model.refresh();
            }
        });
        Button apply = new Button("Apply");
        apply.getStyleClass().add("accent");
        apply.setOnAction(e -> model.refresh());
        Button clear = new Button("Clear");
        clear.getStyleClass().add("flat");
        clear.setOnAction(e -> model.clearFilters());
        TextField jump = field("jump to time", model.jumpProperty(), 150, "A time such as 2026-03-01 10:15 (case zone) or ...Z");
        jump.setOnAction(e -> model.jumpToTime());
        Button go = new Button("Go");
        go.setOnAction(e -> model.jumpToTime());
        FlowPane bar = new FlowPane(6, 6, field("since", model.sinceProperty(), 150, "Entries at or after (case zone unless given)"),
                field("until", model.untilProperty(), 150, "Entries before"), level, file, fact,
                field("text", model.textProperty(), 150, "Entries containing this text, any case"), apply, clear, jump, go);
        bar.getStyleClass().add("filter-bar");

        list.getStyleClass().add("timeline");
        list.setFixedCellSize(26);
        list.setCellFactory(v -> new RowCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.selectedProperty().set(b));
        Label status = new Label();
        status.getStyleClass().add("status");
        status.textProperty().bind(model.statusProperty());
        list.setPlaceholder(new Label("No entries"));
        detail.setEditable(false);
        detail.getStyleClass().addAll("context", "entry-context");
        Button bookmark = new Button("Bookmark");
        bookmark.setTooltip(new Tooltip("Keep this entry as a bookmark; bookmarks are listed in the report"));
        bookmark.setOnAction(e -> model.bookmarkSelected("bookmarked in the timeline"));
        VBox detailBox = new VBox(4, new HBox(8, new Label("Context"), bookmark), new VirtualizedScrollPane<>(detail));
        VBox.setVgrow(detailBox.getChildren().get(1), Priority.ALWAYS);
        detailBox.getStyleClass().add("detail");
        SplitPane split = new SplitPane(list, detailBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        VBox box = new VBox(bar, viewer, split, status);
        VBox.setVgrow(split, Priority.ALWAYS);
        return box;
    }

    private Node searchPane() {
        CheckBox ignoreCase = new CheckBox("ignore case");
        ignoreCase.selectedProperty().bindBidirectional(model.ignoreCaseProperty());
        Button search = new Button("Search");
        search.getStyleClass().add("accent");
        search.setOnAction(e -> model.search());
        FlowPane form = new FlowPane(6, 6, field("must (a, b)", model.mustProperty(), 160, "Every term must occur (comma-separated)"),
                field("any (a, b)", model.anyProperty(), 140, "At least one term must occur"),
                field("none (a, b)", model.noneProperty(), 120, "No term may occur"),
                field("regex (RE2)", model.regexProperty(), 160, "A regular expression, linear time"), ignoreCase,
                field("since", model.searchSinceProperty(), 130, "Lines of entries at or after"),
                field("until", model.searchUntilProperty(), 130, "Lines of entries before"),
                field("max hits", model.maxHitsProperty(), 70, "Most hits shown"),
                field("context", model.contextLinesProperty(), 60, "Lines before and after each hit (0-12)"), search);
        form.getStyleClass().add("filter-bar");
        hitList.getStyleClass().add("hits");
        hitList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Hit h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : h.file() + ":" + h.line() + "  " + (h.time() == null ? "" : h.time()) + "  "
                        + (h.text().length() > 300 ? h.text().substring(0, 300) : h.text()));
            }
        });
        hitList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showHit(b));
        hitDetail.setEditable(false);
        hitDetail.getStyleClass().addAll("context", "hit-context");
        Button bookmark = new Button("Add to report");
        bookmark.setTooltip(new Tooltip("Bookmark the hit: it is listed in the report"));
        bookmark.setOnAction(e -> {
            Hit h = hitList.getSelectionModel().getSelectedItem();
            if (h != null) {
                model.bookmark(Integer.toString(h.fileId()), h.line(), "search hit");
            }
        });
        Button show = new Button("Show in timeline");
        show.setOnAction(e -> {
            Hit h = hitList.getSelectionModel().getSelectedItem();
            if (h != null && h.time() != null) {
                model.jumpProperty().set(h.time());
                tabs.getSelectionModel().select(0);
                model.jumpToTime();
            }
        });
        Label status = new Label();
        status.getStyleClass().add("status");
        status.textProperty().bind(model.searchStatusProperty());
        VBox right = new VBox(4, new HBox(8, bookmark, show), new VirtualizedScrollPane<>(hitDetail));
        VBox.setVgrow(right.getChildren().get(1), Priority.ALWAYS);
        SplitPane split = new SplitPane(hitList, right);
        split.setDividerPositions(0.45);
        VBox box = new VBox(form, split, status);
        VBox.setVgrow(split, Priority.ALWAYS);
        return box;
    }

    private static TextField field(String prompt, StringProperty property, double width, String tip) {
        TextField f = new TextField();
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        f.setTooltip(new Tooltip(tip));
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private int colourOf(String file) {
        return fileColour.computeIfAbsent(file, f -> fileColour.size() % COLOURS + 1);
    }

    /** One timeline row: time, a file tag in the file's colour, the level, the message. */
    private final class RowCell extends ListCell<TimelineRow> {
        private final Label time = new Label();
        private final Label file = new Label();
        private final Label level = new Label();
        private final Label message = new Label();
        private final HBox box = new HBox(8, time, file, level, message);

        RowCell() {
            time.getStyleClass().add("time");
            file.getStyleClass().add("file");
            level.getStyleClass().add("level");
            message.getStyleClass().add("message");
            HBox.setHgrow(message, Priority.ALWAYS);
            box.getStyleClass().add("row");
            // a long message (Chinese text is wide) ends in an ellipsis inside the list instead of widening every cell;
            // time, file and level always keep their full text; the whole entry shows in the context pane below
            for (Label l : List.of(time, file, level)) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
            message.setMinWidth(0);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(TimelineRow r, boolean empty) {
            super.updateItem(r, empty);
            setText(null);
            if (empty) {
                setGraphic(null);
                return;
            }
            if (r == null) {
                time.setText("…");
                file.setText("");
                level.setText("");
                message.setText("");
                setGraphic(box);
                return;
            }
            time.setText(r.time());
            file.setText(r.file());
            file.getStyleClass().removeIf(s -> s.startsWith("file-"));
            file.getStyleClass().add("file-" + colourOf(r.file()));
            level.setText(r.level());
            level.getStyleClass().removeIf(s -> s.startsWith("level-"));
            level.getStyleClass().add("level-" + r.level().toLowerCase(java.util.Locale.ROOT));
            message.setText(r.lines() > 1 ? r.message() + "  (+" + (r.lines() - 1) + " lines)" : r.message());
            setGraphic(box);
        }
    }

    private void showDensity() {
        updatingChart = true;
        try {
            dataset.clear();
            for (DensityBin b : model.density()) {
                dataset.add(b.startMicros() / 1000.0, b.count(), b.file(), false);
            }
            if (!model.density().isEmpty()) {
                dataset.setIntervalWidth(model.density().get(0).widthMicros() / 1000.0);
            }
            colourSeries();
            XYPlot plot = (XYPlot) chart.getPlot();
            plot.clearDomainMarkers();
            Long from = micros(model.sinceProperty().get());
            Long to = micros(model.untilProperty().get());
            if (from != null || to != null) {
                double lo = from == null ? timeAxis.getLowerBound() : from / 1000.0;
                double hi = to == null ? timeAxis.getUpperBound() : to / 1000.0;
                IntervalMarker brush = new IntervalMarker(lo, hi);
                brush.setPaint(awt(swatch("swatch-brush"), new java.awt.Color(80, 140, 255, 60)));
                plot.addDomainMarker(brush, org.jfree.chart.ui.Layer.BACKGROUND);
            }
            chart.fireChartChanged();
            timeAxis.setAutoRange(true);
        } finally {
            updatingChart = false;
        }
    }

    private void colourSeries() {
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            int c = colourOf(String.valueOf(dataset.getSeriesKey(i)));
            renderer.setSeriesPaint(i, awt(swatch("swatch-" + c), java.awt.Color.GRAY));
        }
    }

    /** Dragging across the histogram zooms its time axis; the list follows that range. */
    private void brushed() {
        if (updatingChart || timeAxis.isAutoRange() || model.density().isEmpty()) {
            return;
        }
        long from = (long) (timeAxis.getLowerBound() * 1000);
        long to = (long) (timeAxis.getUpperBound() * 1000);
        model.select(from, to);
    }

    private void showContext(String text) {
        detail.replaceText(text == null ? "" : text);
        TimelineRow sel = model.selectedProperty().get();
        if (sel == null || text == null || text.isEmpty()) {
            return;
        }
        String[] lines = text.split("\n", -1);
        int offset = 0;
        int first = -1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int tab = l.indexOf('\t');
            long n = tab > 0 ? parse(l.substring(0, tab)) : -1;
            if (n >= sel.line() && n < sel.line() + sel.lines()) {
                detail.setStyleClass(offset, offset + l.length(), "entry");
                first = first < 0 ? i : first;
            }
            offset += l.length() + 1;
        }
        if (first >= 0) {
            detail.showParagraphAtTop(Math.max(0, first - 2));
        }
    }

    /** The brushed range as the since/until fields hold it (ISO-8601 with zone), or null. */
    private static Long micros(String s) {
        try {
            return s == null || s.isBlank() ? null : dev.triage.plugin.logs.domain.Times.micros(s, java.time.ZoneOffset.UTC);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void showHit(Hit h) {
        if (h == null) {
            hitDetail.replaceText("");
            return;
        }
        StringBuilder b = new StringBuilder();
        for (String l : h.before()) {
            b.append(l).append('\n');
        }
        int start = b.length();
        b.append(h.text());
        int end = b.length();
        for (String l : h.after()) {
            b.append('\n').append(l);
        }
        hitDetail.replaceText(b.toString());
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int at = 0;
        spans.add(List.of(), start);
        at = start;
        for (int[] s : h.highlights()) {
            int from = start + s[0];
            int to = Math.min(end, start + s[1]);
            if (from < at || to <= from) {
                continue;
            }
            spans.add(List.of("hit-line"), from - at);
            spans.add(List.of("hit"), to - from);
            at = to;
        }
        spans.add(List.of("hit-line"), end - at);
        spans.add(List.of(), b.length() - end);
        hitDetail.setStyleSpans(0, spans.create());
    }

    /** Reads the theme's colours from hidden swatches and paints the chart with them (JFreeChart draws with AWT colours). */
    private void applyTheme() {
        root.applyCss();
        java.awt.Color fg = awt(swatch("swatch-fg"), java.awt.Color.GRAY);
        java.awt.Color grid = awt(swatch("swatch-grid"), java.awt.Color.DARK_GRAY);
        for (var axis : List.of(timeAxis, countAxis)) {
            axis.setTickLabelPaint(fg);
            axis.setLabelPaint(fg);
            axis.setAxisLinePaint(grid);
            axis.setTickMarkPaint(grid);
        }
        ((XYPlot) chart.getPlot()).setRangeGridlinePaint(grid);
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(null);
            chart.getLegend().setItemPaint(fg);
        }
        colourSeries();
        chart.fireChartChanged();
    }

    private Color swatch(String styleClass) {
        for (Node n : swatches.getChildren()) {
            if (n.getStyleClass().contains(styleClass) && n instanceof Region r && r.getBackground() != null
                    && !r.getBackground().getFills().isEmpty() && r.getBackground().getFills().get(0).getFill() instanceof Color c) {
                return c;
            }
        }
        return null;
    }

    private static java.awt.Color awt(Color c, java.awt.Color fallback) {
        if (c == null) {
            return fallback;
        }
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }

    @Override
    public Node node() {
        return root;
    }

    /** Scrolls to the entry of a {@code log:<file>:<line>} evidence link, clearing the filters. */
    @Override
    public void reveal(String ref) {
        model.reveal(ref);
    }

    @Override
    public void dispose() {
        model.dispose();
        if (filesPane != null) {
            filesPane.dispose();
        }
    }

    /**
     * Creates the view with its Files tab (encodings shown and overridable); call on the JavaFX thread.
     *
     * @param queries the logs queries
     * @param files the case's log files, for the Files tab
     * @param cases tells which case is open
     * @param tasks runs database work
     * @param events case events and the shared time cursor
     * @return the view
     */
    public static LogsView create(LogQueries queries, LogFiles files, CaseService cases, TaskExecutor tasks, EventBus events) {
        LogsView view = create(queries, cases, tasks, events);
        view.filesPane = new FilesPane(files, cases, tasks, events, Platform::runLater);
        Tab tab = new Tab("Files", view.filesPane.node());
        tab.setClosable(false);
        view.tabs.getTabs().add(tab);
        return view;
    }

    /**
     * Returns the Files tab, when the view has one.
     *
     * @return the tab's pane, or null
     */
    public FilesPane filesPane() {
        return filesPane;
    }
}
