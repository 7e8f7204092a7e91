package dev.triage.app.shell.theme;

import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Applies the theme as the user-agent stylesheet and remembers the choice in {@link UiSettings}. */
public final class ThemeManager {

    private final UiSettings settings;
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>();

    /**
     * Creates the manager; call {@link #applySaved()} on the JavaFX thread to use the saved theme.
     *
     * @param settings where the choice is kept
     */
    public ThemeManager(UiSettings settings) {
        this.settings = settings;
    }

    /** Applies the theme saved in settings. */
    public void applySaved() {
        apply(settings.theme());
    }

    /**
     * Switches to a theme and remembers it.
     *
     * @param next the theme
     */
    public void switchTo(Theme next) {
        apply(next);
        settings.setTheme(next);
    }

    /** Switches between light and dark. */
    public void toggle() {
        switchTo(theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK);
    }

    private void apply(Theme next) {
        Application.setUserAgentStylesheet(next.stylesheet());
        theme.set(next);
    }

    /**
     * Returns the theme in use.
     *
     * @return the property
     */
    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }
}
