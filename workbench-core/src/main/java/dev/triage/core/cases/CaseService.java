package dev.triage.core.cases;

import dev.triage.core.event.EventBus;
import dev.triage.core.service.ServiceRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Holds the current case: creates, opens and closes cases with every registered plugin's migrations. */
public final class CaseService implements AutoCloseable {

    private final ServiceRegistry registry;
    private final EventBus events;
    private final RecentCases recent;
    private volatile Case current;

    /**
     * Creates the service.
     *
     * @param registry where plugins register their {@link SchemaMigrations}
     * @param events where case events are published
     * @param recent the recent-cases list
     */
    public CaseService(ServiceRegistry registry, EventBus events, RecentCases recent) {
        this.registry = registry;
        this.events = events;
        this.recent = recent;
    }

    /**
     * Creates a case and makes it current.
     *
     * @param folder the new case folder
     * @param name the case name
     * @return the case
     * @throws CaseException when it cannot be created
     */
    public synchronized Case create(Path folder, String name) throws CaseException {
        refuseWhileImporting();
        return makeCurrent(Case.create(folder, name, migrations()));
    }

    /**
     * Opens a case and makes it current, closing the previous one.
     *
     * @param folder the case folder
     * @return the case
     * @throws CaseException when it cannot be opened
     */
    public synchronized Case open(Path folder) throws CaseException {
        refuseWhileImporting();
        return makeCurrent(Case.open(folder, migrations()));
    }

    private void refuseWhileImporting() throws CaseException {
        Case c = current;
        if (c != null && c.importsRunning() > 0) {
            throw new CaseException("An import into " + c.folder() + " is still running: wait for it or cancel it first", null);
        }
    }

    private Case makeCurrent(Case c) {
        close();
        current = c;
        recent.add(c.folder());
        events.publish(new CaseEvents.Opened(c.folder(), c.name()));
        return c;
    }

    /**
     * Applies a component's migrations to the current case at once, for a plugin started while a case is open.
     *
     * @param migrations the component's migrations
     * @throws CaseException when a migration fails
     */
    public synchronized void migrateCurrent(SchemaMigrations migrations) throws CaseException {
        Case c = current;
        if (c == null) {
            return;
        }
        try (java.sql.Connection conn = c.newConnection()) {
            SchemaMigrator.migrate(conn, List.of(migrations));
        } catch (java.sql.SQLException e) {
            throw new CaseException("Cannot migrate " + c.folder() + " for '" + migrations.component() + "': " + e.getMessage(), e);
        }
    }

    /**
     * Returns the current case.
     *
     * @return the case, or empty when none is open
     */
    public Optional<Case> current() {
        return Optional.ofNullable(current);
    }

    /**
     * Returns the recent cases.
     *
     * @return the list
     */
    public RecentCases recent() {
        return recent;
    }

    private List<SchemaMigrations> migrations() {
        return registry.findAll(SchemaMigrations.class);
    }

    /** Closes the current case, if any. */
    @Override
    public synchronized void close() {
        Case c = current;
        current = null;
        if (c != null) {
            c.close();
            events.publish(new CaseEvents.Closed(c.folder()));
        }
    }
}
