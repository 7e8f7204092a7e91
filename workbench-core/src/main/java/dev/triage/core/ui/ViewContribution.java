package dev.triage.core.ui;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A view a plugin offers to the shell: a stable id and a factory, never an instance.
 *
 * @param id a stable id such as {@code about.info}, used to save and restore layouts
 * @param title the tab title, already in the user's language
 * @param icon an Ikonli icon literal such as {@code mdi2i-information-outline}, or empty
 * @param area where the view opens by default
 * @param factory makes a new view on the JavaFX thread
 */
public record ViewContribution(String id, String title, String icon, DockArea area, Supplier<View> factory) {

    /**
     * Checks the parts are present.
     *
     * @param id the id
     * @param title the title
     * @param icon the icon
     * @param area the area
     * @param factory the factory
     */
    public ViewContribution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        icon = icon == null ? "" : icon;
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(factory, "factory");
    }
}
