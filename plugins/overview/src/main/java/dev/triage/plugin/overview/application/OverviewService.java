package dev.triage.plugin.overview.application;

import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.FindingSource;
import dev.triage.core.finding.Severity;
import dev.triage.plugin.overview.domain.AlertEngine;
import dev.triage.plugin.overview.domain.AlertState;
import dev.triage.plugin.overview.domain.AlertTransition;
import dev.triage.plugin.overview.domain.Forecast;
import dev.triage.plugin.overview.domain.Numbers;
import dev.triage.plugin.overview.domain.Rollup;
import dev.triage.plugin.overview.domain.Sample;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores samples, evaluates alerts on each, raises and resolves findings, runs rollups and retention, builds the overview. */
public final class OverviewService {

    /** The plugin id, also the findings' source. */
    public static final String PLUGIN = "overview";
    /** Metric whose daily last value feeds the capacity forecast. */
    public static final String STORAGE = "storage_bytes";
    /** Metric holding the storage limit of a target, when the collector knows it. */
    public static final String STORAGE_LIMIT = "storage_limit_bytes";
    /** A forecast under this many days becomes a finding. */
    public static final int FORECAST_WARNING_DAYS = 30;

    private final SampleStore store;
    private final AlertEngine alerts;
    private final Clock clock;
    private volatile java.util.function.Consumer<List<AlertTransition>> listener = changes -> { };

