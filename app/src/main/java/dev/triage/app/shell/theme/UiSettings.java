package dev.triage.app.shell.theme;

import dev.triage.core.config.FeatureSettings;
import dev.triage.core.config.SettingsStore;
import java.util.List;

/** The shell's own settings: {@code ui.theme} and {@code ui.language} (the language applies at the next start). */
public final class UiSettings extends FeatureSettings {

    /** The language choices offered in the View menu. */
    public static final List<String> LANGUAGES = List.of("system", "en", "zh-CN");

    /**
     * Creates the settings over a store.
     *
     * @param store the settings file
     */
    public UiSettings(SettingsStore store) {
        super(store, "ui");
    }

    /**
     * Returns the chosen theme.
     *
     * @return the theme, light by default
     */
    public Theme theme() {
        return choice("theme", Theme.LIGHT);
    }

    /**
     * Remembers the theme.
     *
     * @param theme the theme
     */
    public void setTheme(Theme theme) {
        setText("theme", theme.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Returns the chosen language tag.
     *
     * @return {@code system}, {@code en} or {@code zh-CN}
     */
    public String language() {
        return text("language", "system");
    }

    /**
     * Remembers the language for the next start.
     *
     * @param tag one of {@link #LANGUAGES}
     */
    public void setLanguage(String tag) {
        setText("language", tag);
    }
}
