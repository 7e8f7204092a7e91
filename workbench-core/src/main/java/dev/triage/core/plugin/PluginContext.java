package dev.triage.core.plugin;

import dev.triage.core.cases.CaseService;
import dev.triage.core.command.CommandBus;
import dev.triage.core.command.CommandHandler;
import dev.triage.core.command.CommandSpec;
import dev.triage.core.config.AppPaths;
import dev.triage.core.config.SettingsStore;
import dev.triage.core.event.EventBus;
import dev.triage.core.i18n.Messages;
import dev.triage.core.service.ServiceRegistry;
import dev.triage.core.task.TaskExecutor;
import java.util.function.Consumer;
import org.slf4j.Logger;

/** A plugin's view of the kernel; registrations made through it are closed by the kernel when the plugin stops or fails. */
public interface PluginContext {

    /**
     * Returns the id of the plugin this context belongs to.
     *
     * @return the plugin id
     */
    String pluginId();

    /**
     * Returns the shared service registry.
     *
     * @return the registry
     */
    ServiceRegistry services();

    /**
     * Returns the shared event bus.
     *
     * @return the bus
     */
    EventBus events();

    /**
     * Returns the shared command bus.
     *
     * @return the bus
     */
    CommandBus commands();

    /**
     * Returns the executor for long work.
     *
     * @return the task executor
     */
    TaskExecutor tasks();

    /**
     * Returns the current-case service.
     *
     * @return the case service
     */
    CaseService cases();

    /**
     * Returns the settings file, read through the plugin's own settings object.
     *
     * @return the settings store
     */
    SettingsStore settings();

    /**
     * Returns the app-data folders.
     *
     * @return the paths
     */
    AppPaths paths();

    /**
     * Returns the saved connections (MySQL/TiDB, Redis, Kafka targets) with their passwords in the secret store.
     *
     * @return the connection store
     */
    dev.triage.core.connection.ConnectionStore connections();

    /**
     * Returns the import service, which imports files into a case as one atomic task with the plugin that claims each.
     *
     * @return the import service
     */
    dev.triage.core.imports.ImportService imports();

    /**
     * Returns the sandbox for running plugin work with a timeout and failure isolation.
     *
     * @return the sandbox
     */
    Sandbox sandbox();

    /**
     * Returns a logger named after the plugin.
     *
     * @return the logger
     */
    Logger log();

    /**
     * Loads the plugin's user-visible texts in the user's language.
     *
     * @param baseName the bundle base name in the plugin's jar
     * @return the messages
     */
    Messages messages(String baseName);

    /**
     * Publishes a service (also views, importers and migrations), unregistered when the plugin stops.
     *
     * @param type the service type
     * @param service the implementation
     * @param <T> the type
     */
    <T> void register(Class<T> type, T service);

    /**
     * Registers a command, unregistered when the plugin stops.
     *
     * @param spec the command
     * @param handler its handler
     * @param <A> the argument type
     */
    <A> void command(CommandSpec<A> spec, CommandHandler<A> handler);

    /**
     * Subscribes to events, unsubscribed when the plugin stops.
     *
     * @param type the event type
     * @param subscriber the subscriber
     * @param <E> the event type
     */
    <E> void subscribe(Class<E> type, Consumer<? super E> subscriber);
}
