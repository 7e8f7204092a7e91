package dev.triage.plugin.overview.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.finding.Severity;
import dev.triage.plugin.overview.domain.AlertRule;
import dev.triage.plugin.overview.domain.AlertState;
import dev.triage.plugin.overview.domain.AlertTransition;
import dev.triage.plugin.overview.domain.Matcher;
import dev.triage.plugin.overview.domain.Notification;
import dev.triage.plugin.overview.domain.Route;
import dev.triage.plugin.overview.domain.Silence;
import dev.triage.plugin.overview.domain.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Routing, time windows, grouping, group wait, rate limit, retries with backoff, silences, acknowledgement and repeats. */
class NotificationDispatcherTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final AlertRule BUSY = new AlertRule("busy", "threads_running", AlertRule.Op.GT, 10, Duration.ZERO, Severity.WARNING, null,
            "{target} runs {value} threads", Duration.ZERO, Map.of("team", "db"));
    static final AlertRule DOWN = new AlertRule("down", "up", AlertRule.Op.EQ, 0, Duration.ZERO, Severity.CRITICAL, null, null,
            Duration.ZERO, Map.of("team", "ops"));

    /** A receiver that records what it got and fails a given number of times first. */
    static final class Recorder implements Notifier {
        final List<NotificationGroup> got = new ArrayList<>();
        int failuresLeft;

        @Override
        public String kind() {
            return "recorder";
        }

        @Override
        public void send(NotificationGroup group) throws Exception {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new java.io.IOException("endpoint down");
            }
            got.add(group);
        }

        List<String> titles() {
            return got.stream().map(NotificationGroup::title).toList();
        }
    }

    /** Silences and acknowledgements held in memory. */
    static final class MemorySilences implements Silences {
        final List<Silence> silences = new ArrayList<>();
        final Set<String> acks = new HashSet<>();

        @Override
        public List<Silence> silences(Instant now) {
            return silences;
        }

        @Override
        public boolean acknowledged(String fingerprint) {
            return acks.contains(fingerprint);
        }

        @Override
        public void clearAcknowledgement(String fingerprint) {
            acks.remove(fingerprint);
        }
    }

    final Recorder a = new Recorder();
    final Recorder b = new Recorder();
    final MemorySilences silences = new MemorySilences();
    final List<Duration> waits = new ArrayList<>();
    final List<NotificationDispatcher.Delivery> log = new ArrayList<>();

    NotificationDispatcher dispatcher(Route... routes) {
        Map<String, Notifier> receivers = new LinkedHashMap<>();
        receivers.put("a", a);
        receivers.put("b", b);
        return new NotificationDispatcher(List.of(routes), receivers, new RetryPolicy(3, Duration.ofSeconds(2), 2, Duration.ofSeconds(3)),
                silences, waits::add, log::add);
    }

    static Route route(String name, List<String> match, List<String> receivers, List<String> groupBy) {
        return new Route(name, match.stream().map(Matcher::parse).toList(), receivers, groupBy, Duration.ZERO, Duration.ZERO, 0, null,
                null, false);
    }

    static AlertTransition fire(AlertRule rule, String target, int second) {
        return new AlertTransition(rule, target, AlertState.PENDING, AlertState.FIRING, T0.plusSeconds(second), 42);
    }

    static AlertTransition resolve(AlertRule rule, String target, int second) {
        return new AlertTransition(rule, target, AlertState.FIRING, AlertState.RESOLVED, T0.plusSeconds(second), 1);
    }

    @Test
    void routesByLabelEqualityAndRegexFirstMatchWinsUnlessContinue() throws Exception {
        NotificationDispatcher d = dispatcher(
                route("crit-prod", List.of("severity=CRITICAL", "target=~prod-.*"), List.of("a"), List.of()),
                new Route("db-team", List.of(Matcher.parse("team=db")), List.of("b"), List.of(), null, null, 0, null, null, true),
                route("rest", List.of("team!~db|ops"), List.of("a"), List.of()));
        d.accept(List.of(fire(DOWN, "prod-1", 0), fire(DOWN, "test-1", 0), fire(BUSY, "prod-1", 0),
                new AlertTransition(BUSY, "x", AlertState.INACTIVE, AlertState.PENDING, T0, 20)));
        d.flush(T0);
        assertThat(a.titles()).containsExactly("[FIRING:1] down");
        assertThat(a.got.get(0).alerts()).singleElement().satisfies(n -> assertThat(n.target()).isEqualTo("prod-1"));
        assertThat(b.titles()).containsExactly("[FIRING:1] busy");
        assertThat(d.counts().unrouted()).as("down on test-1 matches no route; pending tells nobody").isEqualTo(1);
    }

    @Test
    void groupsByLabelsAndWaitsForTheGroupWait() throws Exception {
        NotificationDispatcher d = dispatcher(new Route("all", List.of(), List.of("a"), List.of("alertname"), Duration.ofSeconds(30),
                Duration.ZERO, 0, null, null, false));
        d.accept(List.of(fire(BUSY, "db-1", 0), fire(DOWN, "db-3", 5)));
        d.accept(List.of(fire(BUSY, "db-2", 10)));
        assertThat(d.flush(T0.plusSeconds(29))).as("group wait not over").isEmpty();
        d.flush(T0.plusSeconds(30));
        assertThat(a.titles()).containsExactly("[FIRING:2] busy (alertname=busy)");
        assertThat(a.got.get(0).alerts()).extracting(Notification::target).containsExactly("db-1", "db-2");
        d.flush(T0.plusSeconds(35));
        assertThat(a.titles()).hasSize(2).last().isEqualTo("[FIRING:1] down (alertname=down)");
    }

    @Test
    void resolvedIsSentOnlyForAlertsWhoseFiringWasRouted() throws Exception {
        NotificationDispatcher d = dispatcher(route("all", List.of(), List.of("a"), List.of("alertname")));
        d.accept(List.of(fire(BUSY, "db-1", 0)));
        d.flush(T0);
        d.accept(List.of(resolve(BUSY, "db-1", 60), resolve(BUSY, "never-fired", 60)));
        d.flush(T0.plusSeconds(60));
        assertThat(a.titles()).containsExactly("[FIRING:1] busy (alertname=busy)", "[RESOLVED] busy (alertname=busy)");
        assertThat(a.got.get(1).alerts()).singleElement().satisfies(n -> assertThat(n.target()).isEqualTo("db-1"));
    }

    @Test
    void timeOfDayWindowDropsWhatFallsOutside() throws Exception {
        TimeWindow office = TimeWindow.parse("08:00-18:00", "MON-FRI", "Europe/Paris");
        NotificationDispatcher d = dispatcher(new Route("office", List.of(), List.of("a"), List.of(), null, null, 0, null, office, false));
        d.accept(List.of(fire(BUSY, "db-1", 0)));
        d.accept(List.of(new AlertTransition(BUSY, "db-2", AlertState.PENDING, AlertState.FIRING,
                Instant.parse("2026-11-23T18:30:00Z"), 42)));
        d.accept(List.of(new AlertTransition(BUSY, "db-3", AlertState.PENDING, AlertState.FIRING,
                Instant.parse("2026-11-22T11:00:00Z"), 42)));
        d.flush(T0.plusSeconds(1));
        assertThat(a.got).singleElement().satisfies(g -> assertThat(g.alerts().get(0).target()).isEqualTo("db-1"));
        assertThat(d.counts().outsideWindow()).as("19:30 in Paris, and a Sunday").isEqualTo(2);
        TimeWindow night = TimeWindow.parse("22:00-06:00", null, null);
        assertThat(night.contains(Instant.parse("2026-11-23T23:00:00Z"))).isTrue();
        assertThat(night.contains(Instant.parse("2026-11-24T05:59:00Z"))).isTrue();
        assertThat(night.contains(Instant.parse("2026-11-24T06:00:00Z"))).isFalse();
    }

    @Test
    void rateLimitPerReceiverDropsTheExcessInsideThePeriod() throws Exception {
        NotificationDispatcher d = dispatcher(new Route("limited", List.of(), List.of("a"), List.of("target"), null, null, 2,
                Duration.ofMinutes(10), null, false));
        for (int i = 0; i < 4; i++) {
            d.accept(List.of(fire(BUSY, "db-" + i, i)));
            d.flush(T0.plusSeconds(i));
        }
        assertThat(a.got).hasSize(2);
        assertThat(d.counts().rateLimited()).isEqualTo(2);
        assertThat(log).extracting(NotificationDispatcher.Delivery::error).containsExactly("", "", "rate limited", "rate limited");
        d.accept(List.of(fire(BUSY, "db-9", 700)));
        d.flush(T0.plusSeconds(700));
        assertThat(a.got).as("a new period").hasSize(3);
    }

    @Test
    void retriesWithBackoffAndGivesUpAfterTheLastAttempt() throws Exception {
        NotificationDispatcher d = dispatcher(route("all", List.of(), List.of("a", "b"), List.of()));
        a.failuresLeft = 2;
        b.failuresLeft = 5;
        d.accept(List.of(fire(BUSY, "db-1", 0)));
        List<NotificationDispatcher.Delivery> out = d.flush(T0);
        assertThat(out).extracting(NotificationDispatcher.Delivery::receiver, NotificationDispatcher.Delivery::attempts,
                NotificationDispatcher.Delivery::delivered).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", 3, true), org.assertj.core.groups.Tuple.tuple("b", 3, false));
        assertThat(out.get(1).error()).isEqualTo("IOException: endpoint down");
        assertThat(waits).as("2 s, 4 s capped at 3 s; twice").containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(2), Duration.ofSeconds(3));
        assertThat(a.got).hasSize(1);
    }

    @Test
    void silencesMuteMatchingAlertsWhileTheyLast() throws Exception {
        NotificationDispatcher d = dispatcher(route("all", List.of(), List.of("a"), List.of("target")));
        silences.silences.add(new Silence("s1", List.of(Matcher.parse("target=~db-[12]"), Matcher.parse("alertname=busy")), T0,
                T0.plusSeconds(3600), "alice", "maintenance"));
        d.accept(List.of(fire(BUSY, "db-1", 0), fire(BUSY, "db-3", 0), fire(DOWN, "db-1", 0)));
        d.accept(List.of(fire(BUSY, "db-2", 3600)));
        d.flush(T0.plusSeconds(3600));
        assertThat(a.got).extracting(g -> g.alerts().get(0).fingerprint()).containsExactlyInAnyOrder("busy/db-3", "down/db-1", "busy/db-2");
        assertThat(d.counts().silenced()).isEqualTo(1);
        assertThatThrownBy(() -> new Silence("s2", List.of(), T0, T0.plusSeconds(1), "", "")).hasMessageContaining("matcher");
    }

    @Test
    void firingAlertsRepeatUntilAcknowledgedAndAResolveClearsTheAcknowledgement() throws Exception {
        NotificationDispatcher d = dispatcher(new Route("all", List.of(), List.of("a"), List.of(), null, Duration.ofHours(1), 0, null,
                null, false));
        d.accept(List.of(fire(BUSY, "db-1", 0)));
        d.flush(T0);
        d.flush(T0.plusSeconds(3599));
        assertThat(a.got).hasSize(1);
        d.flush(T0.plusSeconds(3600));
        assertThat(a.titles()).containsExactly("[FIRING:1] busy", "[FIRING:1] busy");
        silences.acks.add("busy/db-1");
        d.flush(T0.plusSeconds(7200));
        assertThat(a.got).as("acknowledged: no repeat").hasSize(2);
        assertThat(d.counts().acknowledged()).isEqualTo(1);
        d.accept(List.of(resolve(BUSY, "db-1", 7300)));
        d.flush(T0.plusSeconds(7300));
        assertThat(a.titles()).last().isEqualTo("[RESOLVED] busy");
        assertThat(silences.acks).as("cleared when it resolved").isEmpty();
    }

    @Test
    void aRouteToAnUnknownReceiverIsRefused() {
        assertThatThrownBy(() -> dispatcher(route("x", List.of(), List.of("nobody"), List.of())))
                .hasMessageContaining("'nobody', which is not a receiver");
        assertThatThrownBy(() -> Matcher.parse("team~db")).hasMessageContaining("Bad matcher");
    }
}
