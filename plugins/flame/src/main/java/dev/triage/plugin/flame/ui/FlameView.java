package dev.triage.plugin.flame.ui;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.CaseEvents;
import dev.triage.core.cases.CaseService;
import dev.triage.core.event.EventBus;
import dev.triage.core.i18n.Messages;
import dev.triage.core.service.Registration;
import dev.triage.core.task.TaskExecutor;
import dev.triage.core.ui.View;
import dev.triage.plugin.flame.application.FlameService;
import dev.triage.plugin.flame.application.ProfileStore;
import dev.triage.plugin.flame.application.StoredProfile;
import dev.triage.plugin.flame.domain.DiffTree;
import dev.triage.plugin.flame.domain.FunctionStat;
import dev.triage.plugin.flame.domain.FunctionTable;
import dev.triage.plugin.flame.domain.Palette;
import dev.triage.plugin.flame.domain.Profile;
import dev.triage.plugin.flame.domain.Sandwich;
import dev.triage.plugin.flame.domain.StackTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The flame graph view: a profile of the open case as flame, icicle, sandwich or differential graph, with zoom, breadcrumb,
 * regex search, colouring, and a sortable, filterable function table whose selection outlines the function's frames.
 */
public final class FlameView implements View, dev.triage.core.ui.Revealing {

    /** The root style class; {@code flame.css} is scoped under it. */
    public static final String STYLE_CLASS = "flame-view";

    /** What the graph area shows. */
    public enum Mode {
        /** Root at the bottom. */
        FLAME,
        /** Root on top. */
        ICICLE,
        /** Callers above and callees below the selected function. */
        SANDWICH,
        /** Coloured by change against the baseline profile. */
        DIFF,
        /** The samples in the order they were taken (a flame chart), for profiles with time stamps. */
        TIME
    }

    private final FlameService service;
    private final ProfileStore store;
    private final CaseService cases;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final Executor fx;
    private final List<Registration> subscriptions = new ArrayList<>();

    private final BorderPane root = new BorderPane();
    private final ComboBox<StoredProfile> profileBox = new ComboBox<>();
    private final ComboBox<StoredProfile> baselineBox = new ComboBox<>();
    private final ComboBox<String> sampleTypeBox = new ComboBox<>();
    private final javafx.scene.control.CheckBox byThread = new javafx.scene.control.CheckBox();
    private final javafx.scene.control.CheckBox leftHeavy = new javafx.scene.control.CheckBox();
    private final ComboBox<Mode> modeBox = new ComboBox<>(FXCollections.observableArrayList(Mode.values()));
    private final ComboBox<Palette.Mode> colorBox = new ComboBox<>(FXCollections.observableArrayList(Palette.Mode.values()));
    private final TextField search = new TextField();
    private final Label matched = new Label();
    private final Button reset = new Button();
    private final HBox breadcrumb = new HBox(2);
    private final TimelineBar timelineBar = new TimelineBar();
    private final FlameCanvas graph = new FlameCanvas();
    private final FlameCanvas callers = new FlameCanvas();
    private final FlameCanvas callees = new FlameCanvas();
    private final Label callersTitle = new Label();
    private final Label calleesTitle = new Label();
    private final ScrollPane graphScroll = new ScrollPane(graph);
    private final SplitPane sandwichPane = new SplitPane();
    private final BorderPane graphArea = new BorderPane();
    private final TableView<FunctionStat> table = new TableView<>();
    private final TextField filter = new TextField();
    private final ObservableList<FunctionStat> functions = FXCollections.observableArrayList();
    /** The table shows at most this many rows (the top ones in its order); the full table stays in primitive arrays. */
    static final int TABLE_ROWS = 2000;
    private FunctionTable functionTable;
    private long tableGeneration;
    private final Label status = new Label();
    private Profile profile;
    private Profile baseline;
    private long rangeFrom = Long.MIN_VALUE;
    private long rangeTo = Long.MAX_VALUE;
    private StackTrie rangeTrie;

