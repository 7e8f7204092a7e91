package dev.triage.plugin.logs.ui;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.CaseEvents;
import dev.triage.core.cases.CaseService;
import dev.triage.core.event.EventBus;
import dev.triage.core.event.TimeRangeSelected;
import dev.triage.core.service.Registration;
import dev.triage.core.task.TaskExecutor;
import dev.triage.plugin.logs.application.DensityBin;
import dev.triage.plugin.logs.application.Hit;
import dev.triage.plugin.logs.application.LogQueries;
import dev.triage.plugin.logs.application.NoteRow;
import dev.triage.plugin.logs.application.RememberArgs;
import dev.triage.plugin.logs.application.SearchArgs;
import dev.triage.plugin.logs.application.SearchResult;
import dev.triage.plugin.logs.application.TimelineArgs;
import dev.triage.plugin.logs.application.TimelineRow;
import dev.triage.plugin.logs.application.TimelineWindow;
import dev.triage.plugin.logs.domain.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The log timeline's state, without any {@code Node}: timeline filters, the paged rows, the per-file density, the
 * selected entry's context, and the search form with its hits. Database work runs as kernel tasks; results come back
 * through {@code fx} (the JavaFX thread in the application). Call everything except {@link #dispose()} on that thread.
 */
public final class LogsViewModel {

    /** Time buckets of the density histogram. */
    public static final int BUCKETS = 120;
    /** Context lines shown around a selected entry. */
    public static final int CONTEXT = 12;

    private final LogQueries queries;
    private final CaseService cases;
    private final TaskExecutor tasks;
    private final Executor fx;
    /** The view's id as the source of the time ranges it publishes. */
    static final String SOURCE = "logs.view";

    private final List<Registration> subscriptions = new ArrayList<>();
    private final EventBus events;

    private final StringProperty since = new SimpleStringProperty(this, "since", "");
    private final StringProperty until = new SimpleStringProperty(this, "until", "");
    private final StringProperty level = new SimpleStringProperty(this, "level", "");
    private final StringProperty file = new SimpleStringProperty(this, "file", "");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty fact = new SimpleStringProperty(this, "fact", "");
    private final StringProperty jump = new SimpleStringProperty(this, "jump", "");
    private final ReadOnlyObjectWrapper<PagedRows> rows = new ReadOnlyObjectWrapper<>(this, "rows");
    private final ObservableList<DensityBin> density = FXCollections.observableArrayList();
    private final ObservableList<String> files = FXCollections.observableArrayList();
    private final ObservableList<String> rules = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper context = new ReadOnlyStringWrapper(this, "context", "");
    private final ReadOnlyObjectWrapper<Long> scrollTo = new ReadOnlyObjectWrapper<>(this, "scrollTo");
    private final ObjectProperty<TimelineRow> selected = new SimpleObjectProperty<>(this, "selected");

    private final StringProperty must = new SimpleStringProperty(this, "must", "");
    private final StringProperty any = new SimpleStringProperty(this, "any", "");
    private final StringProperty none = new SimpleStringProperty(this, "none", "");
    private final StringProperty regex = new SimpleStringProperty(this, "regex", "");
    private final BooleanProperty ignoreCase = new SimpleBooleanProperty(this, "ignoreCase", false);
    private final StringProperty searchSince = new SimpleStringProperty(this, "searchSince", "");
    private final StringProperty searchUntil = new SimpleStringProperty(this, "searchUntil", "");
    private final StringProperty maxHits = new SimpleStringProperty(this, "maxHits", Integer.toString(SearchArgs.DEFAULT_MAX_HITS));
    private final StringProperty contextLines = new SimpleStringProperty(this, "contextLines", "3");
    private final ObservableList<Hit> hits = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper searchStatus = new ReadOnlyStringWrapper(this, "searchStatus", "");
    private long generation;

    /**
     * Creates the model and loads the current case.
     *
     * @param queries the logs queries
     * @param cases tells which case is open
     * @param tasks runs database work
     * @param events case events refresh the model
     * @param fx runs hand-backs on the thread that owns the model
     */
    public LogsViewModel(LogQueries queries, CaseService cases, TaskExecutor tasks, EventBus events, Executor fx) {
        this.queries = queries;
        this.cases = cases;
        this.tasks = tasks;
        this.fx = fx;
        subscriptions.add(events.subscribe(CaseEvents.Opened.class, e -> fx.execute(this::restoreFilters)));
        subscriptions.add(events.subscribe(CaseEvents.Imported.class, e -> fx.execute(this::refresh)));
        subscriptions.add(events.subscribe(CaseEvents.Closed.class, e -> fx.execute(this::refresh)));
        // the shared time cursor: a range selected in another view (metrics charts, slow-log chart) filters the timeline
        subscriptions.add(events.subscribe(TimeRangeSelected.class, e -> {
            if (!SOURCE.equals(e.source())) {
                fx.execute(() -> brush(micros(e.from()), micros(e.to())));
            }
        }));
        this.events = events;
        selected.addListener((o, a, b) -> loadContext(b));
        restoreFilters();
    }

    private Map<String, StringProperty> filterFields() {
        Map<String, StringProperty> m = new LinkedHashMap<>();
        m.put("since", since);
        m.put("until", until);
        m.put("level", level);
        m.put("file", file);
        m.put("text", text);
        m.put("fact", fact);
        return m;
    }

    /**
     * Puts back the filters last applied in the open case, then refreshes.
     *
     * @return completes once shown
     */
    public CompletableFuture<Void> restoreFilters() {
        Case c = cases.current().orElse(null);
        if (c == null) {
            return refresh();
        }
        CompletableFuture<Void> out = new CompletableFuture<>();
        tasks.submit("Log view filters", ctx -> queries.viewFilters(c)).result().whenComplete((m, e) -> fx.execute(() -> {
            if (m != null) {
                filterFields().forEach((k, p) -> p.set(m.getOrDefault(k, "")));
            }
            refresh().whenComplete((x, y) -> out.complete(null));
        }));
        return out;
    }

    private TimelineArgs args() {
        return new TimelineArgs(blank(since.get()), blank(until.get()), blank(level.get()), blank(file.get()), blank(text.get()),
                blank(fact.get()), null, null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() || s.equals("*") ? null : s.strip();
    }

    /**
     * Reloads the rows, the density and the filter choices with the current filters.
     *
     * @return completes once shown
     */
    public CompletableFuture<Void> refresh() {
        long run = ++generation;
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Case c = cases.current().orElse(null);
        if (c == null) {
            replaceRows(null);
            density.clear();
            status.set("No case open");
            shown.complete(null);
            return shown;
        }
        TimelineArgs args;
        try {
            args = args();
            Times.micros(args.since(), java.time.ZoneOffset.UTC);
            Times.micros(args.until(), java.time.ZoneOffset.UTC);
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            shown.complete(null);
            return shown;
        }
        status.set("Loading…");
        Map<String, String> keep = new LinkedHashMap<>();
        filterFields().forEach((k, p) -> keep.put(k, p.get()));
        tasks.submit("Log timeline", ctx -> {
            queries.saveViewFilters(c, keep);
            TimelineWindow w = queries.window(c, args);
            List<DensityBin> bins = queries.density(c, new TimelineArgs(null, null, args.level(), args.file(), args.text(), args.fact(),
                    null, null), BUCKETS);
            var report = queries.report(c);
            List<String> names = report.files().stream().map(f -> f.name()).distinct().toList();
            List<String> ruleNames = report.facts().stream().map(f -> f.rule()).distinct().sorted().toList();
            fx.execute(() -> {
                if (run != generation) {
                    w.close();
                    return;
                }
                replaceRows(w);
                density.setAll(bins);
                files.setAll(names);
                rules.setAll(ruleNames);
                status.set(w.size() == 0 ? (names.isEmpty() ? "No log imported: drop log files or run triage logs import" : "No entry matches")
                        : String.format("%,d entries · times in %s", w.size(), report.zone()));
                shown.complete(null);
            });
            return null;
        }).result().whenComplete((r, e) -> {
            if (e != null) {
                fx.execute(() -> {
                    status.set("Failed: " + rootMessage(e));
                    shown.complete(null);
                });
            }
        });
        return shown;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private void replaceRows(TimelineWindow w) {
        PagedRows old = rows.get();
        rows.set(w == null ? null : new PagedRows(w, r -> tasks.submit("Log page", ctx -> {
            r.run();
            return null;
        }), fx));
        if (old != null) {
            old.window().close();
        }
    }

    /**
     * Filters by a range the user brushed on this view's histogram and tells the other views (the shared time cursor).
     *
     * @param fromMicros the start, microseconds since 1970 UTC
     * @param toMicros the end
     * @return completes once shown
     */
    public CompletableFuture<Void> select(long fromMicros, long toMicros) {
        long lo = Math.min(fromMicros, toMicros);
        long hi = Math.max(fromMicros, toMicros);
        events.publish(new TimeRangeSelected(instant(lo), instant(hi), SOURCE));
        return brush(lo, hi);
    }

    private static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }

    /**
     * Filters the list to a time range chosen on the histogram.
     *
     * @param fromMicros the start
     * @param toMicros the end
     * @return completes once shown
     */
    public CompletableFuture<Void> brush(long fromMicros, long toMicros) {
        since.set(Times.iso(fromMicros));
        until.set(Times.iso(toMicros));
        return refresh();
    }

    /**
     * Clears every filter and reloads.
     *
     * @return completes once shown
     */
    public CompletableFuture<Void> clearFilters() {
        for (StringProperty p : List.of(since, until, level, file, text, fact)) {
            p.set("");
        }
        return refresh();
    }

    /**
     * Scrolls to the first entry at or after the jump time.
     *
     * @return completes with the row position, or -1 when the time is wrong or nothing is shown
     */
    public CompletableFuture<Long> jumpToTime() {
        PagedRows r = rows.get();
        Case c = cases.current().orElse(null);
        if (r == null || c == null) {
            return CompletableFuture.completedFuture(-1L);
        }
        return scrollToFound("Jump to time", () -> {
            String zone = queries.timeline(c, new TimelineArgs(null, null, null, null, null, null, 1, null)).zone();
            Long micros = Times.micros(jump.get(), java.time.ZoneId.of(zone));
            return micros == null ? -1 : r.window().positionOf(micros);
        }, null);
    }

    /** Finds a row position off the JavaFX thread and scrolls there; says {@code missing} (when given) if there is none. */
    private CompletableFuture<Long> scrollToFound(String task, java.util.concurrent.Callable<Long> find, String missing) {
        CompletableFuture<Long> out = new CompletableFuture<>();
        tasks.submit(task, ctx -> {
            long pos = find.call();
            fx.execute(() -> {
                if (pos >= 0) {
                    scrollTo.set(null);
                    scrollTo.set(pos);
                } else if (missing != null) {
                    status.set(missing);
                }
                out.complete(pos);
            });
            return null;
        }).result().whenComplete((x, e) -> {
            if (e != null) {
                fx.execute(() -> {
                    status.set(rootMessage(e));
                    out.complete(-1L);
                });
            }
        });
        return out;
    }

    /**
     * Clears the filters and scrolls to the entry holding a file's line: a {@code log:<file>:<line>} evidence link.
     *
     * @param ref the file name, a colon and the line
     * @return completes with the row position, or -1 when the case has no such entry
     */
    public CompletableFuture<Long> reveal(String ref) {
        int colon = ref.lastIndexOf(':');
        long line;
        try {
            line = colon < 0 ? -1 : Long.parseLong(ref.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            line = -1;
        }
        if (line < 0) {
            status.set("Not a log link (file:line): " + ref);
            return CompletableFuture.completedFuture(-1L);
        }
        String name = ref.substring(0, colon);
        long wanted = line;
        for (StringProperty p : List.of(since, until, level, file, text, fact)) {
            p.set("");
        }
        return refresh().thenCompose(v -> {
            PagedRows r = rows.get();
            return r == null ? CompletableFuture.completedFuture(-1L) : scrollToFound("Show log line",
                    () -> r.window().positionOfLine(name, wanted), "No entry of " + name + " at line " + wanted + " in the timeline");
        });
    }

    private void loadContext(TimelineRow row) {
        Case c = cases.current().orElse(null);
        if (row == null || c == null) {
            context.set("");
            return;
        }
        tasks.submit("Log context", ctx -> {
            List<String> lines = queries.context(c, row.fileId(), row.line(), CONTEXT, row.lines() - 1 + CONTEXT);
            fx.execute(() -> {
                if (row.equals(selected.get())) {
                    context.set(String.join("\n", lines));
                }
            });
            return null;
        });
    }

    /**
     * Bookmarks the selected entry.
     *
     * @param note the note text
     * @return completes with the stored note
     */
    public CompletableFuture<NoteRow> bookmarkSelected(String note) {
        TimelineRow row = selected.get();
        if (row == null) {
            return CompletableFuture.completedFuture(null);
        }
        return bookmark(Integer.toString(row.fileId()), row.line(), note);
    }

    /**
     * Bookmarks a line.
     *
     * @param fileId the file id
     * @param line the line
     * @param note the note text
     * @return completes with the stored note
     */
    public CompletableFuture<NoteRow> bookmark(String fileId, long line, String note) {
        CompletableFuture<NoteRow> out = new CompletableFuture<>();
        tasks.submit("Bookmark", ctx -> queries.remember(new RememberArgs(fileId, line, "bookmark", null, note))).result()
                .whenComplete((n, e) -> fx.execute(() -> {
                    status.set(e != null ? rootMessage(e) : "Bookmarked " + n.file() + ":" + n.line() + " (in the report)");
                    out.complete(n);
                }));
        return out;
    }

    /**
     * Runs the search form's query.
     *
     * @return completes with the result once shown, or null when the query was wrong
     */
    public CompletableFuture<SearchResult> search() {
        CompletableFuture<SearchResult> out = new CompletableFuture<>();
        Case c = cases.current().orElse(null);
        if (c == null) {
            searchStatus.set("No case open");
            out.complete(null);
            return out;
        }
        SearchArgs args;
        try {
            args = new SearchArgs(terms(must.get()), terms(any.get()), terms(none.get()), blank(regex.get()), ignoreCase.get(),
                    blank(searchSince.get()), blank(searchUntil.get()), Integer.parseInt(maxHits.get().strip()),
                    Integer.parseInt(contextLines.get().strip()), null, null, null);
        } catch (NumberFormatException e) {
            searchStatus.set("Max hits and context must be numbers");
            out.complete(null);
            return out;
        }
        searchStatus.set("Searching…");
        tasks.submit("Log search", ctx -> queries.search(c, args, ctx)).result().whenComplete((r, e) -> fx.execute(() -> {
            if (e != null) {
                searchStatus.set(rootMessage(e));
                out.complete(null);
                return;
            }
            hits.setAll(r.hits());
            var s = r.stats();
            searchStatus.set(String.format("%,d hits · %d files · %,d bytes · %,d candidate lines · %d ms%s", s.hits(), s.files(), s.bytes(),
                    s.candidateLines(), s.millis(), s.truncated() ? " · truncated (" + s.reason() + ")" : ""));
            out.complete(r);
        }));
        return out;
    }

    private static List<String> terms(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** Unsubscribes from case events and closes the open window. */
    public void dispose() {
        subscriptions.forEach(Registration::close);
        subscriptions.clear();
        PagedRows r = rows.get();
        if (r != null) {
            r.window().close();
        }
    }

    /** @return the since filter */
    public StringProperty sinceProperty() {
        return since;
    }

    /** @return the until filter */
    public StringProperty untilProperty() {
        return until;
    }

    /** @return the minimum level filter */
    public StringProperty levelProperty() {
        return level;
    }

    /** @return the file filter */
    public StringProperty fileProperty() {
        return file;
    }

    /** @return the text filter */
    public StringProperty textProperty() {
        return text;
    }

    /** @return the fact filter */
    public StringProperty factProperty() {
        return fact;
    }

    /** @return the time to jump to */
    public StringProperty jumpProperty() {
        return jump;
    }

    /** @return the paged rows of the timeline */
    public ReadOnlyObjectProperty<PagedRows> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** @return the density buckets per file */
    public ObservableList<DensityBin> density() {
        return density;
    }

    /** @return the file names of the case */
    public ObservableList<String> files() {
        return files;
    }

    /** @return the fact rules that matched */
    public ObservableList<String> rules() {
        return rules;
    }

    /** @return the status text */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** @return the selected entry's context lines */
    public ReadOnlyStringProperty contextProperty() {
        return context.getReadOnlyProperty();
    }

    /** @return the row position the list should scroll to */
    public ReadOnlyObjectProperty<Long> scrollToProperty() {
        return scrollTo.getReadOnlyProperty();
    }

    /** @return the selected entry */
    public ObjectProperty<TimelineRow> selectedProperty() {
        return selected;
    }

    /** @return the must terms, comma-separated */
    public StringProperty mustProperty() {
        return must;
    }

    /** @return the any terms, comma-separated */
    public StringProperty anyProperty() {
        return any;
    }

    /** @return the none terms, comma-separated */
    public StringProperty noneProperty() {
        return none;
    }

    /** @return the regex */
    public StringProperty regexProperty() {
        return regex;
    }

    /** @return whether case is ignored */
    public BooleanProperty ignoreCaseProperty() {
        return ignoreCase;
    }

    /** @return the search's since */
    public StringProperty searchSinceProperty() {
        return searchSince;
    }

    /** @return the search's until */
    public StringProperty searchUntilProperty() {
        return searchUntil;
    }

    /** @return the max hits */
    public StringProperty maxHitsProperty() {
        return maxHits;
    }

    /** @return the context lines */
    public StringProperty contextLinesProperty() {
        return contextLines;
    }

    /** @return the hits of the last search */
    public ObservableList<Hit> hits() {
        return hits;
    }

    /** @return the search status */
    public ReadOnlyStringProperty searchStatusProperty() {
        return searchStatus.getReadOnlyProperty();
    }
}
