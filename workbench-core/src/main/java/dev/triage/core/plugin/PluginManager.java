package dev.triage.core.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads plugins, starts them in dependency order inside the sandbox and stops them in reverse; failures stay local. */
public final class PluginManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginManager.class);

    private static final java.time.Duration HEALTH_TIMEOUT = java.time.Duration.ofSeconds(2);

    private final List<ManagedPlugin> plugins = new CopyOnWriteArrayList<>();
    private final List<String> started = new CopyOnWriteArrayList<>();
    private final Function<ManagedPlugin, PluginContext> contexts;
    private final Sandbox sandbox;
    private final Version coreVersion;
    private final java.util.function.Consumer<PluginStateChanged> listener;
    private final ExternalPlugins external = new ExternalPlugins();

    /**
     * Creates a manager.
     *
     * @param contexts makes the context handed to each plugin's {@code init}
     * @param sandbox runs plugin code with a timeout
     * @param coreVersion the kernel version plugins may require
     * @param listener told about every state change (the kernel publishes them on the event bus)
     */
    public PluginManager(Function<ManagedPlugin, PluginContext> contexts, Sandbox sandbox, Version coreVersion,
                         java.util.function.Consumer<PluginStateChanged> listener) {
        this.contexts = contexts;
        this.sandbox = sandbox;
        this.coreVersion = coreVersion;
        this.listener = listener;
    }

    /**
     * Finds built-in plugins with ServiceLoader on a class loader and loads them.
     *
     * @param loader the class loader to search
     */
    public void discoverBuiltins(ClassLoader loader) {
        for (ServiceLoader.Provider<Plugin> provider : ServiceLoader.load(Plugin.class, loader).stream().toList()) {
            Plugin instance;
            long t0 = System.nanoTime();
            try {
                instance = provider.get();
            } catch (java.util.ServiceConfigurationError | RuntimeException | LinkageError e) {
                failedToLoad(provider.type().getName(), null, "Cannot create plugin " + provider.type().getName() + ": " + e, e);
                continue;
            }
            add(instance, null).timed("load", System.nanoTime() - t0);
        }
    }

    /**
     * Loads every plugin jar of a folder, each in its own class loader.
     *
     * @param folder the external plugins folder
     */
    public void loadExternal(Path folder) {
        for (ExternalPlugins.Found f : external.load(folder)) {
            if (f.plugin() != null) {
                add(f.plugin(), f.jar(), f.id());
            } else {
                failedToLoad(f.id(), f.jar(), f.error(), null);
            }
        }
    }

    /**
     * Adds a plugin instance in state LOADED, reading its descriptor in the sandbox.
     *
     * @param plugin the instance
     * @param origin the jar it came from, or null for built-ins
     * @return the bookkeeping entry
     */
    public ManagedPlugin add(Plugin plugin, Path origin) {
        return add(plugin, origin, null);
    }

    private ManagedPlugin add(Plugin plugin, Path origin, String manifestId) {
        PluginDescriptor d;
        try {
            d = sandbox.call("descriptor of " + plugin.getClass().getName(),
                    () -> java.util.Objects.requireNonNull(plugin.descriptor(), "descriptor() returned null"));
        } catch (SandboxException e) {
            return failedToLoad(manifestId != null ? manifestId : plugin.getClass().getName(), origin, e.getMessage(), e.getCause());
        }
        if (manifestId != null && !manifestId.equals(d.id())) {
            return failedToLoad(manifestId, origin, "Plugin jar " + origin + " says Plugin-Id '" + manifestId
                    + "' in its manifest but its plugin class says '" + d.id() + "'", null);
        }
        Optional<ManagedPlugin> clash = plugins.stream()
                .filter(p -> p.id().equals(d.id()) && p.state() != PluginState.FAILED).findFirst();
        ManagedPlugin mp = new ManagedPlugin(d, plugin, origin);
        plugins.add(mp);
        if (clash.isPresent()) {
            fail(mp, "Plugin id '" + d.id() + "' is provided twice: by " + where(clash.get()) + " and by " + where(mp), null);
        } else {
            move(mp, PluginState.LOADED);
        }
        return mp;
    }

    private static String where(ManagedPlugin mp) {
        return mp.origin().map(Path::toString).orElse("built-in " + mp.plugin().getClass().getName());
    }

    private ManagedPlugin failedToLoad(String name, Path origin, String message, Throwable cause) {
        String id = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z]+", "");
        ManagedPlugin mp = new ManagedPlugin(new PluginDescriptor(id.isEmpty() ? "unknown" : id, name, Version.parse("0"),
                List.of(), java.util.Set.of()), null, origin);
        plugins.add(mp);
        fail(mp, message, cause);
        return mp;
    }

    /** Initialises and starts every loaded plugin in dependency order; problems fail only the plugins concerned. */
    public void startAll() {
        List<PluginDescriptor> candidates = plugins.stream()
                .filter(p -> p.state() == PluginState.LOADED || p.state() == PluginState.STOPPED)
                .map(ManagedPlugin::descriptor).toList();
        DependencyResolver.Result r = DependencyResolver.resolve(candidates, coreVersion);
        r.problems().forEach((id, msg) -> find(id).ifPresent(mp -> fail(mp, msg, null)));
        for (String id : r.order()) {
            find(id).ifPresent(this::start);
        }
    }

    /**
     * Initialises (if needed) and starts one plugin whose requirements are running.
     *
     * @param mp the plugin
     * @return true when it is RUNNING afterwards
     */
    public boolean start(ManagedPlugin mp) {
        if (mp.state() == PluginState.RUNNING) {
            return true;
        }
        for (PluginRequirement req : mp.descriptor().requires()) {
            if (req.pluginId().equals(DependencyResolver.CORE)) {
                continue;
            }
            Optional<ManagedPlugin> dep = find(req.pluginId());
            if (dep.isEmpty() || dep.get().state() != PluginState.RUNNING) {
                String why = dep.map(d -> "which is " + d.state() + (d.failure().isEmpty() ? "" : " (" + d.failure() + ")"))
                        .orElse("which is not installed");
                fail(mp, "Plugin '" + mp.id() + "' requires plugin '" + req.pluginId() + "', " + why, null);
                return false;
            }
        }
        if (mp.state() == PluginState.LOADED || mp.state() == PluginState.STOPPED) {
            mp.reopenRegistrations();
            PluginContext ctx = contexts.apply(mp);
            if (!lifecycle(mp, "init", PluginState.INITIALIZED, () -> mp.plugin().init(ctx))) {
                return false;
            }
        }
        if (!lifecycle(mp, "start", PluginState.RUNNING, mp.plugin()::start)) {
            stopAfterFailedStart(mp);
            return false;
        }
        started.remove(mp.id());
        started.add(mp.id());
        return true;
    }

    private void stopAfterFailedStart(ManagedPlugin mp) {
        try {
            sandbox.call("stop of plugin '" + mp.id() + "' after its start failed", () -> {
                mp.plugin().stop();
                return null;
            });
        } catch (SandboxException e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    /**
     * Stops one running or initialised plugin and closes its registrations.
     *
     * @param mp the plugin
     */
    public void stop(ManagedPlugin mp) {
        if (mp.state() == PluginState.RUNNING) {
            lifecycle(mp, "stop", PluginState.STOPPED, mp.plugin()::stop);
        } else if (mp.state() == PluginState.INITIALIZED) {
            move(mp, PluginState.STOPPED);
        }
        mp.closeRegistrations();
    }

    /** Stops every plugin in the reverse of the order they started. */
    public void stopAll() {
        List<String> reverse = new ArrayList<>(started);
        java.util.Collections.reverse(reverse);
        for (String id : reverse) {
            find(id).ifPresent(this::stop);
        }
        started.clear();
    }

    private boolean lifecycle(ManagedPlugin mp, String op, PluginState target, ThrowingRunnable body) {
        if (!mp.state().canMoveTo(target)) {
            throw new IllegalPluginStateException(mp.id(), mp.state(), target);
        }
        long t0 = System.nanoTime();
        try {
            sandbox.call(op + " of plugin '" + mp.id() + "'", () -> {
                body.run();
                return null;
            });
            mp.timed(op, System.nanoTime() - t0);
            move(mp, target);
            return true;
        } catch (SandboxException e) {
            mp.timed(op, System.nanoTime() - t0);
            fail(mp, e.getMessage(), e.getCause());
            mp.closeRegistrations();
            return false;
        }
    }

    private void move(ManagedPlugin mp, PluginState next) {
        PluginState from = mp.moveTo(next);
        LOG.debug("Plugin '{}': {} -> {}", mp.id(), from, next);
        listener.accept(new PluginStateChanged(mp.id(), from, next, ""));
    }

    private void fail(ManagedPlugin mp, String message, Throwable cause) {
        PluginState from = mp.fail(message, cause);
        LOG.error("Plugin '{}' failed: {}", mp.id(), message, cause);
        listener.accept(new PluginStateChanged(mp.id(), from, PluginState.FAILED, message));
    }

    /**
     * Asks a running plugin how it is, in the sandbox; a plugin that is not running, throws or hangs is reported down.
     *
     * @param mp the plugin
     * @return its health
     */
    public Health health(ManagedPlugin mp) {
        if (mp.state() != PluginState.RUNNING) {
            return Health.down(mp.state() + (mp.failure().isEmpty() ? "" : ": " + mp.failure()));
        }
        try {
            Health h = sandbox.call("health of plugin '" + mp.id() + "'", HEALTH_TIMEOUT, mp.plugin()::health);
            return h == null ? Health.up() : h;
        } catch (SandboxException e) {
            return Health.down(e.getMessage());
        }
    }

    /**
     * Lists every plugin known, in load order.
     *
     * @return the plugins
     */
    public List<ManagedPlugin> plugins() {
        return List.copyOf(plugins);
    }

    /**
     * Finds a plugin by id, preferring one that did not fail when several claim the id.
     *
     * @param id the plugin id
     * @return the plugin, or empty
     */
    public Optional<ManagedPlugin> find(String id) {
        return plugins.stream().filter(p -> p.id().equals(id))
                .min(java.util.Comparator.comparing(p -> p.state() == PluginState.FAILED));
    }

    /** Stops every plugin and releases the external plugins' class loaders. */
    @Override
    public void close() {
        stopAll();
        external.close();
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
