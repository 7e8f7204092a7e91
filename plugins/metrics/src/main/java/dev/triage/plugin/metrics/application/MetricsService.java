package dev.triage.plugin.metrics.application;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.CaseService;
import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.FindingSource;
import dev.triage.core.finding.FindingStore;
import dev.triage.core.finding.Severity;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.metrics.domain.Anomaly;
import dev.triage.plugin.metrics.domain.AnomalyDetector;
import dev.triage.plugin.metrics.domain.MetricType;
import dev.triage.plugin.metrics.domain.NamedQuery;
import dev.triage.plugin.metrics.domain.QuerySet;
import dev.triage.plugin.metrics.domain.Selector;
import dev.triage.plugin.metrics.domain.Series;
import dev.triage.plugin.metrics.domain.SeriesBuilder;
import dev.triage.plugin.metrics.domain.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The metrics use cases: fetch from Prometheus into the case, chart, and find what changed first. */
public final class MetricsService {

    /** The plugin id under which the "what changed first" findings are kept. */
    public static final String PLUGIN_ID = "metrics";
    /** The target of those findings. */
    public static final String FINDINGS_TARGET = "what-changed-first";

    /** Series stored per batch while a query's answer is read. */
    static final int BATCH = 16;

    /** The window fetched when none is given. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    /**
     * One chart: a title and its series.
     *
     * @param title the title
     * @param query the PromQL or selector
     * @param series the series
     */
    public record Chart(String title, String query, List<Series> series) {
    }

    private final MetricsStore store;
    private final CaseService cases;
    private final SourceFactory sources;
    private final QuerySetCatalog sets;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param store the case store
     * @param cases the open case
     * @param sources opens Prometheus sources
     * @param sets the query sets
     * @param clock the clock, for relative times
     */
    public MetricsService(MetricsStore store, CaseService cases, SourceFactory sources, QuerySetCatalog sets, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.sources = sources;
        this.sets = sets;
        this.clock = clock;
    }

    /**
     * Returns the store.
     *
     * @return the store
     */
    public MetricsStore store() {
        return store;
    }

    /**
     * Returns the query sets.
     *
     * @return the catalog
     */
    public QuerySetCatalog sets() {
        return sets;
    }

    /**
     * Opens a source, for the view's completion.
     *
     * @param url the URL
     * @param connection or a saved connection's id
     * @return the source
     * @throws Exception when it cannot be opened
     */
    public PrometheusSource source(String url, String connection) throws Exception {
        return sources.open(url, connection);
    }

