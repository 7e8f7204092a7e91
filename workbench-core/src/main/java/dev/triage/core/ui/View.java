package dev.triage.core.ui;

import javafx.scene.Node;

/** A view instance that the shell docks; made on the JavaFX thread by a {@link ViewContribution}'s factory. */
public interface View {

    /**
     * Returns the view's root node.
     *
     * @return the node the shell puts in a dock tab
     */
    Node node();

    /** Unhooks listeners and stops background work when the view's tab is closed. */
    default void dispose() {
    }
}