    /**
     * Builds the view.
     *
     * @param service the flame use cases (loading profiles)
     * @param store the case's profiles
     * @param cases the open case
     * @param tasks where loading runs
     * @param events case events
     * @param messages the texts
     * @param fx runs code on the JavaFX thread
     */
    public FlameView(FlameService service, ProfileStore store, CaseService cases, TaskExecutor tasks, EventBus events,
            Messages messages, Executor fx) {
        this.service = service;
        this.store = store;
        this.cases = cases;
        this.tasks = tasks;
        this.messages = messages;
        this.fx = fx;
        build();
        if (events != null) {
            subscriptions.add(events.subscribe(CaseEvents.Opened.class, e -> fx.execute(this::refreshProfiles)));
            subscriptions.add(events.subscribe(CaseEvents.Imported.class, e -> fx.execute(this::refreshProfiles)));
            subscriptions.add(events.subscribe(CaseEvents.Closed.class, e -> fx.execute(this::refreshProfiles)));
        }
        refreshProfiles();
    }

    /**
     * Creates the view for the shell.
     *
     * @param service the flame use cases
     * @param store the case's profiles
     * @param cases the open case
     * @param tasks where loading runs
     * @param events case events
     * @param messages the texts
     * @return the view
     */
    public static FlameView create(FlameService service, ProfileStore store, CaseService cases, TaskExecutor tasks, EventBus events,
            Messages messages) {
        return new FlameView(service, store, cases, tasks, events, messages, Platform::runLater);
    }

