package dev.triage.plugin.overview.application;

import dev.triage.core.event.EventBus;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The in-app notifier: keeps the latest groups for the Overview view and publishes each one on the event bus as an
 * {@link AlertNotified} event for that view and as a {@link dev.triage.core.event.UserNotice} that the window shows in its
 * notification area, whichever view is open.
 */
public final class AlertInbox implements Notifier {

    /** How many groups are kept. */
    public static final int KEEP = 50;

    /**
     * Published for every group the in-app notifier receives.
     *
     * @param at when
     * @param group the group
     */
    public record AlertNotified(Instant at, NotificationGroup group) {
    }

    private final EventBus events;
    private final java.time.Clock clock;
    private final Deque<AlertNotified> latest = new ArrayDeque<>();

    /**
     * Creates the inbox.
     *
     * @param events where to publish, or null
     * @param clock the clock
     */
    public AlertInbox(EventBus events, java.time.Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "inapp";
    }

    @Override
    public void send(NotificationGroup group) {
        AlertNotified e = new AlertNotified(clock.instant(), group);
        synchronized (latest) {
            latest.addFirst(e);
            while (latest.size() > KEEP) {
                latest.removeLast();
            }
        }
        if (events != null) {
            events.publish(e);
            boolean firing = group.status() == dev.triage.plugin.overview.domain.Notification.Status.FIRING;
            events.publish(new dev.triage.core.event.UserNotice(firing ? dev.triage.core.event.UserNotice.Level.WARNING
                    : dev.triage.core.event.UserNotice.Level.SUCCESS, group.title()
                    + (group.alerts().isEmpty() ? "" : ": " + group.alerts().get(0).summary())));
        }
    }

    /**
     * The latest notifications, newest first.
     *
     * @return the notifications
     */
    public List<AlertNotified> latest() {
        synchronized (latest) {
            return new ArrayList<>(latest);
        }
    }
}
