package dev.triage.app.cli;

import dev.triage.core.config.AppPaths;
import dev.triage.core.config.SettingsStore;
import dev.triage.core.i18n.LanguageSettings;
import dev.triage.core.i18n.Messages;
import java.util.Locale;
import java.util.ResourceBundle;

/** Where the CLI's user-visible texts live: picocli's help texts and the CLI's own messages share one bundle. */
public final class CliTexts {

    /** The resource bundle base name. */
    public static final String BUNDLE = "dev.triage.app.cli.messages";

    private CliTexts() {
    }

    /**
     * Returns the language the window would use: {@code ui.language} from the settings file, or the OS's.
     *
     * @param paths the app-data folders
     * @return the locale
     */
    public static Locale locale(AppPaths paths) {
        return new LanguageSettings(SettingsStore.load(paths.config().resolve("settings.properties"))).locale();
    }

    /**
     * Loads the CLI's messages.
     *
     * @param locale the user's locale
     * @return the messages
     */
    public static Messages load(Locale locale) {
        return Messages.load(BUNDLE, locale, CliTexts.class.getClassLoader());
    }

    /**
     * Loads the same bundle as a plain {@link ResourceBundle}, the form picocli reads help texts from.
     *
     * @param locale the user's locale
     * @return the bundle
     */
    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, CliTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
