package dev.triage.plugin.overview.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.plugin.PluginContext;
import dev.triage.plugin.overview.application.AckArgs;
import dev.triage.plugin.overview.application.AlertInbox;
import dev.triage.plugin.overview.application.CollectorSettings;
import dev.triage.plugin.overview.application.NotificationDispatcher;
import dev.triage.plugin.overview.application.NotificationGroup;
import dev.triage.plugin.overview.application.SilenceArgs;
import dev.triage.plugin.overview.domain.AlertTransition;
import dev.triage.plugin.overview.domain.Matcher;
import dev.triage.plugin.overview.domain.Notification;
import dev.triage.plugin.overview.domain.Silence;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Wires alert notifications for the open case: reads {@code alert-notify.json} with its secrets, feeds the dispatcher with the
 * transitions the service records, flushes it on its own thread (every few seconds for group waits and repeats), and serves the
 * silence, acknowledgement, secret and test commands.
 */
public final class AlertNotifications {

    /** How often queued groups and repeats are looked at. */
    public static final Duration FLUSH_EVERY = Duration.ofSeconds(5);

    private final PluginContext context;
    private final Clock clock;
    private final AlertInbox inbox;
    private final DuckDbSilences silences;
    private final Supplier<InputStream> stdin;
    private volatile NotificationDispatcher dispatcher;
    private volatile Case dispatcherCase;
    private ScheduledExecutorService thread;

    /**
     * Creates the wiring.
     *
     * @param context the plugin context
     * @param clock the clock
     * @param stdin where {@code alerts secret} reads the value from
     */
    public AlertNotifications(PluginContext context, Clock clock, Supplier<InputStream> stdin) {
        this.context = context;
        this.clock = clock;
        this.inbox = new AlertInbox(context.events(), clock);
        this.silences = new DuckDbSilences(context.cases());
        this.stdin = stdin;
    }

    /**
     * The in-app notifier, whose latest notifications the Overview view shows.
     *
     * @return the inbox
     */
    public AlertInbox inbox() {
        return inbox;
    }

    /**
     * The silences and acknowledgements of the open case.
     *
     * @return the store
     */
    public DuckDbSilences silences() {
        return silences;
    }

    /**
     * Reads the configuration of the open case.
     *
     * @return the configuration
     * @throws IOException when it is invalid or names a missing secret
     */
    public AlertNotifyFile.Config config() throws IOException {
        return AlertNotifyFile.load(context.cases().current().map(Case::folder).orElse(null), context.paths().config(),
                key -> context.connections().secrets().get(key), inbox, clock);
    }

    private synchronized NotificationDispatcher dispatcher() {
        Case open = context.cases().current().orElse(null);
        if (dispatcher == null || open != dispatcherCase) {
            dispatcherCase = open;
            AlertNotifyFile.Config config;
            try {
                config = config();
            } catch (IOException e) {
                context.log().warn("Alert notifications go to the window only: {}", e.getMessage());
                config = new AlertNotifyFile.Config(List.of(new dev.triage.plugin.overview.domain.Route("window", List.of(),
                        List.of("window"), List.of("alertname", "target"), null, Duration.ofHours(4), 0, null, null, false)),
                        Map.of("window", inbox), dev.triage.plugin.overview.application.RetryPolicy.DEFAULT, "fallback");
            }
            dispatcher = new NotificationDispatcher(config.routes(), config.receivers(), config.retry(), silences,
                    d -> Thread.sleep(d.toMillis()), d -> {
                        try {
                            silences.record(d);
                        } catch (Exception e) {
                            context.log().warn("Cannot record a notification delivery: {}", e.getMessage());
                        }
                        if (!d.delivered()) {
                            context.log().warn("Alert notification to {} failed after {} tries: {}", d.receiver(), d.attempts(), d.error());
                        }
                    });
            if (thread == null) {
                thread = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "overview-notify");
                    t.setDaemon(true);
                    return t;
                });
                thread.scheduleWithFixedDelay(this::flush, FLUSH_EVERY.toMillis(), FLUSH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return dispatcher;
    }

    /**
     * Queues the notifications of recorded transitions and sends them off the caller's thread.
     *
     * @param changes the transitions
     */
    public void accept(List<AlertTransition> changes) {
        try {
            NotificationDispatcher d = dispatcher();
            d.accept(changes);
            synchronized (this) {
                if (thread != null) {
                    thread.execute(this::flush);
                }
            }
        } catch (Exception e) {
            context.log().warn("Cannot queue alert notifications: {}", e.getMessage());
        }
    }

    /** How far ahead the last send at stop looks: past every group wait and group interval, short of repeat intervals. */
    private static final java.time.Duration LAST_FLUSH_AHEAD = java.time.Duration.ofMinutes(10);

