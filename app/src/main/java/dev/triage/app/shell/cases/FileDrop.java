package dev.triage.app.shell.cases;

import dev.triage.app.shell.ShellActions;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/** Imports files dropped anywhere on the window; docking drags (which carry no files) pass through untouched. */
public final class FileDrop {

    private FileDrop() {
    }

    /**
     * Installs the drop handling on a scene.
     *
     * @param scene the window's scene
     * @param actions what imports the files
     */
    public static void install(Scene scene, ShellActions actions) {
        scene.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (hasFiles(e.getDragboard())) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            Dragboard db = e.getDragboard();
            if (hasFiles(db)) {
                List<Path> files = db.getFiles().stream().filter(File::isFile).map(File::toPath).toList();
                e.setDropCompleted(true);
                e.consume();
                actions.importFiles(files);
            }
        });
    }

    private static boolean hasFiles(Dragboard db) {
        return db.hasFiles() && db.getFiles().stream().anyMatch(File::isFile);
    }
}