    /**
     * Fetches a query set (and extra queries) over a window into the open case, as one atomic import.
     *
     * @param args the arguments
     * @param task progress and cancel
     * @return what was stored
     * @throws Exception when no case is open, the server cannot be reached or the case refuses
     */
    public FetchResult fetch(FetchArgs args, TaskContext task) throws Exception {
        long started = System.nanoTime();
        Case target = requireCase("triage metrics fetch --prometheus URL --query-set node --case DIR");
        PrometheusSource source = sources.open(args.prometheus(), args.connection());
        List<NamedQuery> queries = new ArrayList<>();
        if (args.querySet() != null && !args.querySet().isBlank()) {
            queries.addAll(sets.load(args.querySet(), target).queries());
        }
        if (args.query() != null) {
            args.query().forEach(q -> queries.add(new NamedQuery(q, q)));
        }
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("Give --query-set (" + String.join(", ", sets.names()) + ", a file, or case) or PromQL queries as arguments");
        }
        Instant[] window = window(target, args.since(), args.until());
        Instant from = window[0];
        Instant to = window[1];
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--since " + from + " is not before --until " + to);
        }
        Duration range = Duration.between(from, to);
        int maxPoints = args.maxPoints() == null ? Step.MAX_POINTS : args.maxPoints();
        Duration step = args.step() == null ? Step.forRange(range, maxPoints, Duration.ofSeconds(1)) : Times.duration(args.step());
        if (Step.points(range, step) > Step.MAX_POINTS) {
            throw new IllegalArgumentException("Step " + step.toSeconds() + "s over " + range + " gives " + Step.points(range, step)
                    + " points per series; Prometheus allows " + Step.MAX_POINTS + ": use a larger --step or a shorter window");
        }
        List<FetchResult.QueryResult> lines = new ArrayList<>();
        long[] totals = new long[2];
        try {
            // one atomic import; each query's series are stored while the rest of its answer is still read
            target.importAtomically("metrics " + source.address() + " " + from + ".." + to, task, session -> {
                int pos = 0;
                for (int i = 0; i < queries.size(); i++) {
                    task.checkCancelled();
                    NamedQuery q = queries.get(i);
                    task.progress((double) i / queries.size(), "Fetching " + q.title());
                    long[] got = new long[2];
                    String error = stream(source, q, from, to, step, task, batch -> {
                        long n = store.save(session, source.address(), q.promql(), batch);
                        session.addRows(n);
                        got[0] += batch.size();
                        got[1] += n;
                    });
                    if (error != null && got[0] > 0) {
                        throw new java.io.IOException("The answer to '" + q.title() + "' broke off after " + got[0] + " series: " + error);
                    }
                    if (error == null) {
                        store.saveQuery(session, pos++, q, source.address(), step.toMillis() / 1000.0);
                    }
                    lines.add(new FetchResult.QueryResult(q.title(), q.promql(), (int) got[0], got[1], error));
                    totals[0] += got[0];
                    totals[1] += got[1];
                }
                if (pos == 0) {
                    throw new NothingFetched();
                }
            });
        } catch (dev.triage.core.cases.CaseException e) {
            if (!(e.getCause() instanceof NothingFetched)) {
                throw e;
            }
        }
        return new FetchResult(source.address(), from, to, step, lines, totals[0], totals[1], (System.nanoTime() - started) / 1_000_000);
    }

    /** Thrown inside the import when every query failed, so that nothing is recorded. */
    private static final class NothingFetched extends Exception {
        private static final long serialVersionUID = 1L;

        NothingFetched() {
            super("no query could be fetched", null, false, false);
        }
    }

    /** Stores a batch of series. */
    private interface Batches {
        void store(List<Series> batch) throws Exception;
    }

    /**
     * Reads one query's answer on a fetch thread and hands its series to the caller's thread in batches of
     * {@value #BATCH}, so parsing and storing overlap.
     *
     * @return null when the query succeeded, else the error
     */
    private static String stream(PrometheusSource source, NamedQuery q, Instant from, Instant to, Duration step, TaskContext task,
            Batches batches) throws Exception {
        java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.ArrayBlockingQueue<>(4 * BATCH);
        Object end = new Object();
        Thread fetcher = new Thread(() -> {
            Object last = end;
            try {
                source.queryRange(q.promql(), from, to, step, q.title(), s -> {
                    try {
                        queue.put(s);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.util.concurrent.CancellationException("fetch cancelled");
                    }
                });
            } catch (Exception | Error e) {
                last = e;
            }
            try {
                queue.put(last);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "metrics-fetch");
        fetcher.setDaemon(true);
        fetcher.start();
        List<Series> batch = new ArrayList<>();
        try {
            while (true) {
                Object next = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                task.checkCancelled();
                if (next == null) {
                    continue;
                }
                if (next instanceof Series s) {
                    batch.add(s);
                    if (batch.size() == BATCH) {
                        batches.store(batch);
                        batch = new ArrayList<>();
                    }
                    continue;
                }
                if (!batch.isEmpty()) {
                    batches.store(batch);
                }
                if (next == end) {
                    return null;
                }
                if (next instanceof java.io.IOException e) {
                    return e.getMessage();
                }
                if (next instanceof Exception e) {
                    throw e;
                }
                throw (Error) next;
            }
        } finally {
            fetcher.interrupt();
        }
    }

    /**
     * Returns the window a fetch covers: the given ends; where both are missing, the case's incident window when it has
     * one; else the hour before {@code until} (or now).
     *
     * @param c the case, or null
     * @param since the start as given, or null
     * @param until the end as given, or null
     * @return the start and the end
     */
    public Instant[] window(Case c, String since, String until) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (since == null && until == null && c != null) {
            var incident = c.incidentWindow();
            if (incident.isPresent()) {
                return new Instant[] {incident.get().from(), incident.get().until()};
            }
        }
        Instant to = until == null ? now : Times.parse(until, now);
        Instant from = since == null ? to.minus(DEFAULT_WINDOW) : Times.parse(since, now);
        return new Instant[] {from, to};
    }

    /**
     * Shows the open case's incident window, or sets it when both ends are given ({@code triage metrics incident}).
     *
     * @param args the window's ends, or none to show it; {@code clear} to remove it
     * @return a line saying the window and the step a fetch of it uses
     * @throws Exception when no case is open or the case file cannot be written
     */
    public String incident(IncidentArgs args) throws Exception {
        Case c = requireCase("triage metrics incident --since T --until T --case DIR");
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (args != null && Boolean.TRUE.equals(args.clear())) {
            c.setIncidentWindow(null);
            return "Incident window cleared";
        }
        if (args != null && (args.since() != null || args.until() != null)) {
            if (args.since() == null || args.until() == null) {
                throw new IllegalArgumentException("Give both --since and --until to set the incident window");
            }
            c.setIncidentWindow(new dev.triage.core.cases.IncidentWindow(Times.parse(args.since(), now), Times.parse(args.until(), now)));
        }
        return c.incidentWindow().map(w -> "Incident window " + w.from() + " .. " + w.until() + " (" + w.length()
                + "); metrics fetch uses step " + Step.forRange(w.length(), Step.MAX_POINTS, Duration.ofSeconds(1)).toSeconds() + "s")
                .orElse("No incident window: metrics fetch takes the last hour (set one with --since and --until)");
    }

    /**
     * Returns the series a chart query selects in the open case: a stored query's title or PromQL, else a selector.
     *
     * @param query the query
     * @param fromMillis the window's start
     * @param toMillis the window's end
     * @return the chart
     * @throws Exception when no case is open or the selector is invalid
     */
    public Chart chartOf(String query, long fromMillis, long toMillis) throws Exception {
        Case c = requireCase("triage metrics chart --query QUERY --png out.png --case DIR");
        for (NamedQuery q : store.queries(c)) {
            if (q.title().equals(query.strip()) || q.promql().equals(query.strip())) {
                return new Chart(q.title(), q.promql(), store.loadQuery(c, q.promql(), fromMillis, toMillis));
            }
        }
        Selector selector = Selector.parse(query);
        return new Chart(query.strip(), query.strip(), store.load(c, selector::matches, fromMillis, toMillis));
    }

    /**
     * Returns the charts of the open case: each fetched query, then each imported metric (rates for counters), at most
     * {@code limit}.
     *
     * @param limit the most charts
     * @return the charts with data
     * @throws Exception when the database refuses
     */
    public List<Chart> charts(int limit) throws Exception {
        Case c = cases.current().orElse(null);
        if (c == null) {
            return List.of();
        }
        List<Chart> out = new ArrayList<>();
        for (NamedQuery q : store.queries(c)) {
            List<Series> s = store.loadQuery(c, q.promql(), Long.MIN_VALUE, Long.MAX_VALUE);
            if (!s.isEmpty() && out.size() < limit) {
                out.add(new Chart(q.title(), q.promql(), s));
            }
        }
        if (out.size() < limit) {
            Map<String, List<Series>> byMetric = new LinkedHashMap<>();
            for (Series s : store.loadImported(c, Long.MIN_VALUE, Long.MAX_VALUE)) {
                if (s.size() > 1) {
                    byMetric.computeIfAbsent(s.key().metric(), k -> new ArrayList<>()).add(isCounter(s) ? SeriesBuilder.rate(s) : s);
                }
            }
            for (var e : byMetric.entrySet()) {
                if (out.size() >= limit) {
                    break;
                }
                boolean counter = e.getKey().endsWith("_total");
                out.add(new Chart(counter ? "rate(" + e.getKey() + ")" : e.getKey(), e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    /**
     * Writes a chart of the open case to a PNG file.
     *
     * @param args the arguments
     * @return a line saying what was written
     * @throws Exception when nothing matches or the file cannot be written
     */
    public String chart(ChartArgs args) throws Exception {
        if (args.query() == null || args.png() == null) {
            throw new IllegalArgumentException("Give --query QUERY and --png FILE");
        }
        Instant now = clock.instant();
        long from = args.since() == null ? Long.MIN_VALUE : Times.parse(args.since(), now).toEpochMilli();
        long to = args.until() == null ? Long.MAX_VALUE : Times.parse(args.until(), now).toEpochMilli();
        Chart chart = chartOf(args.query(), from, to);
        if (chart.series().isEmpty()) {
            throw new IllegalArgumentException("No stored series matches '" + args.query() + "'");
        }
        List<Series> series = Boolean.TRUE.equals(args.rate())
                ? chart.series().stream().map(s -> isCounter(s) ? SeriesBuilder.rate(s) : s).toList() : chart.series();
        List<Anomaly> marks = new ArrayList<>();
        marks.addAll(AnomalyDetector.DEFAULT.marks(series));
        var jfree = MetricsChart.create(chart.title(), series, marks, Boolean.TRUE.equals(args.log()), MetricsChart.Palette.LIGHT);
        Path png = Path.of(args.png());
        if (png.toAbsolutePath().getParent() != null) {
            Files.createDirectories(png.toAbsolutePath().getParent());
        }
        Files.write(png, MetricsChart.png(jfree, args.width() == null ? 1000 : args.width(), args.height() == null ? 500 : args.height()));
        return "Wrote " + png + ": " + series.size() + " series, " + series.stream().mapToLong(Series::size).sum() + " points, "
                + marks.size() + " anomaly marks";
    }

    /**
     * Lists, across every chart of the open case, when each series first left its normal band.
     *
     * @param args the arguments
     * @return the list, earliest first
     * @throws Exception when no case is open
     */
    public ChangedFirst anomalies(AnomalyArgs args) throws Exception {
        Case c = requireCase("triage metrics anomalies --case DIR");
        Instant now = clock.instant();
        long from = args.since() == null ? Long.MIN_VALUE : Times.parse(args.since(), now).toEpochMilli();
        long to = args.until() == null ? Long.MAX_VALUE : Times.parse(args.until(), now).toEpochMilli();
        AnomalyDetector d = new AnomalyDetector(args.window() == null ? AnomalyDetector.DEFAULT.window() : args.window(),
                args.k() == null ? AnomalyDetector.DEFAULT.k() : args.k(), AnomalyDetector.DEFAULT.minDeviation());
        ChangedFirst changed = changedFirst(charts(Integer.MAX_VALUE), d, from, to, args.limit() == null ? 20 : args.limit());
        // kept as findings: the evidence RCA rules and the report's findings read, replaced at each run
        List<Finding> findings = new ArrayList<>();
        for (ChangedFirst.Row r : changed.rows()) {
            findings.add(new Finding(Severity.INFO, r.chart() + " left its normal band at " + r.at(), List.of(
                    Evidence.metric("series", r.series()), Evidence.metric("left band at", r.at().toString()),
                    Evidence.metric("value", ChangedFirst.num(r.value())), Evidence.metric("rolling median", ChangedFirst.num(r.median())),
                    Evidence.metric("scaled MADs", String.format(java.util.Locale.ROOT, "%+.1f", r.score())),
                    Evidence.metric("marked points", Integer.toString(r.marks()))),
                    "Look at what else changed around " + r.at() + ": logs, slow queries, deployments.",
                    new FindingSource(PLUGIN_ID, FINDINGS_TARGET, now)));
        }
        new FindingStore(c).replace(PLUGIN_ID, FINDINGS_TARGET, findings);
        return changed;
    }

    /**
     * Builds the "what changed first" list of charts.
     *
     * @param charts the charts
     * @param d the detector
     * @param from the window's start
     * @param to the window's end
     * @param limit the most rows
     * @return the list
     */
    public static ChangedFirst changedFirst(List<Chart> charts, AnomalyDetector d, long from, long to, int limit) {
        List<ChangedFirst.Row> rows = new ArrayList<>();
        for (Chart chart : charts) {
            Map<dev.triage.plugin.metrics.domain.SeriesKey, List<Anomaly>> bySeries = new LinkedHashMap<>();
            for (Anomaly a : d.marks(chart.series())) {
                if (a.timeMillis() >= from && a.timeMillis() <= to) {
                    bySeries.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a);
                }
            }
            bySeries.values().forEach(marks -> rows.add(ChangedFirst.row(chart.title(), marks.get(0), marks.size())));
        }
        rows.sort(java.util.Comparator.comparing(ChangedFirst.Row::at).thenComparing(r -> -Math.abs(r.score())));
        return new ChangedFirst(rows.subList(0, Math.min(limit, rows.size())));
    }

    static boolean isCounter(Series s) {
        return s.type() == MetricType.COUNTER || s.type() == MetricType.UNTYPED && s.key().metric().endsWith("_total");
    }

    private Case requireCase(String usage) {
        return cases.current().orElseThrow(() -> new IllegalArgumentException("No case is open: " + usage));
    }

    /**
     * Returns the query set of a name, for the view.
     *
     * @param name the name
     * @return the set
     * @throws Exception when unknown
     */
    public QuerySet querySet(String name) throws Exception {
        return sets.load(name, cases.current().orElse(null));
    }
}
