package dev.triage.plugin.slowlog.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.plugin.slowlog.application.CompareRow.Status;
import org.junit.jupiter.api.Test;

class CompareRowTest {

    @Test
    void classifiesByTotalTimeAndP95WithATenPercentMargin() {
        assertThat(Status.of(0, 5, 0, 1, null, 0.2)).isEqualTo(Status.NEW);
        assertThat(Status.of(5, 0, 1, 0, 0.2, null)).isEqualTo(Status.GONE);
        assertThat(Status.of(10, 10, 1.0, 1.05, 0.10, 0.105)).isEqualTo(Status.SAME);
        assertThat(Status.of(10, 12, 1.0, 1.2, 0.10, 0.10)).isEqualTo(Status.REGRESSED);
        assertThat(Status.of(10, 10, 1.0, 1.0, 0.10, 0.20)).as("slower tail, same total").isEqualTo(Status.REGRESSED);
        assertThat(Status.of(10, 5, 1.0, 0.5, 0.10, 0.05)).isEqualTo(Status.IMPROVED);
        assertThat(Status.of(10, 5, 1.0, 0.5, 0.10, 0.10)).as("fewer calls but the same tail").isEqualTo(Status.SAME);
        assertThat(Status.of(10, 10, 0.0, 0.0, 0.0, 0.0)).isEqualTo(Status.SAME);
    }
}
