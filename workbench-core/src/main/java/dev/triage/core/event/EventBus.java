package dev.triage.core.event;

import dev.triage.core.service.Registration;
import java.util.function.Consumer;

/** Typed publish/subscribe bus; delivery happens off the publisher's thread and a failing subscriber never reaches the publisher. */
public interface EventBus {

    /**
     * Publishes an event to every subscriber of its class or of a supertype.
     *
     * @param event the event, usually a record
     */
    void publish(Object event);

    /**
     * Subscribes to events of a type and its subtypes.
     *
     * @param type the event type
     * @param subscriber called on the bus's delivery thread
     * @param <E> the event type
     * @return a handle that unsubscribes
     */
    <E> Registration subscribe(Class<E> type, Consumer<? super E> subscriber);
}
