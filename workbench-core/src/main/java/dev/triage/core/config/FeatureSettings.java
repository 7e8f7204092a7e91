package dev.triage.core.config;

/** Base of per-feature settings objects: typed accessors over the keys under one prefix of the {@link SettingsStore}. */
public abstract class FeatureSettings {

    private final SettingsStore store;
    private final String prefix;

    /**
     * Creates settings for one feature.
     *
     * @param store the settings file
     * @param prefix the feature's key prefix, such as {@code ui}
     */
    protected FeatureSettings(SettingsStore store, String prefix) {
        this.store = store;
        this.prefix = prefix + ".";
    }

    /**
     * Reads a text value.
     *
     * @param key the key under the prefix
     * @param fallback the default
     * @return the value or the default
     */
    protected String text(String key, String fallback) {
        return store.get(prefix + key).orElse(fallback);
    }

    /**
     * Writes a text value.
     *
     * @param key the key under the prefix
     * @param value the value, or null to remove it
     */
    protected void setText(String key, String value) {
        store.set(prefix + key, value);
    }

    /**
     * Reads an enum value, falling back on unknown text.
     *
     * @param key the key under the prefix
     * @param fallback the default, whose type is the enum read
     * @param <E> the enum type
     * @return the value or the default
     */
    protected <E extends Enum<E>> E choice(String key, E fallback) {
        String v = text(key, fallback.name());
        try {
            return Enum.valueOf(fallback.getDeclaringClass(), v.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
