package dev.triage.plugin.metrics.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

    static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    @Test
    void readsIsoEpochAndRelativeTimesAndDurations() {
        assertThat(Times.parse("2024-03-01T10:00:00Z", NOW)).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(Times.parse("2024-03-01T10:00:00+08:00", NOW)).isEqualTo(Instant.parse("2024-03-01T02:00:00Z"));
        assertThat(Times.parse("2024-03-01 10:00", NOW)).as("no zone: UTC").isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(Times.parse("1709287200", NOW)).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(Times.parse("now", NOW)).isEqualTo(NOW);
        assertThat(Times.parse("-1h", NOW)).isEqualTo(NOW.minusSeconds(3600));
        assertThat(Times.parse("now-30m", NOW)).isEqualTo(NOW.minusSeconds(1800));
        assertThatThrownBy(() -> Times.parse("yesterday", NOW)).hasMessageContaining("Cannot read the time 'yesterday'");
        assertThat(Times.duration("15s")).isEqualTo(Duration.ofSeconds(15));
        assertThat(Times.duration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Times.duration("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Times.duration("1.5m")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> Times.duration("soon")).hasMessageContaining("15s, 1m");
    }
}
