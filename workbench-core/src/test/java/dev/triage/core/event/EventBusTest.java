package dev.triage.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.service.Registration;
import dev.triage.core.task.NamedThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventBusTest {

    record Ping(int n) {
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(NamedThreads.factory("test-events"));
    private final DefaultEventBus bus = new DefaultEventBus(thread);

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @Test
    void deliversOffThePublishersThreadToSubscribersOfTheTypeAndSupertypes() throws Exception {
        var received = new LinkedBlockingQueue<String>();
        bus.subscribe(Ping.class, p -> received.add(Thread.currentThread().getName() + ":" + p.n()));
        bus.subscribe(Record.class, r -> received.add("record"));
        bus.subscribe(String.class, s -> received.add("string"));
        bus.publish(new Ping(7));
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("test-events-1:7");
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("record");
        assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aFailingSubscriberBreaksNeitherThePublisherNorTheOthers() throws Exception {
        var received = new LinkedBlockingQueue<Integer>();
        bus.subscribe(Ping.class, p -> {
            throw new IllegalStateException("subscriber bug");
        });
        bus.subscribe(Ping.class, p -> received.add(p.n()));
        bus.publish(new Ping(1));
        bus.publish(new Ping(2));
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void anEventQueuedBeforeUnsubscribingIsNotDelivered() {
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        DefaultEventBus manual = new DefaultEventBus(queued::add);
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        Registration r = manual.subscribe(Ping.class, p -> seen.incrementAndGet());
        manual.publish(new Ping(1));
        r.close();
        queued.forEach(Runnable::run);
        assertThat(seen).hasValue(0);
    }

    @Test
    void publishingAfterTheDeliveryThreadStoppedDoesNotThrow() {
        bus.subscribe(Ping.class, p -> { });
        thread.shutdown();
        org.assertj.core.api.Assertions.assertThatCode(() -> bus.publish(new Ping(9))).doesNotThrowAnyException();
    }

    @Test
    void unsubscribeStopsDelivery() throws Exception {
        var received = new LinkedBlockingQueue<Integer>();
        Registration r = bus.subscribe(Ping.class, p -> received.add(p.n()));
        r.close();
        assertThat(bus.subscriberCount()).isZero();
        bus.subscribe(Ping.class, p -> received.add(-p.n()));
        bus.publish(new Ping(3));
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(-3);
    }
}
