package dev.triage.plugin.sql.application;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Hands {@code sql.open} requests to the editor view, keeping them until a view is there to take them. */
public final class SqlOpenRequests {

    private final List<SqlOpenArgs> pending = new ArrayList<>();
    private Consumer<SqlOpenArgs> listener;

    /**
     * Offers a request to the view, or keeps it until one attaches.
     *
     * @param args the request
     */
    public void offer(SqlOpenArgs args) {
        Consumer<SqlOpenArgs> l;
        synchronized (this) {
            l = listener;
            if (l == null) {
                pending.add(args);
                return;
            }
        }
        l.accept(args);
    }

    /**
     * Attaches the view, handing it the waiting requests first.
     *
     * @param view receives requests
     */
    public void attach(Consumer<SqlOpenArgs> view) {
        List<SqlOpenArgs> waiting;
        synchronized (this) {
            listener = view;
            waiting = new ArrayList<>(pending);
            pending.clear();
        }
        waiting.forEach(view);
    }

    /**
     * Detaches the view.
     *
     * @param view the view attached before
     */
    public synchronized void detach(Consumer<SqlOpenArgs> view) {
        if (listener == view) {
            listener = null;
        }
    }

    /**
     * Lists requests no view has taken yet.
     *
     * @return the waiting requests
     */
    public synchronized List<SqlOpenArgs> pending() {
        return List.copyOf(pending);
    }
}
