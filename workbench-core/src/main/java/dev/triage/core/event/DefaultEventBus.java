package dev.triage.core.event;

import dev.triage.core.service.Registration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link EventBus} that delivers each event to each subscriber through an executor, logging subscriber failures. */
public final class DefaultEventBus implements EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultEventBus.class);

    private final Executor delivery;
    private final List<Subscriber<?>> subscribers = new CopyOnWriteArrayList<>();

    /**
     * Creates a bus delivering through the given executor (a single named thread keeps events in order).
     *
     * @param delivery the executor that runs subscribers
     */
    public DefaultEventBus(Executor delivery) {
        this.delivery = delivery;
    }

    /** {@inheritDoc} */
    @Override
    public void publish(Object event) {
        for (Subscriber<?> s : subscribers) {
            if (s.type().isInstance(event)) {
                try {
                    delivery.execute(() -> s.deliver(event));
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    LOG.debug("Event {} dropped: the event bus is closed", event.getClass().getSimpleName());
                    return;
                }
            }
        }
    }

    /** {@inheritDoc} */
    @Override
    public <E> Registration subscribe(Class<E> type, Consumer<? super E> subscriber) {
        Subscriber<E> s = new Subscriber<>(type, subscriber, new java.util.concurrent.atomic.AtomicBoolean(true));
        subscribers.add(s);
        return () -> {
            s.active().set(false);
            subscribers.remove(s);
        };
    }

    /**
     * Counts the current subscriptions, for leak checks in tests.
     *
     * @return the number of subscribers
     */
    public int subscriberCount() {
        return subscribers.size();
    }

    private record Subscriber<E>(Class<E> type, Consumer<? super E> consumer, java.util.concurrent.atomic.AtomicBoolean active) {
        void deliver(Object event) {
            if (!active.get()) {
                return;
            }
            try {
                consumer.accept(type.cast(event));
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Subscriber of {} failed on {}", type.getSimpleName(), event.getClass().getSimpleName(), e);
            }
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
