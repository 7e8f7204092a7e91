package dev.triage.plugin.overview.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.finding.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every transition of the Prometheus state machine, driven by a clock the test moves: samples arrive at the clock's time and
 * evaluation ticks run at the clock's time, so pending-to-firing between samples, staleness, keep_firing_for and the resolved
 * retention are all reached without waiting.
 */
class AlertStateMachineTest {

    /** A clock the test moves by hand. */
    static final class TestClock {
        private Instant now = Instant.parse("2026-11-23T10:00:00Z");

        Instant now() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    final TestClock clock = new TestClock();

    static AlertRule rule(Duration forDuration, Duration keepFiring) {
        return new AlertRule("busy", "threads_running", AlertRule.Op.GT, 10, forDuration, Severity.WARNING, ".*", null, keepFiring,
                Map.of("team", "db"));
    }

    Sample sample(double running) {
        return new Sample("db-1", clock.now(), true, "11.4", Map.of("threads_running", running), "");
    }

    static List<String> moves(List<AlertTransition> ts) {
        return ts.stream().map(t -> t.from() + ">" + t.to()).toList();
    }

    List<String> sampleAfter(Duration d, double running, AlertEngine e) {
        clock.advance(d);
        return moves(e.evaluate(sample(running)));
    }

    List<String> tickAfter(Duration d, AlertEngine e) {
        clock.advance(d);
        return moves(e.tick(clock.now()));
    }

