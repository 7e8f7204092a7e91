package dev.triage.core.ui;

import java.util.Objects;

/**
 * An event asking the window to open a view (or bring it to the front), published on the event bus by a plugin that
 * hands work to another plugin's view, such as the SQL editor after {@code sql.open}; headless, nothing listens.
 *
 * @param viewId the id of the view's {@link ViewContribution}
 * @param ref an item for the view to bring into sight once open (see {@link Revealing}), or null for none
 */
public record ShowView(String viewId, String ref) {

    /** Requires the id. */
    public ShowView {
        Objects.requireNonNull(viewId, "viewId");
    }

    /**
     * Asks for a view without an item to show in it.
     *
     * @param viewId the id of the view's {@link ViewContribution}
     */
    public ShowView(String viewId) {
        this(viewId, null);
    }
}
