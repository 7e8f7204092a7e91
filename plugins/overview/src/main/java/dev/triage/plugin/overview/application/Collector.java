package dev.triage.plugin.overview.application;

import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.overview.domain.Sample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The collection loop, run as one kernel task: samples every target on its interval with jitter, at most
 * {@code concurrency} at once, each bounded by the timeout, backing off while a target is down (each try is a down sample).
 * {@link #stop} lets the samples in flight finish and be written before it returns, so nothing is lost on Ctrl+C.
 */
public final class Collector {

    /** Where the targets come from, with their passwords. */
    public interface Targets {
        /**
         * The targets to sample now.
         *
         * @return the targets
         * @throws Exception when they cannot be read
         */
        List<ConnectionTarget> list() throws Exception;

        /**
         * A target's password.
         *
         * @param target the target
         * @return the password or null
         */
        char[] password(ConnectionTarget target);
    }

    private final Targets targets;
    private final List<MetricSource> sources;
    private final Consumer<Sample> sink;
    private final Runnable maintenance;
    private final CollectorSettings settings;
    private final Clock clock;
    private final Object lock = new Object();
    private final Map<String, Instant> due = new HashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong down = new AtomicLong();
    private final AtomicInteger errors = new AtomicInteger();
    private volatile boolean stopping;
    private volatile boolean stopped;

    /**
     * Creates the collector.
     *
     * @param targets where targets come from
     * @param sources the metric sources, the first that supports a target samples it
     * @param sink receives each sample (stores it, evaluates alerts); called from sampling threads
     * @param maintenance the rollup and retention work, run every {@code settings.maintenanceEvery()} and at stop
     * @param settings the settings
     * @param clock the clock
     */
    public Collector(Targets targets, List<MetricSource> sources, Consumer<Sample> sink, Runnable maintenance, CollectorSettings settings,
                     Clock clock) {
        this.targets = targets;
        this.sources = List.copyOf(sources);
        this.sink = sink;
        this.maintenance = maintenance;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Runs until stopped or cancelled.
     *
     * @param task the kernel task's context
     * @return what was collected
     * @throws Exception when the targets cannot be read
     */
    public Summary run(TaskContext task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "overview-sampler");
            t.setDaemon(true);
            return t;
        });
        Instant nextMaintenance = clock.instant();
        try {
            while (!stopping && !task.isCancelled()) {
                Instant now = clock.instant();
                if (!now.isBefore(nextMaintenance)) {
                    runMaintenance();
                    nextMaintenance = now.plus(settings.maintenanceEvery());
                }
                List<ConnectionTarget> all = supported(targets.list());
                Instant wake = nextMaintenance;
                for (ConnectionTarget t : all) {
                    Instant when;
                    synchronized (lock) {
                        when = due.computeIfAbsent(t.id(), k -> now);
                        if (!when.isAfter(now) && inFlight.add(t.id())) {
                            pool.execute(() -> sampleOne(t));
                            continue;
                        }
                    }
                    if (when.isBefore(wake)) {
                        wake = when;
                    }
                }
                task.progress(-1, samples.get() + " samples of " + all.size() + " targets, " + down.get() + " down");
                long waitMs = Math.max(50, Math.min(1000, Duration.between(clock.instant(), wake).toMillis()));
                synchronized (lock) {
                    if (!stopping) {
                        lock.wait(waitMs);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdown();
            boolean done = pool.awaitTermination(settings.timeout().toMillis() * 2 + 5000, TimeUnit.MILLISECONDS);
            if (!done) {
                pool.shutdownNow();
            }
            runMaintenance();
            synchronized (lock) {
                stopped = true;
                lock.notifyAll();
            }
        }
        return new Summary(samples.get(), down.get(), errors.get());
    }

    private List<ConnectionTarget> supported(List<ConnectionTarget> all) {
        return all.stream().filter(t -> sources.stream().anyMatch(s -> s.supports(t))).toList();
    }

    private void sampleOne(ConnectionTarget target) {
        Sample s;
        try {
            MetricSource source = sources.stream().filter(x -> x.supports(target)).findFirst().orElseThrow();
            s = source.sample(target, targets.password(target), settings.timeout());
        } catch (RuntimeException e) {
            s = Sample.down(target.id(), clock.instant(), String.valueOf(e.getMessage()));
        }
        try {
            sink.accept(s);
            samples.incrementAndGet();
        } catch (RuntimeException e) {
            errors.incrementAndGet();
        }
        synchronized (lock) {
            int failed = s.up() ? 0 : failures.merge(target.id(), 1, Integer::sum);
            if (s.up()) {
                failures.remove(target.id());
            } else {
                down.incrementAndGet();
            }
            due.put(target.id(), clock.instant().plus(nextWait(failed)));
            inFlight.remove(target.id());
            lock.notifyAll();
        }
    }

    /** The interval with jitter, doubled per consecutive failure up to the maximum backoff. */
    Duration nextWait(int failed) {
        long base = settings.interval().toMillis();
        if (failed > 0) {
            base = Math.min(settings.maxBackoff().toMillis(), base << Math.min(failed, 20));
            base = Math.max(base, settings.interval().toMillis());
        }
        double j = settings.jitter() == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-settings.jitter(), settings.jitter());
        return Duration.ofMillis(Math.max(1, Math.round(base * (1 + j))));
    }

    private void runMaintenance() {
        try {
            maintenance.run();
        } catch (RuntimeException e) {
            errors.incrementAndGet();
        }
    }

    /**
     * Asks the loop to stop and waits until the samples in flight are written and the last rollup ran.
     *
     * @param max the longest wait
     * @return true when it stopped in time
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean stop(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        synchronized (lock) {
            stopping = true;
            lock.notifyAll();
            while (!stopped) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                lock.wait(left);
            }
        }
        return true;
    }

    /**
     * Whether the loop has ended.
     *
     * @return true after the loop ended
     */
    public boolean stopped() {
        return stopped;
    }

    /**
     * Samples written so far.
     *
     * @return the count
     */
    public long samples() {
        return samples.get();
    }

    /**
     * What a run collected.
     *
     * @param samples samples written
     * @param down samples of targets that were down
     * @param errors samples or maintenance runs that failed to be written
     */
    public record Summary(long samples, long down, int errors) {
    }

    /**
     * Ids of targets by their state, for tests and the CLI.
     *
     * @return ids with at least one failure in a row
     */
    public List<String> failing() {
        synchronized (lock) {
            return new ArrayList<>(failures.keySet());
        }
    }
}