    private void build() {
        root.getStyleClass().add(STYLE_CLASS);
        root.getStylesheets().add(FlameView.class.getResource("flame.css").toExternalForm());
        profileBox.setPromptText(messages.get("view.profile"));
        profileBox.setPrefWidth(320);
        baselineBox.setPrefWidth(220);
        profileBox.setButtonCell(profileCell());
        profileBox.setCellFactory(l -> profileCell());
        profileBox.valueProperty().addListener((o, a, b) -> load(b, false, null));
        sampleTypeBox.setPromptText(messages.get("view.sample-type"));
        sampleTypeBox.setOnAction(e -> {
            String type = sampleTypeBox.getValue();
            if (type != null && profile != null && !type.equals(profile.sampleType())) {
                load(profileBox.getValue(), false, type);
            }
        });
        baselineBox.setPromptText(messages.get("view.baseline"));
        baselineBox.setButtonCell(profileCell());
        baselineBox.setCellFactory(l -> profileCell());
        leftHeavy.setText(messages.get("view.left-heavy"));
        leftHeavy.selectedProperty().addListener((o, a, b) -> {
            for (FlameCanvas c : List.of(graph, callers, callees)) {
                c.setLeftHeavy(b);
            }
        });
        byThread.setText(messages.get("view.threads"));
        byThread.setOnAction(e -> load(profileBox.getValue(), false, profile == null ? null : profile.sampleType()));
        baselineBox.valueProperty().addListener((o, a, b) -> load(b, true, profile == null ? null : profile.sampleType()));
        modeBox.setValue(Mode.FLAME);
        modeBox.setButtonCell(modeCell());
        modeBox.setCellFactory(l -> modeCell());
        modeBox.valueProperty().addListener((o, a, b) -> applyMode());
        colorBox.setValue(Palette.Mode.NAME);
        colorBox.setButtonCell(colorCell());
        colorBox.setCellFactory(l -> colorCell());
        colorBox.valueProperty().addListener((o, a, b) -> {
            graph.setColors(b);
            callers.setColors(b);
            callees.setColors(b);
        });
        search.setPromptText(messages.get("view.search"));
        search.getStyleClass().add("search");
        search.textProperty().addListener((o, a, b) -> applySearch());
        matched.getStyleClass().add("matched");
        reset.setText(messages.get("view.reset"));
        reset.setOnAction(e -> graph.zoomTo(StackTrie.ROOT));
        FlowPane bar = new FlowPane(8, 6, profileBox, sampleTypeBox, byThread, modeBox, leftHeavy, baselineBox, colorBox, search, matched, reset);
        bar.getStyleClass().add("filter-bar");
        breadcrumb.getStyleClass().add("breadcrumb");
        timelineBar.setTimeline(null);
        timelineBar.setOnRange(this::showRange);
        VBox top = new VBox(bar, timelineBar, breadcrumb);

        FlameCanvas.TooltipText tip = (name, self, selfPct, total, allPct, parentPct) -> messages.get("view.tooltip", name,
                Long.toString(self), pct(selfPct), Long.toString(total), pct(allPct), pct(parentPct));
        for (FlameCanvas c : List.of(graph, callers, callees)) {
            c.setTooltipText(tip);
        }
        graph.setOnZoomTo(this::updateBreadcrumb);
        graphScroll.setFitToWidth(true);
        graphScroll.setFitToHeight(true);
        graphScroll.getStyleClass().add("graph-scroll");
        callees.setIcicle(true);
        VBox callersBox = new VBox(callersTitle, callers);
        VBox calleesBox = new VBox(calleesTitle, callees);
        VBox.setVgrow(callers, Priority.ALWAYS);
        VBox.setVgrow(callees, Priority.ALWAYS);
        callersTitle.getStyleClass().add("sandwich-title");
        calleesTitle.getStyleClass().add("sandwich-title");
        sandwichPane.setOrientation(Orientation.VERTICAL);
        sandwichPane.getItems().addAll(callersBox, calleesBox);
        graphArea.setCenter(graphScroll);

        TableColumn<FunctionStat, String> name = new TableColumn<>(messages.get("column.function"));
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setPrefWidth(190);
        TableColumn<FunctionStat, Long> self = numberColumn(messages.get("column.self"), true);
        TableColumn<FunctionStat, Long> total = numberColumn(messages.get("column.total"), false);
        table.getColumns().add(name);
        table.getColumns().add(self);
        table.getColumns().add(total);
        self.setSortType(TableColumn.SortType.DESCENDING);
        total.setSortType(TableColumn.SortType.DESCENDING);
        table.setItems(functions);
        // sorting and filtering pick the top rows from the primitive function table instead of sorting records
        table.setSortPolicy(tv -> {
            refreshTable();
            return true;
        });
        table.getStyleClass().add("functions");
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> selectFunction(b));
        filter.setPromptText(messages.get("view.functions.filter"));
        filter.textProperty().addListener((o, a, b) -> refreshTable());
        VBox side = new VBox(6, filter, table);
        side.getStyleClass().add("side");
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane split = new SplitPane(graphArea, side);
        split.setDividerPositions(0.72);
        status.getStyleClass().add("status");
        root.setTop(top);
        root.setCenter(split);
        root.setBottom(status);
    }

    private TableColumn<FunctionStat, Long> numberColumn(String title, boolean self) {
        TableColumn<FunctionStat, Long> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(self ? v.getValue().self() : v.getValue().total()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                double all = profile == null ? 1 : Math.max(1, profile.total());
                setText(empty || item == null ? null : String.format(Locale.ROOT, "%,d (%s%%)", item, pct(100 * item / all)));
            }
        });
        c.getStyleClass().add("number");
        c.setPrefWidth(125);
        return c;
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private ListCell<StoredProfile> profileCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(StoredProfile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.file() + " (" + item.sampleType() + ")");
            }
        };
    }

    private ListCell<Mode> modeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Mode item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : messages.get("view.mode." + item.name().toLowerCase(Locale.ROOT)));
            }
        };
    }

    private ListCell<Palette.Mode> colorCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Palette.Mode item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : messages.get("view.color." + item.name().toLowerCase(Locale.ROOT)));
            }
        };
    }

    private void refreshProfiles() {
        Case c = cases == null ? null : cases.current().orElse(null);
        if (c == null) {
            return;
        }
        tasks.submit(messages.get("view.task"), ctx -> store.list(c)).result().whenComplete((list, error) -> fx.execute(() -> {
            if (error != null) {
                status.setText(messages.get("view.state.error", String.valueOf(error.getMessage())));
                return;
            }
            StoredProfile current = profileBox.getValue();
            profileBox.getItems().setAll(list);
            baselineBox.getItems().setAll(list);
            if (list.isEmpty()) {
                status.setText(messages.get("view.profile.none"));
            } else if (current == null || !list.contains(current)) {
                profileBox.setValue(list.get(list.size() - 1));
            }
        }));
    }

    private void load(StoredProfile sp, boolean asBaseline, String sampleType) {
        if (sp == null) {
            return;
        }
        status.setText(messages.get("view.state.loading", sp.file()));
        tasks.submit(messages.get("view.task"), ctx -> {
            Profile p;
            try {
                p = service.loader().load(sp.path(), sampleType, byThread.isSelected() && !asBaseline);
            } catch (java.io.IOException wrongType) {
                // a baseline of another format may not offer the same sample type: fall back to its default
                if (sampleType == null) {
                    throw wrongType;
                }
                p = service.loader().load(sp.path(), null, null);
            }
            p.trie().children(StackTrie.ROOT);
            return p;
        }).result().whenComplete((p, error) -> fx.execute(() -> {
            if (error != null) {
                status.setText(messages.get("view.state.error", String.valueOf(error.getMessage())));
            } else if (asBaseline) {
                showBaseline(p);
            } else {
                show(p, null);
                // the graph is painted first; the function table follows when it is computed
                tasks.submit(messages.get("view.task"), ctx -> p.functionTable()).result().whenComplete((fs, e2) -> fx.execute(() -> {
                    if (fs != null && profile == p) {
                        showFunctions(fs);
                    }
                }));
            }
        }));
    }

    /**
     * Does the slow part of showing a profile, off the JavaFX thread: groups every node's children and computes the
     * function table.
     *
     * @param p the profile
     * @return its functions
     */
    public static FunctionTable prepare(Profile p) {
        p.trie().children(StackTrie.ROOT);
        return p.functionTable();
    }

    /**
     * Shows a profile (on the JavaFX thread).
     *
     * @param p the profile
     */
    public void show(Profile p) {
        show(p, prepare(p));
    }

    /**
     * Shows a profile whose functions were computed already (on the JavaFX thread).
     *
     * @param p the profile
     * @param fs its functions ({@link #prepare}), or null to leave the table empty for now
     */
    public void show(Profile p, FunctionTable fs) {
        profile = p;
        sampleTypeBox.getItems().setAll(p.sampleTypes());
        sampleTypeBox.setValue(p.sampleType());
        sampleTypeBox.setVisible(p.sampleTypes().size() > 1);
        sampleTypeBox.setManaged(p.sampleTypes().size() > 1);
        timelineBar.setTimeline(p.timeline());
        rangeFrom = Long.MIN_VALUE;
        rangeTo = Long.MAX_VALUE;
        rangeTrie = p.trie();
        graph.setChart(null, 0, 0);
        graph.setTrie(p.trie(), p.unit());
        showFunctions(fs);
        status.setText(messages.get("view.state.loaded", p.source(), String.format(Locale.ROOT, "%,d", p.total()), p.unit(),
                String.format(Locale.ROOT, "%,d", p.trie().size() - 1), Long.toString(p.skipped())));
        applyMode();
        applySearch();
    }

    /**
     * Shows only the samples taken in a time range (on the JavaFX thread); the whole recording when the range covers it.
     *
     * @param from the first time, nanoseconds since the epoch
     * @param to the last time
     */
    public void showRange(long from, long to) {
        if (profile == null || profile.timeline() == null) {
            return;
        }
        var t = profile.timeline();
        boolean whole = from <= t.start() && to >= t.end();
        rangeFrom = from;
        rangeTo = to;
        rangeTrie = whole ? profile.trie() : t.slice(profile.trie(), from, to);
        applyRange();
        applyMode();
        applySearch();
        status.setText(messages.get("view.state.range", String.format(Locale.ROOT, "%.3f", (from - t.start()) / 1e9),
                String.format(Locale.ROOT, "%.3f", (to - t.start()) / 1e9), String.format(Locale.ROOT, "%,d", rangeTrie.grandTotal()),
                profile.unit()));
    }

    /** Shows the time range: in time order over the whole trie (flame chart), or merged over the range's own trie. */
    private void applyRange() {
        var t = profile == null ? null : profile.timeline();
        if (t == null || rangeTrie == null) {
            graph.setChart(null, 0, 0);
            return;
        }
        if (modeBox.getValue() == Mode.TIME) {
            if (graph.trie() != profile.trie()) {
                graph.setTrie(profile.trie(), profile.unit());
            }
            graph.setChart(t, rangeFrom, rangeTo);
        } else {
            graph.setChart(null, 0, 0);
            if (graph.trie() != rangeTrie) {
                graph.setTrie(rangeTrie, profile.unit());
            }
        }
    }

    /**
     * Sets the baseline of the differential view (on the JavaFX thread).
     *
     * @param p the baseline profile
     */
    public void showBaseline(Profile p) {
        baseline = p;
        applyMode();
    }

    /**
     * Switches the graph mode (on the JavaFX thread).
     *
     * @param mode the mode
     */
    public void setMode(Mode mode) {
        modeBox.setValue(mode);
    }

    private void applyMode() {
        Mode mode = modeBox.getValue();
        boolean chart = mode == Mode.TIME && profile != null && profile.timeline() != null;
        if (chart != graph.chart()) {
            applyRange();
        }
        if (mode == Mode.TIME && profile != null && profile.timeline() == null) {
            status.setText(messages.get("view.state.untimed", profile.source()));
        }
        graph.setIcicle(mode == Mode.ICICLE || mode == Mode.TIME);
        graph.setBaseline(mode == Mode.DIFF && baseline != null && graph.trie() != null
                ? DiffTree.baselineShares(graph.trie(), baseline.trie()) : null);
        graphArea.setCenter(mode == Mode.SANDWICH ? sandwichPane : graphScroll);
        if (mode == Mode.SANDWICH) {
            selectFunction(table.getSelectionModel().getSelectedItem());
        }
    }

    /** Highlights a function's frames (a {@code flame:<function>} evidence link) by searching for its exact name. */
    @Override
    public void reveal(String ref) {
        search.setText("^" + Pattern.quote(ref) + "$");
    }

    private void applySearch() {
        String text = search.getText();
        if (profile == null || text == null || text.isBlank()) {
            graph.setMatches(null);
            matched.setText("");
            return;
        }
        Pattern p;
        try {
            p = Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            graph.setMatches(null);
            matched.setText(messages.get("view.search.invalid", e.getDescription()));
            return;
        }
        StackTrie t = graph.trie();
        boolean[] hits = new boolean[t.frames().size()];
        for (int f = 1; f < hits.length; f++) {
            hits[f] = p.matcher(t.frames().name(f)).find();
        }
        graph.setMatches(hits);
        matched.setText(messages.get("view.search.matched", pct(100.0 * matchedShare(t, hits))));
    }

    /**
     * Returns the share of samples whose stack has at least one matching frame.
     *
     * @param t the trie
     * @param hits per frame id, whether it matches
     * @return the share, 0 to 1
     */
    static double matchedShare(StackTrie t, boolean[] hits) {
        long sum = 0;
        // a node counts when it matches and no ancestor does, so nested matches count once
        boolean[] covered = new boolean[t.size()];
        for (int n = 1; n < t.size(); n++) {
            boolean parentCovered = covered[t.parent(n)];
            covered[n] = parentCovered || hits[t.frame(n)];
            if (covered[n] && !parentCovered) {
                sum += t.total(n);
            }
        }
        return t.grandTotal() == 0 ? 0 : (double) sum / t.grandTotal();
    }

    private void selectFunction(FunctionStat f) {
        if (profile == null) {
            return;
        }
        graph.setSelectedFrame(f == null ? -1 : profile.trie().frames().find(f.name()));
        if (f != null && modeBox.getValue() == Mode.SANDWICH) {
            Sandwich s = Sandwich.of(profile.trie(), f.name());
            callers.setTrie(s.callers(), profile.unit());
            callees.setTrie(s.callees(), profile.unit());
            callersTitle.setText(messages.get("view.callers", f.name()));
            calleesTitle.setText(messages.get("view.callees", f.name()));
        }
    }

    private void updateBreadcrumb(int node) {
        breadcrumb.getChildren().clear();
        StackTrie t = graph.trie();
        if (t == null) {
            return;
        }
        List<Integer> path = new ArrayList<>();
        for (int n = node; n >= 0; n = t.parent(n)) {
            path.add(0, n);
        }
        for (int n : path) {
            Hyperlink link = new Hyperlink(n == StackTrie.ROOT ? "all" : t.name(n));
            link.setOnAction(e -> graph.zoomTo(n));
            breadcrumb.getChildren().add(link);
        }
    }

    void showFunctions(FunctionTable fs) {
        functionTable = fs;
        refreshTable();
    }

    /** Fills the table with the top rows of the function table in the table's order, filtered by the filter field. */
    private void refreshTable() {
        if (functionTable == null) {
            functions.clear();
            return;
        }
        FunctionTable.Key key = FunctionTable.Key.SELF;
        boolean descending = true;
        if (!table.getSortOrder().isEmpty()) {
            TableColumn<FunctionStat, ?> c = table.getSortOrder().get(0);
            int index = table.getColumns().indexOf(c);
            key = index == 0 ? FunctionTable.Key.NAME : index == 1 ? FunctionTable.Key.SELF : FunctionTable.Key.TOTAL;
            descending = c.getSortType() == TableColumn.SortType.DESCENDING;
        }
        FunctionTable source = functionTable;
        String text = filter.getText();
        FunctionTable.Key k = key;
        boolean desc = descending;
        long generation = ++tableGeneration;
        if (tasks == null || source.size() < 100_000) {
            functions.setAll(source.select(text, k, desc, TABLE_ROWS));
            return;
        }
        // millions of functions (a 1 GB profile): pick the rows off the JavaFX thread, keep only the latest request
        tasks.submit(messages.get("view.task"), ctx -> List.copyOf(source.select(text, k, desc, TABLE_ROWS))).result()
                .whenComplete((rows, error) -> fx.execute(() -> {
                    if (rows != null && generation == tableGeneration && source == functionTable) {
                        functions.setAll(rows);
                    }
                }));
    }

    javafx.scene.control.CheckBox leftHeavy() {
        return leftHeavy;
    }

    TimelineBar timelineBar() {
        return timelineBar;
    }

    FlameCanvas graph() {
        return graph;
    }

    FlameCanvas callers() {
        return callers;
    }

    FlameCanvas callees() {
        return callees;
    }

    TableView<FunctionStat> table() {
        return table;
    }

    TextField search() {
        return search;
    }

    TextField filter() {
        return filter;
    }

    Label matched() {
        return matched;
    }

    HBox breadcrumb() {
        return breadcrumb;
    }

    ComboBox<Palette.Mode> colorBox() {
        return colorBox;
    }

    ComboBox<StoredProfile> profileBox() {
        return profileBox;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        subscriptions.forEach(Registration::close);
        subscriptions.clear();
    }
}
