package dev.triage.plugin.overview.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.event.DefaultEventBus;
import dev.triage.core.event.UserNotice;
import dev.triage.core.finding.Severity;
import dev.triage.plugin.overview.domain.Notification;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-app notifier keeps the latest groups and tells the window, whatever view is open. */
class AlertInboxTest {

    @Test
    void aFiringGroupIsAWarningNoticeAndAResolvedOneASuccess() throws Exception {
        Instant t = Instant.parse("2026-03-01T10:15:00Z");
        DefaultEventBus bus = new DefaultEventBus(Runnable::run);
        BlockingQueue<UserNotice> shown = new LinkedBlockingQueue<>();
        bus.subscribe(UserNotice.class, shown::add);
        AlertInbox inbox = new AlertInbox(bus, Clock.fixed(t, ZoneOffset.UTC));
        Notification busy = new Notification(Notification.Status.FIRING, "busy", "db-1", Severity.WARNING,
                Map.of("metric", "threads_running"), "threads running is 80 on db-1", 80, t);
        inbox.send(new NotificationGroup("ops", "default", Map.of("target", "db-1"), List.of(busy)));
        inbox.send(new NotificationGroup("ops", "default", Map.of("target", "db-1"), List.of(new Notification(Notification.Status.RESOLVED,
                "busy", "db-1", Severity.WARNING, Map.of("metric", "threads_running"), "threads running is 3 on db-1", 3, t))));

        assertThat(shown.poll(10, TimeUnit.SECONDS)).isEqualTo(new UserNotice(UserNotice.Level.WARNING,
                "[FIRING:1] busy (target=db-1): threads running is 80 on db-1"));
        assertThat(shown.poll(10, TimeUnit.SECONDS)).isEqualTo(new UserNotice(UserNotice.Level.SUCCESS,
                "[RESOLVED] busy (target=db-1): threads running is 3 on db-1"));
        assertThat(inbox.latest()).hasSize(2);
    }
}
