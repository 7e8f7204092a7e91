package dev.triage.app.shell;

import javafx.application.Platform;

/** Hands work to the JavaFX thread: the one place the shell hops threads. */
public final class Fx {

    private Fx() {
    }

    /**
     * Runs code on the JavaFX thread: now when already there, else as soon as possible.
     *
     * @param work the code
     */
    public static void run(Runnable work) {
        if (Platform.isFxApplicationThread()) {
            work.run();
        } else {
            Platform.runLater(work);
        }
    }

    /**
     * Runs code on the JavaFX thread later, even when called from it.
     *
     * @param work the code
     */
    public static void later(Runnable work) {
        Platform.runLater(work);
    }
}
