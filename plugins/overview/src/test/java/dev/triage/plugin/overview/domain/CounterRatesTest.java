package dev.triage.plugin.overview.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CounterRatesTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void ratesAcrossAnIntervalAndAcrossARestart() {
        CounterRates r = new CounterRates();
        assertThat(r.rates("a", T0, Map.of("Questions", 1000.0), 500)).isEmpty();
        assertThat(r.rates("a", T0.plusSeconds(10), Map.of("Questions", 1500.0), 510).get("Questions")).isCloseTo(50, within(1e-9));
        // restart: uptime went down and the counter started again from zero
        assertThat(r.rates("a", T0.plusSeconds(20), Map.of("Questions", 200.0), 8).get("Questions")).isCloseTo(20, within(1e-9));
        // FLUSH STATUS without restart: the counter went down, uptime did not
        assertThat(r.rates("a", T0.plusSeconds(30), Map.of("Questions", 100.0), 18).get("Questions")).isCloseTo(10, within(1e-9));
        assertThat(r.rates("b", T0.plusSeconds(30), Map.of("Questions", 100.0), 18)).as("targets are separate").isEmpty();
        r.forget("a");
        assertThat(r.rates("a", T0.plusSeconds(40), Map.of("Questions", 300.0), 28)).isEmpty();
    }
}
