package dev.triage.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.task.NamedThreads;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimeRangeSelectedTest {

    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    @Test
    void refusesARangeThatEndsBeforeItStartsAndContainsItsStartButNotItsEnd() {
        assertThatThrownBy(() -> new TimeRangeSelected(T0, T0.minusSeconds(1), "x")).hasMessageContaining("before it starts");
        var r = new TimeRangeSelected(T0, T0.plusSeconds(60), null);
        assertThat(r.source()).isEmpty();
        assertThat(r.contains(T0)).isTrue();
        assertThat(r.contains(T0.plusSeconds(59))).isTrue();
        assertThat(r.contains(T0.plusSeconds(60))).isFalse();
        assertThat(r.contains(T0.minusMillis(1))).isFalse();
        assertThat(new TimeRangeSelected(T0, T0, "x").contains(T0)).isTrue();
    }

    @Test
    void travelsOverTheEventBusToSubscribersOfOtherViews() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor(NamedThreads.factory("test-events"));
        try {
            DefaultEventBus bus = new DefaultEventBus(thread);
            var received = new LinkedBlockingQueue<TimeRangeSelected>();
            bus.subscribe(TimeRangeSelected.class, received::add);
            bus.publish(new TimeRangeSelected(T0, T0.plusSeconds(5), "metrics.view"));
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(new TimeRangeSelected(T0, T0.plusSeconds(5), "metrics.view"));
        } finally {
            thread.shutdownNow();
        }
    }
}
