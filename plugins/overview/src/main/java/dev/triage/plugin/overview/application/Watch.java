package dev.triage.plugin.overview.application;

import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.task.TaskContext;
import dev.triage.core.task.TaskExecutor;
import dev.triage.core.task.TaskHandle;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code triage watch}: runs the collector as a kernel task until the duration ends, the task is cancelled or the JVM shuts down
 * (Ctrl+C), in which case a shutdown hook stops the collector and waits for the samples in flight and the last rollup.
 */
public final class Watch {

    private final TaskExecutor tasks;
    private final Function<Set<String>, Collector.Targets> targets;
    private final List<MetricSource> sources;
    private final java.util.function.Supplier<OverviewService> service;
    private final Clock clock;

    /**
     * Creates the command.
     *
     * @param tasks the kernel's task executor
     * @param targets the saved targets, filtered by ids or names (empty set: all)
     * @param sources the metric sources
     * @param service builds the service for the open case (its rules are read then)
     * @param clock the clock
     */
    public Watch(TaskExecutor tasks, Function<Set<String>, Collector.Targets> targets, List<MetricSource> sources,
                 java.util.function.Supplier<OverviewService> service, Clock clock) {
        this.tasks = tasks;
        this.targets = targets;
        this.sources = List.copyOf(sources);
        this.service = service;
        this.clock = clock;
    }

    /**
     * A started collection.
     *
     * @param collector the collector
     * @param handle its kernel task
     */
    public record Running(Collector collector, TaskHandle<Collector.Summary> handle) {
    }

    /**
     * Starts collecting as a kernel task.
     *
     * @param args the arguments
     * @return the running collection
     */
    public Running start(WatchArgs args) {
        CollectorSettings s = CollectorSettings.defaults();
        if (args.interval() != null) {
            s = s.withInterval(CollectorSettings.parseDuration(args.interval()));
        }
        if (args.timeout() != null || args.concurrency() != null) {
            s = new CollectorSettings(s.interval(), args.timeout() == null ? s.timeout() : CollectorSettings.parseDuration(args.timeout()),
                    args.concurrency() == null ? s.concurrency() : args.concurrency(), s.jitter(), s.maxBackoff(), s.maintenanceEvery(),
                    s.rawRetention(), s.dailyRetention());
        }
        Set<String> wanted = args.targets() == null ? Set.of()
                : Arrays.stream(args.targets().split(",")).map(String::trim).filter(x -> !x.isEmpty()).collect(Collectors.toSet());
        OverviewService svc = service.get();
        CollectorSettings settings = s;
        Runnable maintenance = () -> {
            TaskHandle<Integer> h = tasks.submit("Overview rollup and retention", ctx -> svc.maintain(settings.rawRetention(),
                    settings.dailyRetention()));
            try {
                h.result().get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Rollup failed: " + e.getMessage(), e);
            }
        };
        Collector collector = new Collector(targets.apply(wanted), sources, svc::accept, maintenance, settings, clock);
        TaskHandle<Collector.Summary> handle = tasks.submit("Overview collection", collector::run);
        return new Running(collector, handle);
    }

    /**
     * Runs {@code triage watch}: collects until the duration ends or Ctrl+C.
     *
     * @param args the arguments
     * @param cli the command's context (cancelling it stops the collection)
     * @return what was collected
     * @throws Exception when the collection failed
     */
    public WatchResult run(WatchArgs args, TaskContext cli) throws Exception {
        Duration duration = args.duration() == null ? null : CollectorSettings.parseDuration(args.duration());
        Running r = start(args);
        Thread hook = new Thread(() -> {
            try {
                boolean done = r.collector().stop(Duration.ofSeconds(60));
                cli.progress(1, "triage watch " + (done ? "stopped: " : "did not stop in 60 s: ") + r.collector().samples()
                        + " samples written");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "overview-watch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        try {
            while (!r.handle().result().isDone() && !cli.isCancelled() && System.nanoTime() < end) {
                try {
                    r.handle().result().get(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    cli.progress(-1, r.collector().samples() + " samples");
                }
            }
        } finally {
            r.collector().stop(Duration.ofSeconds(60));
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for the same stop
            }
        }
        Collector.Summary s = r.handle().result().get(60, TimeUnit.SECONDS);
        return new WatchResult(s.samples(), s.down(), s.errors());
    }

    /**
     * Filters targets by id or name.
     *
     * @param all the saved targets
     * @param wanted ids or names, empty for all
     * @return the chosen targets
     */
    public static List<ConnectionTarget> filter(List<ConnectionTarget> all, Set<String> wanted) {
        return all.stream().filter(t -> wanted.isEmpty() || wanted.contains(t.id()) || wanted.contains(t.name())).toList();
    }

    /**
     * What {@code triage watch} collected.
     *
     * @param samples samples written
     * @param down samples of targets that were down
     * @param errors samples that could not be written
     */
    public record WatchResult(long samples, long down, int errors) implements dev.triage.core.command.CommandOutput {
        @Override
        public String text() {
            return "Collected " + samples + " samples (" + down + " of targets that were down" + (errors > 0 ? ", " + errors + " not written" : "")
                    + ")";
        }

        @Override
        public int exitCode() {
            return errors > 0 ? 1 : 0;
        }
    }
}
