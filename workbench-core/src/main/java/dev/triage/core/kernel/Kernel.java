package dev.triage.core.kernel;

import dev.triage.core.cases.CaseService;
import dev.triage.core.cases.RecentCases;
import dev.triage.core.command.CommandBus;
import dev.triage.core.command.DefaultCommandBus;
import dev.triage.core.config.AppPaths;
import dev.triage.core.connection.ConnectionStore;
import dev.triage.core.connection.SecretStores;
import dev.triage.core.config.SettingsStore;
import dev.triage.core.event.DefaultEventBus;
import dev.triage.core.event.EventBus;
import dev.triage.core.i18n.LanguageSettings;
import dev.triage.core.imports.ImportService;
import dev.triage.core.plugin.PluginManager;
import dev.triage.core.plugin.Sandbox;
import dev.triage.core.report.ReportBuilder;
import dev.triage.core.service.DefaultServiceRegistry;
import dev.triage.core.service.ServiceRegistry;
import dev.triage.core.task.DefaultTaskExecutor;
import dev.triage.core.task.NamedThreads;
import dev.triage.core.task.TaskExecutor;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The assembled kernel: registry, buses, tasks, cases, settings and the plugin manager, shared by the shell, the CLI and tests. */
public final class Kernel implements AutoCloseable {

    private final AppPaths paths;
    private final SettingsStore settings;
    private final ServiceRegistry services = new DefaultServiceRegistry();
    private final ExecutorService eventThread = Executors.newSingleThreadExecutor(NamedThreads.factory("triage-events"));
    private final DefaultEventBus events = new DefaultEventBus(eventThread);
    private final TaskExecutor tasks;
    private final CommandBus commands;
    private final CaseService cases;
    private final ImportService imports;
    private final Sandbox sandbox;
    private final PluginManager plugins;
    private final Locale locale;
    private final ReportBuilder reports;
    private ConnectionStore connections;

    private Kernel(AppPaths paths, SettingsStore settings, TaskExecutor tasks, Duration pluginTimeout) {
        this.paths = paths;
        this.settings = settings;
        this.tasks = tasks;
        this.commands = new DefaultCommandBus(tasks);
        this.cases = new CaseService(services, events, new RecentCases(paths.data().resolve("recent-cases.txt")));
        this.imports = new ImportService(services, tasks, events);
        this.sandbox = new Sandbox(pluginTimeout);
        this.locale = new LanguageSettings(settings).locale();
        this.reports = new ReportBuilder(services, sandbox);
        this.plugins = new PluginManager(mp -> new KernelPluginContext(this, mp), sandbox, CoreVersion.get(), events::publish);
    }

    /**
     * Builds a kernel over app-data folders with the settings file in them and a bounded task pool.
     *
     * @param paths the app-data folders
     * @return the kernel, plugins not yet loaded
     */
    public static Kernel create(AppPaths paths) {
        paths.ensureExist();
        return new Kernel(paths, SettingsStore.load(paths.config().resolve("settings.properties")),
                new DefaultTaskExecutor(Math.max(2, Runtime.getRuntime().availableProcessors())), Duration.ofSeconds(10));
    }

    /**
     * Builds a kernel with explicit parts, for tests.
     *
     * @param paths the app-data folders
     * @param settings the settings
     * @param tasks the task executor
     * @param pluginTimeout how long plugin init/start/stop may take
     * @return the kernel
     */
    public static Kernel create(AppPaths paths, SettingsStore settings, TaskExecutor tasks, Duration pluginTimeout) {
        paths.ensureExist();
        return new Kernel(paths, settings, tasks, pluginTimeout);
    }

    /**
     * Loads built-in plugins from the class path and external ones from the plugins folder, then starts them all.
     *
     * @return this
     */
    public Kernel startPlugins() {
        plugins.discoverBuiltins(Kernel.class.getClassLoader());
        plugins.loadExternal(paths.plugins());
        plugins.startAll();
        return this;
    }

    /**
     * Returns the app-data folders.
     *
     * @return the paths
     */
    public AppPaths paths() {
        return paths;
    }

    /**
     * Returns the settings file.
     *
     * @return the store
     */
    public SettingsStore settings() {
        return settings;
    }

    /**
     * Returns the service registry.
     *
     * @return the registry
     */
    public ServiceRegistry services() {
        return services;
    }

    /**
     * Returns the event bus.
     *
     * @return the bus
     */
    public EventBus events() {
        return events;
    }

    /**
     * Returns the task executor.
     *
     * @return the executor
     */
    public TaskExecutor tasks() {
        return tasks;
    }

    /**
     * Returns the command bus.
     *
     * @return the bus
     */
    public CommandBus commands() {
        return commands;
    }

    /**
     * Returns the case service.
     *
     * @return the service
     */
    public CaseService cases() {
        return cases;
    }

    /**
     * Returns the import service.
     *
     * @return the service
     */
    public ImportService imports() {
        return imports;
    }

    /**
     * Returns the plugin sandbox.
     *
     * @return the sandbox
     */
    public Sandbox sandbox() {
        return sandbox;
    }

    /**
     * Returns the plugin manager.
     *
     * @return the manager
     */
    public PluginManager plugins() {
        return plugins;
    }

    /**
     * Returns the report builder that asks every plugin's report contributors for sections.
     *
     * @return the builder
     */
    public ReportBuilder reports() {
        return reports;
    }

    /**
     * Returns the saved connection targets, opening the secret store (OS keyring, else encrypted file) on first use.
     *
     * @return the connection store
     */
    public synchronized ConnectionStore connections() {
        if (connections == null) {
            connections = new ConnectionStore(paths.config(), SecretStores.open(paths.config()));
        }
        return connections;
    }

    /**
     * Returns the user's locale, chosen in settings or taken from the OS.
     *
     * @return the locale
     */
    public Locale locale() {
        return locale;
    }

    /** Cancels running tasks and waits for them, stops plugins, closes the case, then stops the kernel's threads. */
    @Override
    public void close() {
        tasks.close();
        plugins.close();
        cases.close();
        eventThread.shutdown();
        try {
            eventThread.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sandbox.close();
    }
}
