package dev.triage.plugin.overview.application;

import dev.triage.plugin.overview.domain.AlertTransition;
import dev.triage.plugin.overview.domain.Notification;
import dev.triage.plugin.overview.domain.Route;
import dev.triage.plugin.overview.domain.Silence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A small Alertmanager: turns alert transitions into notifications, drops the silenced ones, routes the others by labels and time
 * of day to receivers, groups them, sends each group after its group wait with retries and backoff, keeps every receiver under its
 * rate limit, and repeats still-firing alerts that nobody acknowledged. {@link #accept} only queues; {@link #flush} sends (call it
 * off the sampling threads: a failing webhook retries with waits).
 */
public final class NotificationDispatcher {

    /** Waits between tries; tests pass one that records the waits instead of sleeping. */
    public interface Sleeper {
        /**
         * Waits.
         *
         * @param d how long
         * @throws InterruptedException when interrupted
         */
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * The outcome of sending one group.
     *
     * @param at when it was sent
     * @param receiver the receiver
     * @param route the route
     * @param title the group's title
     * @param alerts alerts in the group
     * @param attempts tries made (0 when rate limited)
     * @param delivered whether it arrived
     * @param error the last error, or empty
     */
    public record Delivery(Instant at, String receiver, String route, String title, int alerts, int attempts, boolean delivered,
                           String error) {
    }

    /**
     * What the dispatcher did not send, by reason.
     *
     * @param silenced notifications muted by a silence
     * @param outsideWindow notifications whose route matched outside its time window
     * @param unrouted notifications no route took
     * @param rateLimited groups dropped by a receiver's rate limit
     * @param acknowledged repeats not sent because the alert was acknowledged
     */
    public record Counts(int silenced, int outsideWindow, int unrouted, int rateLimited, int acknowledged) {
    }

    private static final class Group {
        final Route route;
        final String receiver;
        final Map<String, String> labels;
        final Instant firstAt;
        final Map<String, Notification> alerts = new LinkedHashMap<>();

        Group(Route route, String receiver, Map<String, String> labels, Instant firstAt) {
            this.route = route;
            this.receiver = receiver;
            this.labels = labels;
            this.firstAt = firstAt;
        }
    }

    private static final class Firing {
        final Route route;
        final String receiver;
        Notification alert;
        Instant lastSent;

        Firing(Route route, String receiver, Notification alert) {
            this.route = route;
            this.receiver = receiver;
            this.alert = alert;
        }
    }

    private final List<Route> routes;
    private final Map<String, Notifier> receivers;
    private final RetryPolicy retry;
    private final Silences silences;
    private final Sleeper sleeper;
    private final Consumer<Delivery> log;
    private final Map<String, Group> pending = new LinkedHashMap<>();
    private final Map<String, Firing> firing = new HashMap<>();
    private final Map<String, Deque<Instant>> sent = new HashMap<>();
    private int silenced;
    private int outsideWindow;
    private int unrouted;
    private int rateLimited;
    private int acknowledged;

    /**
     * Creates the dispatcher.
     *
     * @param routes the routes, tried in order
     * @param receivers the notifiers by receiver name
     * @param retry the retry policy
     * @param silences the silences and acknowledgements
     * @param sleeper how to wait between tries
     * @param log receives every delivery outcome
     */
    public NotificationDispatcher(List<Route> routes, Map<String, Notifier> receivers, RetryPolicy retry, Silences silences,
                                  Sleeper sleeper, Consumer<Delivery> log) {
        this.routes = List.copyOf(routes);
        this.receivers = Map.copyOf(receivers);
        this.retry = retry;
        this.silences = silences;
        this.sleeper = sleeper;
        this.log = log;
        for (Route r : routes) {
            for (String name : r.receivers()) {
                if (!receivers.containsKey(name)) {
                    throw new IllegalArgumentException("Route '" + r.name() + "' sends to '" + name + "', which is not a receiver");
                }
            }
        }
    }

    /**
     * Queues the notifications of some transitions (firing and resolved ones; pending moves tell nobody).
     *
     * @param transitions the transitions
     * @throws Exception when the silences cannot be read
     */
    public synchronized void accept(List<AlertTransition> transitions) throws Exception {
        for (AlertTransition t : transitions) {
            Notification n = Notification.of(t).orElse(null);
            if (n != null) {
                queue(n);
            }
        }
    }

