package dev.triage.diag.testing;

import dev.triage.core.kernel.Kernel;
import dev.triage.core.ui.ViewContribution;
import dev.triage.diag.ui.DiagnosticsView;
import dev.triage.testkit.JavaFxToolkit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Opens a diagnostics view from a kernel's registry in a window (headless Monocle under Maven, a real GTK window under
 * {@code xvfb-run} with {@code -Dtestfx.argLine=-Dprism.order=sw}), drives it and writes light and dark screenshots
 * into {@code target/screenshots/}.
 */
public final class ViewHarness implements AutoCloseable {

    private final DiagnosticsView view;
    private final Stage stage;

    private ViewHarness(DiagnosticsView view, Stage stage) {
        this.view = view;
        this.stage = stage;
    }

    /**
     * Opens a view in a 1400x860 window.
     *
     * @param kernel the kernel whose plugins registered the view
     * @param viewId the view id
     * @return the harness
     * @throws Exception when the view cannot be built
     */
    public static ViewHarness open(Kernel kernel, String viewId) throws Exception {
        ViewContribution contribution = kernel.services().findAll(ViewContribution.class).stream().filter(v -> v.id().equals(viewId))
                .findFirst().orElseThrow(() -> new AssertionError("no view " + viewId));
        return JavaFxToolkit.call(() -> {
            Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            DiagnosticsView v = (DiagnosticsView) contribution.factory().get();
            Stage s = new Stage();
            s.setScene(new Scene((Parent) v.node(), 1400, 860));
            s.setTitle(viewId);
            s.show();
            return new ViewHarness(v, s);
        });
    }

    /**
     * Returns the view.
     *
     * @return the view
     */
    public DiagnosticsView view() {
        return view;
    }

    /**
     * Returns the view's root node.
     *
     * @return the root
     */
    public Parent root() {
        return (Parent) view.node();
    }

    /**
     * Runs a view action that returns a future on the JavaFX thread and waits for it.
     *
     * @param action the action
     * @throws Exception when it fails or takes more than 90 s
     */
    public void await(Supplier<CompletableFuture<?>> action) throws Exception {
        JavaFxToolkit.call(action).get(90, TimeUnit.SECONDS);
    }

    /**
     * Reads something from the view on the JavaFX thread.
     *
     * @param read what to read
     * @param <T> the type
     * @return the value
     * @throws Exception when it fails
     */
    public <T> T read(Supplier<T> read) throws Exception {
        return JavaFxToolkit.call(read);
    }

    /**
     * Returns the view's detail tables by id.
     *
     * @return the tables' rows
     * @throws Exception when it fails
     */
    public Map<String, List<List<String>>> tables() throws Exception {
        return read(view::shownTables);
    }

    /**
     * Writes {@code target/screenshots/<name>-light.png} and {@code -dark.png}.
     *
     * @param name the file name stem
     * @return the two files
     * @throws Exception when they cannot be written
     */
    public List<Path> screenshots(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path light = dir.resolve(name + "-light.png");
        Path dark = dir.resolve(name + "-dark.png");
        shoot(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet(), light);
        shoot(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet(), dark);
        JavaFxToolkit.call(() -> {
            Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            return null;
        });
        return List.of(light, dark);
    }

    private void shoot(String stylesheet, Path file) throws Exception {
        JavaFxToolkit.call(() -> {
            Application.setUserAgentStylesheet(stylesheet);
            stage.getScene().getRoot().applyCss();
            view.applyThemeToCharts();
            stage.getScene().getRoot().layout();
            return null;
        });
        // let a pulse or two paint the JFreeChart canvases with the new paints
        JavaFxToolkit.call(() -> null);
        JavaFxToolkit.call(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", file.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
    }

    @Override
    public void close() throws Exception {
        JavaFxToolkit.call(() -> {
            view.dispose();
            stage.close();
            return null;
        });
    }
}
