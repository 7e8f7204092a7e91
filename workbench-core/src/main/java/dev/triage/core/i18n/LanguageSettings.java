package dev.triage.core.i18n;

import dev.triage.core.config.FeatureSettings;
import dev.triage.core.config.SettingsStore;
import java.util.Locale;

/** The user's language choice ({@code ui.language}: {@code system}, {@code en} or {@code zh-CN}). */
public final class LanguageSettings extends FeatureSettings {

    /**
     * Creates the language settings over a store.
     *
     * @param store the settings file
     */
    public LanguageSettings(SettingsStore store) {
        super(store, "ui");
    }

    /**
     * Returns the chosen language tag.
     *
     * @return {@code system} or a BCP 47 tag
     */
    public String language() {
        return text("language", "system");
    }

    /**
     * Sets the language.
     *
     * @param tag {@code system} or a BCP 47 tag such as {@code zh-CN}
     */
    public void setLanguage(String tag) {
        setText("language", tag);
    }

    /**
     * Returns the locale to use: the chosen one, or the OS's when the choice is {@code system}.
     *
     * @return the locale
     */
    public Locale locale() {
        String tag = language();
        return "system".equalsIgnoreCase(tag.trim()) ? Locale.getDefault() : Locale.forLanguageTag(tag.trim().replace('_', '-'));
    }
}
