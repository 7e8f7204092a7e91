package dev.triage.core.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads external plugin jars with PF4J, one jar at a time, each in its own class loader, and finds their {@link Plugin}
 * with ServiceLoader; a broken jar is reported by name and does not affect the others.
 */
final class ExternalPlugins implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExternalPlugins.class);

    private JarPluginManager pf4j;

    /** One plugin found in a jar, or the reason none could be made. */
    record Found(String id, Path jar, Plugin plugin, String error) {
    }

    /** PF4J for class loading and manifests only: requirements are resolved by the kernel's own DependencyResolver. */
    private static final class LoadingOnly extends JarPluginManager {
        LoadingOnly(Path folder) {
            super(folder);
        }

        @Override
        protected void resolvePlugins() {
            // the kernel resolves requires/versions per plugin and fails only the plugin concerned
        }
    }

    List<Found> load(Path folder) {
        List<Found> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        close();
        pf4j = new LoadingOnly(folder);
        List<Path> jars;
        try (Stream<Path> list = Files.list(folder)) {
            jars = list.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            out.add(new Found("external", folder, null, "Cannot list plugins in " + folder + ": " + e.getMessage()));
            return out;
        }
        for (Path jar : jars) {
            out.addAll(loadJar(jar));
        }
        return out;
    }

    private List<Found> loadJar(Path jar) {
        String fallbackId = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        String id;
        try {
            id = pf4j.loadPlugin(jar);
        } catch (RuntimeException e) {
            LOG.warn("Plugin jar {} cannot be loaded: {}", jar, e.getMessage());
            return List.of(new Found(fallbackId, jar, null, "Plugin jar " + jar + " cannot be loaded: " + e.getMessage()));
        }
        PluginWrapper w = pf4j.getPlugin(id);
        if (!w.getDescriptor().getDependencies().isEmpty()) {
            unload(id);
            return List.of(new Found(id, jar, null, "Plugin jar " + jar + " declares Plugin-Dependencies in its manifest;"
                    + " Triage plugins declare what they require in their descriptor instead"));
        }
        try {
            java.util.Optional<String> exit = ExitCallScan.find(jar);
            if (exit.isPresent()) {
                unload(id);
                return List.of(new Found(id, jar, null, "Plugin jar " + jar + " calls " + exit.get().replaceFirst(".*: ", "")
                        + " (in " + exit.get().replaceFirst(": .*", "") + "): refused, a plugin must not end the application"));
            }
        } catch (IOException e) {
            unload(id);
            return List.of(new Found(id, jar, null, "Plugin jar " + jar + " cannot be checked: " + e.getMessage()));
        }
        ClassLoader cl = w.getPluginClassLoader();
        List<Found> found = new ArrayList<>();
        String error = null;
        try {
            for (ServiceLoader.Provider<Plugin> p : ServiceLoader.load(Plugin.class, cl).stream().toList()) {
                if (p.type().getClassLoader() == cl) {
                    found.add(new Found(id, jar, p.get(), null));
                }
            }
        } catch (java.util.ServiceConfigurationError | RuntimeException | LinkageError e) {
            error = "Plugin jar " + jar + " (" + id + ") is broken: " + e;
        }
        if (error == null && found.isEmpty()) {
            error = "Plugin jar " + jar + " (" + id + ") lists no dev.triage.core.plugin.Plugin in META-INF/services";
        }
        if (error != null) {
            unload(id);
            return List.of(new Found(id, jar, null, error));
        }
        return found;
    }

    private void unload(String id) {
        try {
            pf4j.unloadPlugin(id);
        } catch (RuntimeException e) {
            LOG.debug("Unloading plugin {} failed: {}", id, e.getMessage());
        }
    }

    /** Releases every external plugin's class loader and jar file. */
    @Override
    public void close() {
        if (pf4j != null) {
            for (PluginWrapper w : List.copyOf(pf4j.getPlugins())) {
                unload(w.getPluginId());
            }
            pf4j = null;
        }
    }
}
