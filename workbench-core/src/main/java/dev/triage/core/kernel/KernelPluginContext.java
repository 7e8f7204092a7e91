package dev.triage.core.kernel;

import dev.triage.core.cases.CaseException;
import dev.triage.core.cases.CaseService;
import dev.triage.core.cases.SchemaMigrations;
import dev.triage.core.command.CommandBus;
import dev.triage.core.command.CommandHandler;
import dev.triage.core.command.CommandSpec;
import dev.triage.core.config.AppPaths;
import dev.triage.core.config.SettingsStore;
import dev.triage.core.event.EventBus;
import dev.triage.core.i18n.Messages;
import dev.triage.core.plugin.ManagedPlugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.Sandbox;
import dev.triage.core.service.ServiceRegistry;
import dev.triage.core.task.TaskExecutor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link PluginContext} the kernel hands one plugin, tracking its registrations. */
final class KernelPluginContext implements PluginContext {

    private final Kernel kernel;
    private final ManagedPlugin plugin;
    private final Logger log;

    KernelPluginContext(Kernel kernel, ManagedPlugin plugin) {
        this.kernel = kernel;
        this.plugin = plugin;
        this.log = LoggerFactory.getLogger("plugin." + plugin.id());
    }

    @Override
    public String pluginId() {
        return plugin.id();
    }

    @Override
    public ServiceRegistry services() {
        return kernel.services();
    }

    @Override
    public EventBus events() {
        return kernel.events();
    }

    @Override
    public CommandBus commands() {
        return kernel.commands();
    }

    @Override
    public TaskExecutor tasks() {
        return kernel.tasks();
    }

    @Override
    public CaseService cases() {
        return kernel.cases();
    }

    @Override
    public SettingsStore settings() {
        return kernel.settings();
    }

    @Override
    public AppPaths paths() {
        return kernel.paths();
    }

    @Override
    public dev.triage.core.connection.ConnectionStore connections() {
        return kernel.connections();
    }

    @Override
    public dev.triage.core.imports.ImportService imports() {
        return kernel.imports();
    }

    @Override
    public Sandbox sandbox() {
        return kernel.sandbox();
    }

    @Override
    public Logger log() {
        return log;
    }

    @Override
    public Messages messages(String baseName) {
        return Messages.load(baseName, kernel.locale(), plugin.plugin().getClass().getClassLoader());
    }

    @Override
    public <T> void register(Class<T> type, T service) {
        plugin.track(kernel.services().register(type, service));
        if (service instanceof SchemaMigrations m) {
            try {
                kernel.cases().migrateCurrent(m);
            } catch (CaseException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    @Override
    public <A> void command(CommandSpec<A> spec, CommandHandler<A> handler) {
        plugin.track(kernel.commands().register(spec, handler));
    }

    @Override
    public <E> void subscribe(Class<E> type, Consumer<? super E> subscriber) {
        plugin.track(kernel.events().subscribe(type, subscriber));
    }
}
