package dev.triage.core.service;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Thread-safe {@link ServiceRegistry} kept in memory. */
public final class DefaultServiceRegistry implements ServiceRegistry {

    private final Map<Class<?>, List<Object>> services = new ConcurrentHashMap<>();

    /** {@inheritDoc} */
    @Override
    public <T> Registration register(Class<T> type, T service) {
        Objects.requireNonNull(type, "type");
        if (!type.isInstance(service)) {
            throw new IllegalArgumentException(service + " is not a " + type.getName());
        }
        List<Object> list = services.computeIfAbsent(type, k -> new CopyOnWriteArrayList<>());
        Object entry = new Entry(service);
        list.add(entry);
        return () -> list.remove(entry);
    }

    /** {@inheritDoc} */
    @Override
    public <T> Optional<T> find(Class<T> type) {
        return findAll(type).stream().findFirst();
    }

    /** {@inheritDoc} */
    @Override
    public <T> List<T> findAll(Class<T> type) {
        return services.getOrDefault(type, List.of()).stream().map(e -> type.cast(((Entry) e).service())).toList();
    }

    /** Wraps each registration so the same instance registered twice is removed once per handle. */
    private record Entry(Object service) {
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
