package dev.triage.app.shell;

import dev.triage.core.i18n.Messages;
import java.util.Locale;

/** Where the shell's user-visible texts live. */
public final class ShellTexts {

    /** The resource bundle base name. */
    public static final String BUNDLE = "dev.triage.app.shell.messages";

    private ShellTexts() {
    }

    /**
     * Loads the shell's texts.
     *
     * @param locale the user's locale
     * @return the messages
     */
    public static Messages load(Locale locale) {
        return Messages.load(BUNDLE, locale, ShellTexts.class.getClassLoader());
    }
}
