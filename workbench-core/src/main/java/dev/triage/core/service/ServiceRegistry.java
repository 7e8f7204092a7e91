package dev.triage.core.service;

import java.util.List;
import java.util.Optional;

/** Typed registry through which plugins publish services to each other without knowing each other's classes. */
public interface ServiceRegistry {

    /**
     * Publishes an implementation of a service type.
     *
     * @param type the service interface
     * @param service the implementation
     * @param <T> the service type
     * @return a handle that unregisters it
     */
    <T> Registration register(Class<T> type, T service);

    /**
     * Finds the first registered implementation of a type.
     *
     * @param type the service interface
     * @param <T> the service type
     * @return the implementation, or empty
     */
    <T> Optional<T> find(Class<T> type);

    /**
     * Finds every registered implementation of a type, in registration order.
     *
     * @param type the service interface
     * @param <T> the service type
     * @return the implementations, possibly none
     */
    <T> List<T> findAll(Class<T> type);
}