    @Test
    void pendingFiresOnTheEvaluationTickWhenForElapsesBetweenSamples() {
        AlertEngine e = new AlertEngine(List.of(rule(Duration.ofMinutes(2), Duration.ZERO)));
        assertThat(sampleAfter(Duration.ZERO, 50, e)).containsExactly("INACTIVE>PENDING");
        assertThat(tickAfter(Duration.ofSeconds(119), e)).as("held 119 s of 120").isEmpty();
        List<AlertTransition> fired = e.tick(clock.now().plusSeconds(1));
        assertThat(moves(fired)).containsExactly("PENDING>FIRING");
        assertThat(fired.get(0).time()).isEqualTo(clock.now().plusSeconds(1));
        assertThat(e.active()).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
            assertThat(a.since()).as("active since the condition started holding").isEqualTo(clock.now().minusSeconds(119));
        });
        assertThat(tickAfter(Duration.ofSeconds(30), e)).as("a tick while firing changes nothing").isEmpty();
    }

    @Test
    void pendingThatStopsHoldingGoesBackToInactiveAndForCountsAgainFromZero() {
        AlertEngine e = new AlertEngine(List.of(rule(Duration.ofMinutes(2), Duration.ZERO)));
        assertThat(sampleAfter(Duration.ZERO, 50, e)).containsExactly("INACTIVE>PENDING");
        assertThat(sampleAfter(Duration.ofSeconds(100), 5, e)).containsExactly("PENDING>INACTIVE");
        assertThat(e.states()).as("inactive states are forgotten").isEmpty();
        assertThat(sampleAfter(Duration.ofSeconds(10), 50, e)).containsExactly("INACTIVE>PENDING");
        assertThat(tickAfter(Duration.ofSeconds(119), e)).as("the earlier 100 s do not count").isEmpty();
        assertThat(sampleAfter(Duration.ofSeconds(1), 60, e)).containsExactly("PENDING>FIRING");
    }

    @Test
    void firingResolvesWhenTheConditionStopsAndResolvedBecomesInactiveAfterTheRetention() {
        AlertEngine e = new AlertEngine(List.of(rule(Duration.ZERO, Duration.ZERO)), Duration.ofMinutes(5), Duration.ofMinutes(15));
        assertThat(sampleAfter(Duration.ZERO, 50, e)).as("for 0 fires at once").containsExactly("INACTIVE>FIRING");
        assertThat(sampleAfter(Duration.ofSeconds(30), 3, e)).containsExactly("FIRING>RESOLVED");
        assertThat(e.active()).isEmpty();
        assertThat(e.states()).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.RESOLVED));
        assertThat(tickAfter(Duration.ofMinutes(14), e)).as("kept resolved for 15 min").isEmpty();
        assertThat(tickAfter(Duration.ofMinutes(1), e)).containsExactly("RESOLVED>INACTIVE");
        assertThat(e.states()).isEmpty();
    }

    @Test
    void resolvedThatHoldsAgainStartsAFreshPendingPeriod() {
        AlertEngine e = new AlertEngine(List.of(rule(Duration.ofSeconds(60), Duration.ZERO)));
        sampleAfter(Duration.ZERO, 50, e);
        assertThat(sampleAfter(Duration.ofSeconds(60), 50, e)).containsExactly("PENDING>FIRING");
        assertThat(sampleAfter(Duration.ofSeconds(30), 1, e)).containsExactly("FIRING>RESOLVED");
        assertThat(sampleAfter(Duration.ofSeconds(30), 70, e)).containsExactly("RESOLVED>INACTIVE", "INACTIVE>PENDING");
        assertThat(sampleAfter(Duration.ofSeconds(30), 70, e)).isEmpty();
        assertThat(sampleAfter(Duration.ofSeconds(30), 70, e)).containsExactly("PENDING>FIRING");
    }

    @Test
    void aSilentTargetStopsHoldingAfterTheStalenessWindow() {
        AlertEngine e = new AlertEngine(List.of(rule(Duration.ZERO, Duration.ZERO),
                new AlertRule("slow", "threads_running", AlertRule.Op.GT, 40, Duration.ofHours(1), Severity.INFO, null, null)),
                Duration.ofMinutes(5), Duration.ofMinutes(15));
        assertThat(sampleAfter(Duration.ZERO, 50, e)).containsExactly("INACTIVE>FIRING", "INACTIVE>PENDING");
        assertThat(tickAfter(Duration.ofSeconds(299), e)).as("within the look-back").isEmpty();
        assertThat(tickAfter(Duration.ofSeconds(1), e)).as("no sample for 5 min: both stop holding")
                .containsExactly("FIRING>RESOLVED", "PENDING>INACTIVE");
    }

    @Test
    void keepFiringForRidesOutShortDipsOfAFlappingMetric() {
        AlertEngine e = new AlertEngine(List.of(rule(Duration.ZERO, Duration.ofMinutes(2))));
        assertThat(sampleAfter(Duration.ZERO, 50, e)).containsExactly("INACTIVE>FIRING");
        for (int i = 0; i < 10; i++) {
            assertThat(sampleAfter(Duration.ofSeconds(30), i % 2 == 0 ? 1 : 50, e)).as("dip %d of 30 s keeps firing", i).isEmpty();
        }
        assertThat(sampleAfter(Duration.ofSeconds(30), 1, e)).isEmpty();
        assertThat(tickAfter(Duration.ofSeconds(119), e)).as("dip of 119 s").isEmpty();
        assertThat(tickAfter(Duration.ofSeconds(1), e)).as("dip of 120 s resolves").containsExactly("FIRING>RESOLVED");
    }

    @Test
    void withoutKeepFiringAFlappingMetricFiresAndResolvesOnEveryEdgeButAPendingOneNeverFires() {
        AlertEngine now = new AlertEngine(List.of(rule(Duration.ZERO, Duration.ZERO)));
        AlertEngine held = new AlertEngine(List.of(rule(Duration.ofMinutes(1), Duration.ZERO)));
        int fired = 0;
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofSeconds(30));
            double v = i % 2 == 0 ? 50 : 1;
            fired += (int) now.evaluate(sample(v)).stream().filter(t -> t.to() == AlertState.FIRING).count();
            assertThat(moves(held.evaluate(sample(v)))).containsExactly(v > 10 ? "INACTIVE>PENDING" : "PENDING>INACTIVE");
        }
        assertThat(fired).isEqualTo(6);
    }

    @Test
    void aRestoredFiringAlertResolvesOnItsFirstSampleAndIsNotResolvedByTicksBeforeIt() {
        AlertRule r = rule(Duration.ofMinutes(1), Duration.ZERO);
        AlertEngine e = new AlertEngine(List.of(r));
        e.restore(List.of(new AlertEngine.Active(r, "db-1", AlertState.FIRING, clock.now().minus(Duration.ofHours(3)), 70)));
        assertThat(tickAfter(Duration.ofMinutes(30), e)).isEmpty();
        assertThat(e.active()).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.FIRING));
        assertThat(sampleAfter(Duration.ofSeconds(1), 50, e)).as("still holding: still firing").isEmpty();
        assertThat(sampleAfter(Duration.ofSeconds(30), 2, e)).containsExactly("FIRING>RESOLVED");
    }
}
