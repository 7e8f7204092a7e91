package dev.triage.core.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads external plugin jars with PF4J, each in its own class loader, and finds their {@link Plugin} with ServiceLoader. */
final class ExternalPlugins {

    private static final Logger LOG = LoggerFactory.getLogger(ExternalPlugins.class);

    private ExternalPlugins() {
    }

    /** One plugin found in a jar, or the reason none could be made. */
    record Found(String id, Path jar, Plugin plugin, String error) {
    }

    static List<Found> load(Path folder) {
        List<Found> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        JarPluginManager pf4j = new JarPluginManager(folder);
        try {
            pf4j.loadPlugins();
        } catch (RuntimeException e) {
            LOG.error("Loading plugins from {} failed", folder, e);
            out.add(new Found("external", folder, null, "Cannot load plugins from " + folder + ": " + e.getMessage()));
            return out;
        }
        for (PluginWrapper w : pf4j.getPlugins()) {
            ClassLoader cl = w.getPluginClassLoader();
            List<Plugin> found = new ArrayList<>();
            String error = null;
            try {
                for (ServiceLoader.Provider<Plugin> p : ServiceLoader.load(Plugin.class, cl).stream().toList()) {
                    if (p.type().getClassLoader() == cl) {
                        found.add(p.get());
                    }
                }
            } catch (java.util.ServiceConfigurationError | RuntimeException | LinkageError e) {
                error = "Plugin jar " + w.getPluginPath() + " (" + w.getPluginId() + ") is broken: " + e;
            }
            if (error == null && found.isEmpty()) {
                error = "Plugin jar " + w.getPluginPath() + " (" + w.getPluginId()
                        + ") lists no dev.triage.core.plugin.Plugin in META-INF/services";
            }
            if (error != null) {
                out.add(new Found(w.getPluginId(), w.getPluginPath(), null, error));
                continue;
            }
            for (Plugin p : found) {
                out.add(new Found(w.getPluginId(), w.getPluginPath(), p, null));
            }
        }
        return out;
    }
}
