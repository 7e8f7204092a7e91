package dev.triage.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Triage keeps its own files: settings, data (external plugins, recent cases), logs and cache.
 *
 * @param config the folder of settings files
 * @param data the folder of external plugins, recent cases and saved connections
 * @param logs the folder of rotating log files
 * @param cache the folder of disposable files
 */
public record AppPaths(Path config, Path data, Path logs, Path cache) {

    /** The environment variable that puts every folder under one root. */
    public static final String HOME_VARIABLE = "TRIAGE_HOME";

    /**
     * Resolves the folders from the real environment and system properties.
     *
     * @return the paths for this machine
     */
    public static AppPaths detect() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", ".")));
    }

    /**
     * Resolves the folders: under {@code TRIAGE_HOME} when set, else the OS's conventional places.
     *
     * @param env the environment variables
     * @param osName the value of {@code os.name}
     * @param home the user's home folder
     * @return the paths
     */
    public static AppPaths resolve(Map<String, String> env, String osName, Path home) {
        String triageHome = env.get(HOME_VARIABLE);
        if (triageHome != null && !triageHome.isBlank()) {
            return under(Path.of(triageHome));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = dir(env, "APPDATA", home.resolve("AppData/Roaming")).resolve("Triage");
            Path local = dir(env, "LOCALAPPDATA", home.resolve("AppData/Local")).resolve("Triage");
            return new AppPaths(roaming, roaming, local.resolve("logs"), local.resolve("cache"));
        }
        if (os.startsWith("mac")) {
            Path support = home.resolve("Library/Application Support/Triage");
            return new AppPaths(support, support, home.resolve("Library/Logs/Triage"), home.resolve("Library/Caches/Triage"));
        }
        return new AppPaths(
                dir(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("triage"),
                dir(env, "XDG_DATA_HOME", home.resolve(".local/share")).resolve("triage"),
                dir(env, "XDG_STATE_HOME", home.resolve(".local/state")).resolve("triage").resolve("logs"),
                dir(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve("triage"));
    }

    /**
     * Puts every folder under one root, as {@code TRIAGE_HOME} does and tests do.
     *
     * @param root the root folder
     * @return the paths
     */
    public static AppPaths under(Path root) {
        Path r = root.toAbsolutePath();
        return new AppPaths(r.resolve("config"), r.resolve("data"), r.resolve("logs"), r.resolve("cache"));
    }

    private static Path dir(Map<String, String> env, String name, Path fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : Path.of(v);
    }

    /**
     * Returns the folder scanned for external plugin jars.
     *
     * @return {@code data/plugins}
     */
    public Path plugins() {
        return data.resolve("plugins");
    }

    /**
     * Creates the folders that do not exist yet.
     *
     * @return this
     */
    public AppPaths ensureExist() {
        try {
            for (Path p : new Path[] {config, data, logs, cache, plugins()}) {
                Files.createDirectories(p);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Triage's folders: " + e.getMessage(), e);
        }
    }
}
