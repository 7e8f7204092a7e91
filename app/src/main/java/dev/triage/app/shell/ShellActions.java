package dev.triage.app.shell;

import java.nio.file.Path;
import java.util.List;

/** What shell views may ask the window to do; the shell publishes one in the service registry while it is open. */
public interface ShellActions {

    /** Does nothing, for views made when no window is open. */
    ShellActions NONE = new ShellActions() {
        @Override
        public void openCase(Path folder) {
        }

        @Override
        public void chooseCaseFolder() {
        }

        @Override
        public void newCase() {
        }

        @Override
        public void importFiles(List<Path> files) {
        }
    };

    /**
     * Opens a case folder as a background task.
     *
     * @param folder the case folder
     */
    void openCase(Path folder);

    /** Asks for a case folder, then opens it. */
    void chooseCaseFolder();

    /** Asks for a name and a place, then creates a case there. */
    void newCase();

    /**
     * Imports files into the current case, asking to create one when none is open.
     *
     * @param files the files
     */
    void importFiles(List<Path> files);
}
