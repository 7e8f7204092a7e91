package dev.triage.core.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** User-visible text from one resource bundle in one locale; a missing key shows as {@code !key!} rather than failing. */
public final class Messages {

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /**
     * Loads a bundle; bundles are UTF-8 {@code .properties} files, English as the base and {@code _zh_CN} beside it.
     *
     * @param baseName the bundle's base name, such as {@code dev.triage.plugin.about.messages}
     * @param locale the locale
     * @param loader the class loader that holds the bundle (the plugin's own)
     * @return the messages
     */
    public static Messages load(String baseName, Locale locale, ClassLoader loader) {
        ResourceBundle b = ResourceBundle.getBundle(baseName, locale, loader,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(b, locale);
    }

    /**
     * Returns a text, formatted with {@link MessageFormat} when arguments are given.
     *
     * @param key the key
     * @param args values for {@code {0}}, {@code {1}}...
     * @return the text
     */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /**
     * Returns the locale of these messages.
     *
     * @return the locale
     */
    public Locale locale() {
        return locale;
    }
}
