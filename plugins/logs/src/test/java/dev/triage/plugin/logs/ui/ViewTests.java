package dev.triage.plugin.logs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.ui.ViewContribution;
import dev.triage.testkit.JavaFxToolkit;
import dev.triage.testkit.KernelExtension;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** What the log view tests share: opening the view in a themed scene, waiting on the JavaFX thread, writing snapshots. */
final class ViewTests {

    private ViewTests() {
    }

    /** Waits for a condition checked on the JavaFX thread (the model hands results back there). */
    static void await(BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!JavaFxToolkit.call(condition::getAsBoolean)) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(end);
            Thread.onSpinWait();
        }
    }

    /** Opens the log view from its contribution in a scene of the given size under the dark theme. */
    static LogsView open(KernelExtension triage, double width, double height) throws Exception {
        ViewContribution contribution = triage.kernel().services().findAll(ViewContribution.class).stream()
                .filter(v -> v.id().equals("logs.view")).findFirst().orElseThrow();
        LogsView view = (LogsView) JavaFxToolkit.call(() -> contribution.factory().get());
        Parent root = (Parent) view.node();
        JavaFxToolkit.call(() -> {
            Scene s = new Scene(root, width, height);
            s.getStylesheets().add(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
            root.applyCss();
            root.layout();
            return s;
        });
        return view;
    }

    /** Writes a JavaFX snapshot as a PNG. */
    static void write(WritableImage image, Path file) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        var reader = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(out, "png", file.toFile());
    }
}