    private void queue(Notification n) throws Exception {
        if (n.status() == Notification.Status.RESOLVED) {
            silences.clearAcknowledgement(n.fingerprint());
        }
        if (muted(n)) {
            silenced++;
            if (n.status() == Notification.Status.RESOLVED) {
                firing.values().removeIf(f -> f.alert.fingerprint().equals(n.fingerprint()));
            }
            return;
        }
        boolean routed = false;
        for (Route r : routes) {
            if (!dev.triage.plugin.overview.domain.Matcher.all(r.matchers(), n.labels())) {
                continue;
            }
            routed = true;
            if (!r.takes(n.labels(), n.at())) {
                outsideWindow++;
            } else {
                for (String receiver : r.receivers()) {
                    String fkey = r.name() + "\u0000" + receiver + "\u0000" + n.fingerprint();
                    if (n.status() == Notification.Status.FIRING) {
                        firing.computeIfAbsent(fkey, k -> new Firing(r, receiver, n)).alert = n;
                    } else if (firing.remove(fkey) == null) {
                        continue;
                    }
                    add(r, receiver, n);
                }
            }
            if (!r.continueMatching()) {
                break;
            }
        }
        if (!routed) {
            unrouted++;
        }
    }

    private boolean muted(Notification n) throws Exception {
        for (Silence s : silences.silences(n.at())) {
            if (s.mutes(n.labels(), n.at())) {
                return true;
            }
        }
        return false;
    }

    private void add(Route r, String receiver, Notification n) {
        Map<String, String> labels = r.groupLabels(n.labels());
        String key = r.name() + "\u0000" + receiver + "\u0000" + labels;
        pending.computeIfAbsent(key, k -> new Group(r, receiver, labels, n.at())).alerts.put(n.fingerprint(), n);
    }

    /**
     * Sends the groups whose group wait has passed, and the repeats that are due, at {@code now}.
     *
     * @param now the time
     * @return the deliveries made
     * @throws Exception when the silences cannot be read
     */
    public List<Delivery> flush(Instant now) throws Exception {
        List<Group> due = new ArrayList<>();
        List<Delivery> out = new ArrayList<>();
        synchronized (this) {
            for (Firing f : firing.values()) {
                Duration every = f.route.repeatInterval();
                if (f.lastSent == null || every.isZero() || now.isBefore(f.lastSent.plus(every))) {
                    continue;
                }
                if (silences.acknowledged(f.alert.fingerprint())) {
                    acknowledged++;
                    f.lastSent = now;
                } else if (!muted(f.alert.with(Notification.Status.FIRING, now))) {
                    add(f.route, f.receiver, f.alert.with(Notification.Status.FIRING, now));
                }
            }
            for (var it = pending.values().iterator(); it.hasNext();) {
                Group g = it.next();
                if (now.isBefore(g.firstAt.plus(g.route.groupWait()))) {
                    continue;
                }
                it.remove();
                if (allowed(g, now)) {
                    due.add(g);
                } else {
                    rateLimited++;
                    out.add(new Delivery(now, g.receiver, g.route.name(), group(g).title(), g.alerts.size(), 0, false, "rate limited"));
                }
            }
        }
        for (Group g : due) {
            Delivery d = send(g, now);
            out.add(d);
            if (d.delivered()) {
                synchronized (this) {
                    for (Notification n : g.alerts.values()) {
                        Firing f = firing.get(g.route.name() + "\u0000" + g.receiver + "\u0000" + n.fingerprint());
                        if (f != null) {
                            f.lastSent = now;
                        }
                    }
                }
            }
        }
        out.forEach(log);
        return out;
    }

    private boolean allowed(Group g, Instant now) {
        if (g.route.rateLimit() <= 0) {
            return true;
        }
        Deque<Instant> times = sent.computeIfAbsent(g.receiver, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(g.route.ratePeriod()))) {
            times.pollFirst();
        }
        if (times.size() >= g.route.rateLimit()) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    private static NotificationGroup group(Group g) {
        List<Notification> alerts = new ArrayList<>(g.alerts.values());
        alerts.sort(java.util.Comparator.comparing(Notification::status).thenComparing(Notification::fingerprint));
        return new NotificationGroup(g.receiver, g.route.name(), g.labels, alerts);
    }

    private Delivery send(Group g, Instant now) throws InterruptedException {
        NotificationGroup group = group(g);
        Notifier notifier = receivers.get(g.receiver);
        String error = "";
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            try {
                notifier.send(group);
                return new Delivery(now, g.receiver, g.route.name(), group.title(), group.alerts().size(), attempt, true, "");
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (attempt < retry.attempts()) {
                    sleeper.sleep(retry.backoff(attempt));
                }
            }
        }
        return new Delivery(now, g.receiver, g.route.name(), group.title(), group.alerts().size(), retry.attempts(), false, error);
    }

    /**
     * What was not sent, by reason, since the dispatcher was made.
     *
     * @return the counts
     */
    public synchronized Counts counts() {
        return new Counts(silenced, outsideWindow, unrouted, rateLimited, acknowledged);
    }
}
