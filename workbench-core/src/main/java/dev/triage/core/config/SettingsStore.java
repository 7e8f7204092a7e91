package dev.triage.core.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plain settings file ({@code settings.properties}, UTF-8, {@code feature.key=value}), read by per-feature settings objects.
 */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;
    private final Map<String, String> values = new TreeMap<>();

    private SettingsStore(Path file) {
        this.file = file;
    }

    /**
     * Loads the settings file; a missing file means defaults, a broken one is logged and ignored.
     *
     * @param file the settings file
     * @return the store
     */
    public static SettingsStore load(Path file) {
        SettingsStore store = new SettingsStore(file);
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
                p.forEach((k, v) -> store.values.put(k.toString(), v.toString()));
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Settings file {} could not be read, using defaults: {}", file, e.getMessage());
            }
        }
        return store;
    }

    /**
     * Makes a store kept only in memory, for tests and the CLI's throwaway runs.
     *
     * @return an empty store that never writes
     */
    public static SettingsStore inMemory() {
        return new SettingsStore(null);
    }

    /**
     * Reads a value.
     *
     * @param key the full key, such as {@code ui.theme}
     * @return the value, or empty
     */
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * Sets a value and writes the file at once; null removes the key.
     *
     * @param key the full key
     * @param value the new value, or null
     */
    public synchronized void set(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
        save();
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                sorted(values).store(w, "Triage settings: one feature.key=value per line; see docs/settings.md");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write settings file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Properties that write their keys in sorted order, so the file diffs cleanly; escaping is Properties' own. */
    private static Properties sorted(Map<String, String> values) {
        Properties p = new Properties() {
            private static final long serialVersionUID = 1L;

            @Override
            public Set<Map.Entry<Object, Object>> entrySet() {
                Set<Map.Entry<Object, Object>> out = new java.util.TreeSet<>(java.util.Comparator.comparing(e -> e.getKey().toString()));
                out.addAll(super.entrySet());
                return java.util.Collections.synchronizedSet(out);
            }
        };
        p.putAll(values);
        return p;
    }
}
