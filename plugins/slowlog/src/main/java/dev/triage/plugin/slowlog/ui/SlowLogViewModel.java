package dev.triage.plugin.slowlog.ui;

import dev.triage.core.cases.CaseEvents;
import dev.triage.core.cases.CaseService;
import dev.triage.core.event.EventBus;
import dev.triage.core.i18n.Messages;
import dev.triage.core.service.Registration;
import dev.triage.core.task.TaskExecutor;
import dev.triage.plugin.slowlog.application.CaseDigestArgs;
import dev.triage.plugin.slowlog.application.DigestFilter;
import dev.triage.plugin.slowlog.application.DigestGroup;
import dev.triage.plugin.slowlog.application.DigestOrder;
import dev.triage.plugin.slowlog.application.DigestRow;
import dev.triage.plugin.slowlog.application.SlowLogDigests;
import dev.triage.plugin.slowlog.application.TimelinePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The slow-log explorer's state, without any {@code Node}: the filter fields, the digest rows of the current case, the
 * selected class and a status text. The digest runs as a kernel task; its result is handed back through {@code fx}
 * (the JavaFX thread in the application, the calling thread in tests). Call everything except {@link #dispose()} on
 * that thread.
 */
public final class SlowLogViewModel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SlowLogViewModel.class);

    /** How many classes the explorer shows at most; the table holds digest rows, not events, so this stays small. */
    public static final int LIMIT = 500;
    /** How many time buckets the selected class's chart has at most. */
    public static final int BUCKETS = 60;

    /** What the view shows instead of rows. */
    public enum State {
        /** No case is open. */
        NO_CASE,
        /** The digest is running. */
        LOADING,
        /** A case is open but holds no slow-query event. */
        NO_SLOW_LOG,
        /** Events exist but none passes the filters. */
        NO_MATCH,
        /** The rows are shown. */
        ROWS,
        /** The filters or the digest failed; the status says why. */
        ERROR
    }

    private final SlowLogDigests digests;
    private final CaseService cases;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final Executor fx;
    private final List<Registration> subscriptions = new ArrayList<>();
    /** The source name of the time ranges this view publishes. */
    static final String SOURCE = "slowlog.view";
    private final EventBus events;

    private final StringProperty since = new SimpleStringProperty(this, "since", "");
    private final StringProperty until = new SimpleStringProperty(this, "until", "");
    private final StringProperty db = new SimpleStringProperty(this, "db", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty minTime = new SimpleStringProperty(this, "minTime", "");
    private final StringProperty match = new SimpleStringProperty(this, "match", "");
    private final ObjectProperty<DigestOrder> order = new SimpleObjectProperty<>(this, "order", DigestOrder.SUM);
    private final ObjectProperty<DigestGroup> group = new SimpleObjectProperty<>(this, "group", DigestGroup.FINGERPRINT);

    private final ObservableList<DigestRow> rows = FXCollections.observableArrayList();
    private final ObservableList<DigestRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<DigestRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NO_CASE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObservableList<TimelinePoint> timeline = FXCollections.observableArrayList();
    private final ObservableList<TimelinePoint> readOnlyTimeline = FXCollections.unmodifiableObservableList(timeline);
    private DigestFilter applied = DigestFilter.ALL;
    private long generation;
    private String wanted;
    private long timelineGeneration;
    private CompletableFuture<Void> timelineShown = CompletableFuture.completedFuture(null);

    /**
     * Creates the model and starts a first refresh.
     *
     * @param digests the digest use cases
     * @param cases tells which case is open
     * @param tasks runs the digest off the JavaFX thread
     * @param events the bus whose case events trigger a refresh
     * @param messages the plugin's texts
     * @param fx runs result hand-backs on the thread that owns this model
     */
    public SlowLogViewModel(SlowLogDigests digests, CaseService cases, TaskExecutor tasks, EventBus events, Messages messages,
            Executor fx) {
        this.digests = digests;
        this.cases = cases;
        this.tasks = tasks;
        this.messages = messages;
        this.fx = fx;
        subscriptions.add(events.subscribe(CaseEvents.Opened.class, e -> fx.execute(this::refresh)));
        subscriptions.add(events.subscribe(CaseEvents.Imported.class, e -> fx.execute(this::refresh)));
        subscriptions.add(events.subscribe(CaseEvents.Closed.class, e -> fx.execute(this::refresh)));
        // the shared time cursor: a range selected in another view (metrics charts, log timeline) filters the digest
        subscriptions.add(events.subscribe(dev.triage.core.event.TimeRangeSelected.class, e -> {
            if (!SOURCE.equals(e.source())) {
                fx.execute(() -> brush(e.from(), e.to()));
            }
        }));
        this.events = events;
        selected.addListener((o, a, b) -> loadTimeline(b));
        refresh();
    }

    /**
     * Digests the current case again with the current filters, as a kernel task.
     *
     * @return completes once the result (or the error) is shown
     */
    public CompletableFuture<Void> refresh() {
        long run = ++generation;
        CompletableFuture<Void> shown = new CompletableFuture<>();
        if (cases.current().isEmpty()) {
            show(run, State.NO_CASE, List.of(), messages.get("view.state.no-case"));
            shown.complete(null);
            return shown;
        }
        CaseDigestArgs args;
        try {
            args = args();
            args.filter();
        } catch (IllegalArgumentException e) {
            show(run, State.ERROR, List.of(), messages.get("view.state.error", e.getMessage()));
            shown.complete(null);
            return shown;
        }
        boolean filtered = !args.filter().equals(DigestFilter.ALL);
        applied = args.filter();
        busy.set(true);
        state.set(State.LOADING);
        status.set(messages.get("view.state.loading"));
        long started = System.nanoTime();
        tasks.submit(messages.get("view.task"), ctx -> digests.digestCase(args)).result().whenComplete((result, error) -> fx.execute(() -> {
            if (run == generation) {
                busy.set(false);
                LOG.info("Slow-log digest of the case shown {} ms after it was asked for", (System.nanoTime() - started) / 1_000_000);
                if (error != null) {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    show(run, State.ERROR, List.of(), messages.get("view.state.error", String.valueOf(cause.getMessage())));
                } else if (result.isEmpty()) {
                    show(run, filtered ? State.NO_MATCH : State.NO_SLOW_LOG, result,
                            messages.get(filtered ? "view.state.no-match" : "view.state.no-slow-log"));
                } else {
                    show(run, State.ROWS, result, messages.get(result.size() >= LIMIT ? "view.state.rows-limited" : "view.state.rows",
                            result.size(), result.stream().mapToLong(DigestRow::count).sum()));
                }
            }
            shown.complete(null);
        }));
        return shown;
    }

    private void loadTimeline(DigestRow row) {
        long run = ++timelineGeneration;
        CompletableFuture<Void> shown = new CompletableFuture<>();
        timelineShown = shown;
        if (row == null) {
            timeline.clear();
            shown.complete(null);
            return;
        }
        DigestFilter filter = applied;
        tasks.submit(messages.get("view.task.timeline"), ctx -> digests.timeline(group.get(), row.checksum(), filter, BUCKETS)).result()
                .whenComplete((points, error) -> fx.execute(() -> {
                    if (run == timelineGeneration) {
                        // a chart that cannot be drawn is no reason to hide the class: it stays empty
                        timeline.setAll(error == null ? points : List.of());
                    }
                    shown.complete(null);
                }));
    }

    /**
     * Returns when the chart data of the current selection is shown; for tests and for callers that wait on it.
     *
     * @return completes once {@link #timeline()} matches {@link #selectedProperty()}
     */
    public CompletableFuture<Void> timelineShown() {
        return timelineShown;
    }

    /** @return the selected class's executions over time, oldest bucket first */
    public ObservableList<TimelinePoint> timeline() {
        return readOnlyTimeline;
    }

    /** Empties every filter field and refreshes. */
    public void clearFilters() {
        List.of(since, until, db, user, host, minTime, match).forEach(p -> p.set(""));
        refresh();
    }

    private CaseDigestArgs args() {
        Double min = null;
        String m = minTime.get() == null ? "" : minTime.get().trim();
        if (!m.isEmpty()) {
            try {
                min = Double.valueOf(m.replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(messages.get("view.filter.bad-number", m), e);
            }
        }
        return new CaseDigestArgs(LIMIT, order.get().name().toLowerCase(Locale.ROOT), null,
                group.get().name().toLowerCase(Locale.ROOT), blank(since), blank(until), blank(db), blank(user),
                blank(host), min, blank(match));
    }

    private static String blank(StringProperty p) {
        String v = p.get();
        return v == null || v.isBlank() ? null : v.trim();
    }

    private void show(long run, State next, List<DigestRow> result, String text) {
        if (run != generation) {
            return;
        }
        DigestRow previous = selected.get();
        DigestRow same = previous == null ? null
                : result.stream().filter(r -> r.checksum().equals(previous.checksum())).findFirst().orElse(null);
        rows.setAll(result); // a view may select a row of the new result while this runs: keep that one
        DigestRow now = selected.get();
        if (same != null) {
            selected.set(same);
        } else if (now != null && result.stream().noneMatch(r -> r == now)) {
            selected.set(null);
        }
        state.set(next);
        status.set(text);
        selectWanted();
    }

    /**
     * Selects the class with this id once it is among the rows, clearing the filters when they hide it.
     *
     * @param checksum the class id (the key of the current grouping)
     * @return completes once the class is selected, or the digest without filters is shown without it
     */
    public CompletableFuture<Void> reveal(String checksum) {
        wanted = checksum;
        if (selectWanted()) {
            return CompletableFuture.completedFuture(null);
        }
        List.of(since, until, db, user, host, minTime, match).forEach(p -> p.set(""));
        group.set(DigestGroup.FINGERPRINT);
        return refresh();
    }

    private boolean selectWanted() {
        if (wanted == null) {
            return false;
        }
        DigestRow row = rows.stream().filter(r -> r.checksum().equalsIgnoreCase(wanted)).findFirst().orElse(null);
        if (row != null) {
            wanted = null;
            selected.set(row);
        }
        return row != null;
    }

    /**
     * Selects a class for the detail pane.
     *
     * @param row one of {@link #rows()}, or null
     */
    public void select(DigestRow row) {
        selected.set(row);
    }

    /**
     * Narrows the filters to a time range brushed on the chart and digests again.
     *
     * @param from the start of the range
     * @param to the end of the range
     * @return completes once the result is shown
     */
    public CompletableFuture<Void> brush(java.time.Instant from, java.time.Instant to) {
        since.set(from.toString());
        until.set(to.toString());
        return refresh();
    }

    /**
     * Filters by a range the user brushed on this view's chart and tells the other views (the shared time cursor).
     *
     * @param from the start of the range
     * @param to the end of the range
     * @return completes once the result is shown
     */
    public CompletableFuture<Void> select(java.time.Instant from, java.time.Instant to) {
        events.publish(new dev.triage.core.event.TimeRangeSelected(from, to, SOURCE));
        return brush(from, to);
    }

    /**
     * Shows a message in the status line, such as an action's error.
     *
     * @param text the message
     */
    public void report(String text) {
        status.set(text);
    }

    /** Unsubscribes from the event bus; results of a digest still running are dropped. */
    public void dispose() {
        generation++;
        timelineGeneration++;
        subscriptions.forEach(Registration::close);
        subscriptions.clear();
    }

    /** @return the digest rows, best first by {@link #orderProperty()} */
    public ObservableList<DigestRow> rows() {
        return readOnlyRows;
    }

    /** @return the selected class, or null */
    public ReadOnlyObjectProperty<DigestRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** @return a one-line description of what is shown or what went wrong */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** @return what the view shows instead of rows */
    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** @return true while a digest runs */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** @return only events at or after this time (ISO-8601 or a date) */
    public StringProperty sinceProperty() {
        return since;
    }

    /** @return only events before this time */
    public StringProperty untilProperty() {
        return until;
    }

    /** @return only this default database */
    public StringProperty dbProperty() {
        return db;
    }

    /** @return only this user */
    public StringProperty userProperty() {
        return user;
    }

    /** @return only this client host */
    public StringProperty hostProperty() {
        return host;
    }

    /** @return only events that took at least this many seconds */
    public StringProperty minTimeProperty() {
        return minTime;
    }

    /** @return only classes whose fingerprint contains this text */
    public StringProperty matchProperty() {
        return match;
    }

    /** @return what the digest groups events by: query classes (the default), databases, users, hosts or TiDB plans */
    public ObjectProperty<DigestGroup> groupProperty() {
        return group;
    }

    /**
     * Returns the order classes are ranked by; changing it does not refresh by itself.
     *
     * @return the order property
     */
    public ObjectProperty<DigestOrder> orderProperty() {
        return order;
    }
}
