package dev.triage.app.shell;

import dev.triage.core.config.AppPaths;
import java.nio.file.Path;

/** Starts the JavaFX shell and blocks until the window closes. */
public final class ShellLauncher {

    private ShellLauncher() {
    }

    /**
     * Opens the window.
     *
     * @param paths the app-data folders
     * @param caseDir a case to open at start, or null
     * @param screenshot where to write a PNG of the window before exiting, or null to stay open
     * @return the exit code
     */
    public static int launch(AppPaths paths, Path caseDir, Path screenshot) {
        throw new UnsupportedOperationException("The window is not built yet");
    }
}
