package dev.triage.plugin.overview.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.finding.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drives the state machine with sample times as the clock, over every transition and a flapping series. */
class AlertEngineTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final AlertRule RULE = new AlertRule("busy", "threads_running", AlertRule.Op.GT, 10, Duration.ofSeconds(60), Severity.WARNING,
            "db-.*", "{target} runs {value} threads");

    static Sample at(int second, String target, double running) {
        return new Sample(target, T0.plusSeconds(second), true, "11.4", Map.of("threads_running", running), "");
    }

    static List<String> states(List<AlertTransition> ts) {
        return ts.stream().map(t -> t.from() + ">" + t.to()).toList();
    }

    @Test
    void pendingThenFiringThenResolvedThenInactive() {
        AlertEngine e = new AlertEngine(List.of(RULE));
        assertThat(e.evaluate(at(0, "db-1", 5))).isEmpty();
        assertThat(states(e.evaluate(at(30, "db-1", 20)))).containsExactly("INACTIVE>PENDING");
        assertThat(e.evaluate(at(60, "db-1", 25))).as("still pending: held 30 s of 60").isEmpty();
        assertThat(states(e.evaluate(at(90, "db-1", 30)))).containsExactly("PENDING>FIRING");
        assertThat(e.evaluate(at(120, "db-1", 30))).as("firing again raises nothing new").isEmpty();
        assertThat(e.active()).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
            assertThat(a.since()).isEqualTo(T0.plusSeconds(30));
            assertThat(a.rule().describe(a.target(), a.value())).isEqualTo("db-1 runs 30 threads");
        });
        assertThat(states(e.evaluate(at(150, "db-1", 3)))).containsExactly("FIRING>RESOLVED");
        assertThat(e.active()).isEmpty();
        assertThat(states(e.evaluate(at(180, "db-1", 3)))).containsExactly("RESOLVED>INACTIVE");
        assertThat(e.evaluate(at(210, "db-1", 3))).isEmpty();
    }

    @Test
    void flappingNeverFiresAndOtherTargetsAreIgnored() {
        AlertEngine e = new AlertEngine(List.of(RULE));
        for (int s = 0; s < 600; s += 30) {
            double v = (s / 30) % 2 == 0 ? 50 : 1;
            List<String> got = states(e.evaluate(at(s, "db-1", v)));
            assertThat(got).containsExactly(v > 10 ? "INACTIVE>PENDING" : "PENDING>INACTIVE");
        }
        assertThat(e.evaluate(at(0, "cache-1", 99))).as("the rule is for db-* only").isEmpty();
        assertThat(e.evaluate(new Sample("db-2", T0, true, "", Map.of(), ""))).as("a missing metric never holds").isEmpty();
    }

    @Test
    void zeroDurationFiresAtOnceAndResolvedCanGoBackToPending() {
        AlertRule now = new AlertRule("down", "up", AlertRule.Op.EQ, 0, Duration.ZERO, Severity.CRITICAL, null, null);
        AlertEngine e = new AlertEngine(List.of(now, RULE));
        assertThat(states(e.evaluate(Sample.down("db-1", T0, "refused")))).containsExactly("INACTIVE>FIRING");
        assertThat(states(e.evaluate(at(30, "db-1", 1)))).containsExactly("FIRING>RESOLVED");
        assertThat(states(e.evaluate(at(60, "db-1", 40)))).containsExactly("RESOLVED>INACTIVE", "INACTIVE>PENDING");
    }
}
