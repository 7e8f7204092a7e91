package dev.triage.testkit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Starts the JavaFX toolkit once per JVM and runs code on its thread, for view tests. */
public final class JavaFxToolkit {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private JavaFxToolkit() {
    }

    /** Starts the toolkit if it is not running yet (headless Monocle under Maven). */
    public static void start() {
        if (STARTED.compareAndSet(false, true)) {
            CompletableFuture<Void> ready = new CompletableFuture<>();
            try {
                Platform.startup(() -> ready.complete(null));
            } catch (IllegalStateException alreadyRunning) {
                ready.complete(null);
            }
            Platform.setImplicitExit(false);
            ready.join();
        }
    }

    /**
     * Runs code on the JavaFX thread and waits for its result.
     *
     * @param work the code
     * @param <T> the result type
     * @return the result
     * @throws Exception when the code throws or takes more than 30 s
     */
    public static <T> T call(Supplier<T> work) throws Exception {
        start();
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }
}