    /**
     * Creates the service.
     *
     * @param store the case store
     * @param alerts the alert engine with its rules
     * @param clock the clock
     */
    public OverviewService(SampleStore store, AlertEngine alerts, Clock clock) {
        this.store = store;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * Seeds the engine with the latest recorded state of each rule and target that was pending or firing, so a service made in
     * another process (or after a restart of {@code triage watch}) shows and resolves the alerts of the earlier run.
     *
     * @return this service
     * @throws Exception when the case cannot be read
     */
    public OverviewService restoreAlerts() throws Exception {
        java.util.Set<String> seen = new java.util.HashSet<>();
        Map<String, dev.triage.plugin.overview.domain.AlertRule> rules = new java.util.HashMap<>();
        alerts.rules().forEach(r -> rules.put(r.name(), r));
        List<AlertEngine.Active> recorded = new ArrayList<>();
        for (SampleStore.HistoryRow h : store.history(10_000)) {
            if (seen.add(h.rule() + "\u0000" + h.target()) && rules.containsKey(h.rule())
                    && (h.to().equals(AlertState.FIRING.name()) || h.to().equals(AlertState.PENDING.name()))) {
                recorded.add(new AlertEngine.Active(rules.get(h.rule()), h.target(), AlertState.valueOf(h.to()), h.time(), h.value()));
            }
        }
        alerts.restore(recorded);
        return this;
    }

    /**
     * The alert engine.
     *
     * @return the engine
     */
    public AlertEngine alerts() {
        return alerts;
    }

    /**
     * The store.
     *
     * @return the store
     */
    public SampleStore store() {
        return store;
    }

    /**
     * Stores a sample, evaluates the rules on it and, when an alert started or stopped firing, replaces the target's findings
     * with the alerts firing now (one finding per firing alert, however many samples keep it firing).
     *
     * @param sample the sample
     */
    public void accept(Sample sample) {
        try {
            store.append(sample);
            List<AlertTransition> changes = new ArrayList<>(alerts.evaluate(sample));
            changes.addAll(alerts.tick(sample.time()));
            record(changes);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot store the sample of " + sample.target() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the time-driven alert transitions (pending alerts whose duration elapsed, silent targets, resolved retention) and
     * records them like {@link #accept} does.
     *
     * @param now the evaluation time
     * @return the transitions
     */
    public List<AlertTransition> tick(java.time.Instant now) {
        List<AlertTransition> changes = alerts.tick(now);
        try {
            record(changes);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot record the alert changes: " + e.getMessage(), e);
        }
        return changes;
    }

    private void record(List<AlertTransition> changes) throws Exception {
        java.util.Set<String> targets = new java.util.TreeSet<>();
        for (AlertTransition t : changes) {
            store.recordTransition(t);
            if (t.to() == AlertState.FIRING || t.from() == AlertState.FIRING) {
                targets.add(t.target());
            }
        }
        for (String target : targets) {
            store.replaceFindings(target, findings(target));
        }
        if (!changes.isEmpty()) {
            listener.accept(changes);
        }
    }

    /**
     * Sets who hears of the transitions after they are recorded (the notification dispatcher).
     *
     * @param listener the listener
     * @return this service
     */
    public OverviewService onTransitions(java.util.function.Consumer<List<AlertTransition>> listener) {
        this.listener = listener;
        return this;
    }

    /**
     * The findings of a target now: its firing alerts and a capacity forecast under 30 days.
     *
     * @param target the target id
     * @return the findings
     * @throws Exception when the case cannot be read
     */
    public List<Finding> findings(String target) throws Exception {
        List<Finding> out = new ArrayList<>();
        for (AlertEngine.Active a : alerts.active()) {
            if (a.target().equals(target) && a.state() == AlertState.FIRING) {
                out.add(new Finding(a.rule().severity(), a.rule().describe(target, a.value()),
                        List.of(Evidence.metric(a.rule().metric(), Numbers.format(a.value())),
                                Evidence.metric("rule", a.rule().name() + ": " + a.rule().metric() + " " + a.rule().op().symbol() + " "
                                        + Numbers.format(a.rule().threshold()) + " for " + a.rule().forDuration()),
                                Evidence.metric("firing since", a.since().toString())),
                        "", new FindingSource(PLUGIN, target, a.since())));
            }
        }
        forecast(target).filter(f -> f.forecast().daysToLimit().isPresent() && f.forecast().daysToLimit().get() < FORECAST_WARNING_DAYS)
                .ifPresent(f -> out.add(new Finding(f.forecast().reliable() ? Severity.WARNING : Severity.INFO,
                        "Storage of " + target + " reaches its limit in " + Math.round(f.forecast().daysToLimit().get()) + " days",
                        List.of(Evidence.metric("growth per day", Numbers.bytes(f.forecast().slope())),
                                Evidence.metric("limit", Numbers.bytes(f.limit())),
                                Evidence.metric("95% interval (days)", Math.round(f.forecast().daysLow()) + " - "
                                        + (Double.isInfinite(f.forecast().daysHigh()) ? "never" : Math.round(f.forecast().daysHigh()))),
                                Evidence.metric("fit", f.forecast().points() + " days, R² " + Numbers.format(f.forecast().r2()))),
                        "Plan more space or archive data before then.", new FindingSource(PLUGIN, target, clock.instant()))));
        return out;
    }

    /**
     * A forecast of a target's storage and the limit it is measured against.
     *
     * @param forecast the fit
     * @param limit the limit in bytes
     */
    public record StorageForecast(Forecast forecast, double limit) {
    }

    /**
     * Forecasts the target's storage from its daily rollups, against the limit it reported (or none).
     *
     * @param target the target id
     * @return the forecast, empty with too few days or no limit
     * @throws Exception when the case cannot be read
     */
    public Optional<StorageForecast> forecast(String target) throws Exception {
        Map<LocalDate, Rollup> size = store.daily(target, STORAGE);
        Map<LocalDate, Rollup> limit = store.daily(target, STORAGE_LIMIT);
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        double max = limit.values().stream().mapToDouble(Rollup::last).reduce((a, b) -> b).orElseThrow();
        List<Forecast.Point> points = size.entrySet().stream().map(e -> new Forecast.Point(e.getKey().toEpochDay(), e.getValue().last()))
                .toList();
        return Forecast.fit(points, max).map(f -> new StorageForecast(f, max));
    }

    /**
     * Rolls up today and yesterday and applies retention.
     *
     * @param raw how long raw samples are kept
     * @param daily how long rollups are kept
     * @return rows rolled up
     * @throws Exception when the case cannot be written
     */
    public int maintain(Duration raw, Duration daily) throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int rows = store.rollup(today.minusDays(1)) + store.rollup(today);
        store.retain(clock.instant().minus(raw), today.minusDays(daily.toDays()));
        return rows;
    }
}
