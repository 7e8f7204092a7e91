package dev.triage.app.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes a PNG of a scene once it has been laid out and drawn a few times. */
public final class Screenshot {

    private static final int PULSES = 4;

    private Screenshot() {
    }

    /**
     * Waits a few pulses on the JavaFX thread, then snapshots the scene into a PNG file.
     *
     * @param scene a scene in a showing window
     * @param file the PNG to write
     * @return completes with the file, or exceptionally when it cannot be written
     */
    public static CompletableFuture<Path> afterLayout(Scene scene, Path file) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        Fx.run(() -> new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < PULSES) {
                    return;
                }
                stop();
                try {
                    done.complete(write(scene, file));
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            }
        }.start());
        return done;
    }

    /**
     * Snapshots a scene into a PNG file now; call on the JavaFX thread.
     *
     * @param scene the scene
     * @param file the PNG to write
     * @return the file
     */
    public static Path write(Scene scene, Path file) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        WritableImage image = scene.snapshot(null);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write screenshot " + file + ": " + e.getMessage(), e);
        }
    }
}
