package dev.triage.app.shell;

import dev.triage.core.config.AppPaths;
import dev.triage.core.kernel.Kernel;
import java.net.URL;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the JavaFX shell and blocks until the window closes. */
public final class ShellLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ShellLauncher.class);
    private static final long SCREENSHOT_TIMEOUT_S = 60;

    private ShellLauncher() {
    }

    /**
     * Opens the window.
     *
     * @param paths the app-data folders
     * @param caseDir a case to open at start, or null
     * @param screenshot where to write a PNG of the window before exiting, or null to stay open
     * @param view the id of a view to open and select first (such as {@code slowlog.view}), or null
     * @return the exit code
     */
    public static int launch(AppPaths paths, Path caseDir, Path screenshot, String view) {
        Kernel kernel = Kernel.create(paths);
        try {
            kernel.plugins().add(new ShellPlugin(kernel.plugins()), null);
            kernel.startPlugins();
            // The case opens while JavaFX starts (both take a few hundred ms); the window waits for it before building.
            CompletableFuture<String> caseError = caseDir == null ? CompletableFuture.completedFuture(null)
                    : openAtStart(kernel, caseDir);
            return runWindow(kernel, caseDir, caseError, screenshot, view);
        } finally {
            kernel.close();
        }
    }

    /** Opens the case as a kernel task; the future gives the error text to show, or null when the case opened. */
    private static CompletableFuture<String> openAtStart(Kernel kernel, Path caseDir) {
        return kernel.tasks().submit(ShellTexts.load(kernel.locale()).get("task.openCase", caseDir.getFileName()),
                        ctx -> kernel.cases().open(caseDir)).result()
                .orTimeout(2, TimeUnit.MINUTES)
                .handle((opened, error) -> {
                    if (error == null) {
                        return null;
                    }
                    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    if (cause instanceof TimeoutException) {
                        return "timed out";
                    }
                    LOG.warn("Case {} could not be opened at start: {}", caseDir, cause.getMessage());
                    return String.valueOf(cause.getMessage());
                });
    }

    private static int runWindow(Kernel kernel, Path caseDir, CompletableFuture<String> caseOpening, Path screenshot,
            String view) {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger(0);
        Runnable body = () -> {
            try {
                Stage stage = show(kernel, caseDir, caseOpening.join(), closed, view);
                if (screenshot != null) {
                    Screenshot.afterLayout(stage.getScene(), screenshot).whenComplete((file, error) -> {
                        if (error != null) {
                            LOG.error("Screenshot failed", error);
                            System.err.println("Screenshot failed: " + error.getMessage());
                            exit.set(1);
                        }
                        Fx.run(stage::hide);
                    });
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.error("The window could not be built", e);
                System.err.println("The window could not be built: " + e);
                exit.set(1);
                closed.countDown();
            }
        };
        boolean startedHere;
        try {
            Platform.startup(body);
            startedHere = true;
        } catch (IllegalStateException alreadyRunning) {
            // JavaFX is already up (tests, or an embedding host): reuse it and leave it running afterwards.
            Fx.later(body);
            startedHere = false;
        } catch (RuntimeException | LinkageError e) {
            LOG.error("JavaFX could not start", e);
            System.err.println("JavaFX could not start (is there a display?): " + e.getMessage());
            return 2;
        }
        Platform.setImplicitExit(false);
        try {
            if (screenshot != null) {
                if (!closed.await(SCREENSHOT_TIMEOUT_S, TimeUnit.SECONDS)) {
                    System.err.println("Screenshot timed out after " + SCREENSHOT_TIMEOUT_S + " s");
                    exit.set(1);
                }
            } else {
                closed.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit.set(1);
        }
        if (startedHere) {
            Platform.exit();
        }
        return exit.get();
    }

    private static Stage show(Kernel kernel, Path caseDir, String caseError, CountDownLatch closed, String view) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(1400, screen.getWidth());
        double h = Math.min(860, screen.getHeight());
        Shell shell = new Shell(kernel, w, h);
        LOG.info("Window opened: {} plugins, {} views, case {}", kernel.plugins().plugins().size(),
                shell.dock().contributions().size(), kernel.cases().current().map(c -> c.folder().toString()).orElse("none"));
        if (caseError != null) {
            shell.notifications().error(shell.messages().get("case.openFailed", caseDir, caseError));
        }
        if (view != null && !shell.dock().open(view)) {
            shell.notifications().error("No view '" + view + "': " + shell.dock().contributions().stream()
                    .map(dev.triage.core.ui.ViewContribution::id).sorted().toList());
        }
        Stage stage = new Stage();
        stage.titleProperty().bind(shell.titleProperty());
        addWindowIcons(stage);
        stage.setScene(shell.scene());
        stage.setOnHidden(e -> {
            try {
                shell.close();
            } finally {
                closed.countDown();
            }
        });
        stage.show();
        LOG.info("First window shown {} ms after the JVM started",
                System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        return stage;
    }

    /** The Triage mark (icons/generate.sh copies it here); the window system picks the size it needs. */
    private static void addWindowIcons(Stage stage) {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            URL url = ShellLauncher.class.getResource("/dev/triage/app/icons/triage-" + size + ".png");
            if (url != null) {
                // Loaded in the background: the first window must not wait for its icon.
                stage.getIcons().add(new Image(url.toExternalForm(), true));
            }
        }
    }
}