    private void flush() {
        NotificationDispatcher d = dispatcher;
        if (d == null || context.cases().current().isEmpty()) {
            return;
        }
        try {
            d.flush(clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            context.log().warn("Cannot send alert notifications: {}", e.getMessage());
        }
    }

    /**
     * Stops the sending thread after one last send of what is queued, as if its group waits had passed (at most 10 s), so
     * that stopping {@code triage watch} with Ctrl+C does not drop the notifications of its last samples.
     */
    public synchronized void stop() {
        if (thread != null) {
            NotificationDispatcher d = dispatcher;
            if (d != null && context.cases().current().isPresent()) {
                thread.execute(() -> {
                    try {
                        d.flush(clock.instant().plus(LAST_FLUSH_AHEAD));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        context.log().warn("Cannot send the last alert notifications: {}", e.getMessage());
                    }
                });
            }
            thread.shutdown();
            try {
                if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                    context.log().warn("Alert notifications still sending after 10 s were dropped");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread.shutdownNow();
            thread = null;
        }
        dispatcher = null;
    }

    /**
     * {@code triage alerts silence MATCHER... --duration 2h --comment TEXT}.
     *
     * @param args the arguments
     * @return what was done
     * @throws Exception when the case cannot be written
     */
    public String silence(SilenceArgs args) throws Exception {
        if (args == null || args.match() == null || args.match().isEmpty()) {
            throw new IllegalArgumentException("Give matchers: triage alerts silence target=db-1 alertname=~repl.* --duration 2h --comment TEXT");
        }
        List<Matcher> matchers = args.match().stream().map(Matcher::parse).toList();
        Duration d = CollectorSettings.parseDuration(args.duration() == null ? "1h" : args.duration());
        Instant now = clock.instant();
        Silence s = silences.add(matchers, now, now.plus(d), by(args.by()), args.comment() == null ? "" : args.comment());
        return "Silence " + s.id() + " mutes " + matchers + " until " + s.endsAt();
    }

    /**
     * {@code triage alerts silences}: the silences that have not ended.
     *
     * @return one line per silence
     * @throws Exception when the case cannot be read
     */
    public String listSilences() throws Exception {
        StringBuilder b = new StringBuilder();
        for (Silence s : silences.silences(clock.instant())) {
            b.append(String.format("%s %s until %s by %s: %s%n", s.id(), s.matchers(), s.endsAt(), s.createdBy(), s.comment()));
        }
        return b.length() == 0 ? "No silence is active" : b.toString();
    }

    /**
     * {@code triage alerts unsilence ID}.
     *
     * @param args the id
     * @return what was done
     * @throws Exception when the case cannot be written
     */
    public String unsilence(AckArgs args) throws Exception {
        String id = one(args, "triage alerts unsilence ID");
        return silences.expire(id, clock.instant()) ? "Silence " + id + " ended" : "No silence " + id;
    }

    /**
     * {@code triage alerts ack RULE TARGET --comment TEXT}: no more repeats of that alert until it resolves.
     *
     * @param args rule and target
     * @return what was done
     * @throws Exception when the case cannot be written
     */
    public String acknowledge(AckArgs args) throws Exception {
        if (args == null || args.words() == null || args.words().size() != 2) {
            throw new IllegalArgumentException("Give the rule and the target: triage alerts ack RULE TARGET --comment TEXT");
        }
        String fingerprint = args.words().get(0) + "/" + args.words().get(1);
        silences.acknowledge(fingerprint, by(args.by()), args.comment() == null ? "" : args.comment(), clock.instant());
        return "Acknowledged " + fingerprint + ": no repeats until it resolves";
    }

    /**
     * {@code triage alerts secret KEY}: stores the first line of standard input under a key of the secret store.
     *
     * @param args the key
     * @return what was done (never the value)
     * @throws Exception when the store refuses
     */
    public String secret(AckArgs args) throws Exception {
        String key = one(args, "echo VALUE | triage alerts secret alerts/RECEIVER/url");
        String line;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stdin.get(), StandardCharsets.UTF_8))) {
            line = in.readLine();
        }
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("No value on standard input: echo VALUE | triage alerts secret " + key);
        }
        char[] value = line.strip().toCharArray();
        try {
            context.connections().secrets().put(key, value);
        } finally {
            java.util.Arrays.fill(value, '\0');
        }
        return "Stored " + key + " in " + context.connections().secrets().description();
    }

    /**
     * {@code triage alerts notify}: sends a test alert through the routes to every receiver that takes it, now.
     *
     * @return one line per delivery
     * @throws Exception when the configuration is invalid
     */
    public String test() throws Exception {
        AlertNotifyFile.Config config = config();
        Instant now = clock.instant();
        Notification n = new Notification(Notification.Status.FIRING, "triage-test", "triage", dev.triage.core.finding.Severity.INFO,
                Map.of("alertname", "triage-test", "target", "triage", "severity", "INFO", "metric", "test"),
                "Test notification from Triage", 1, now);
        StringBuilder b = new StringBuilder("Configuration: " + config.source() + System.lineSeparator());
        for (var route : config.routes()) {
            if (!Matcher.all(route.matchers(), n.labels())) {
                continue;
            }
            for (String receiver : route.receivers()) {
                try {
                    config.receivers().get(receiver).send(new NotificationGroup(receiver, route.name(), Map.of(), List.of(n)));
                    b.append(receiver).append(" (").append(config.receivers().get(receiver).kind()).append("): sent").append(System.lineSeparator());
                } catch (Exception e) {
                    b.append(receiver).append(": FAILED ").append(e.getMessage()).append(System.lineSeparator());
                }
            }
        }
        return b.toString();
    }

    /**
     * {@code triage alerts deliveries}: the latest deliveries.
     *
     * @param limit how many
     * @return one line per delivery
     * @throws Exception when the case cannot be read
     */
    public String deliveries(int limit) throws Exception {
        StringBuilder b = new StringBuilder();
        for (NotificationDispatcher.Delivery d : silences.deliveries(limit)) {
            b.append(String.format("%s %-12s %-10s %s (%d alerts, %d tries)%s%n", d.at(), d.receiver(), d.delivered() ? "sent" : "FAILED",
                    d.title(), d.alerts(), d.attempts(), d.error().isEmpty() ? "" : ": " + d.error()));
        }
        return b.length() == 0 ? "No notification sent yet" : b.toString();
    }

    private static String one(AckArgs args, String usage) {
        if (args == null || args.words() == null || args.words().size() != 1) {
            throw new IllegalArgumentException("Usage: " + usage);
        }
        return args.words().get(0);
    }

    private static String by(String given) {
        return given != null && !given.isBlank() ? given : System.getProperty("user.name", "");
    }
}
