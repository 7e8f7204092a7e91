package dev.triage.core.ui;

/**
 * A view that can bring one of its items into sight (select a slow-log class, scroll to a log line), so that evidence
 * links in other views open where the evidence lives; the shell calls it after a {@link ShowView} with a ref.
 */
public interface Revealing {

    /**
     * Selects and scrolls to an item, now or as soon as the view's data has loaded; called on the JavaFX thread.
     *
     * @param ref the item, in the form the view's {@code <kind>.show} command documents (without the {@code kind:} prefix)
     */
    void reveal(String ref);
}
