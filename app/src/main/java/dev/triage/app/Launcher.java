package dev.triage.app;

import dev.triage.app.cli.TriageCli;
import dev.triage.core.config.AppPaths;

/** The one main class: no arguments start the window, arguments run CLI commands (plain class so JavaFX on the class path works). */
public final class Launcher {

    private Launcher() {
    }

    /**
     * Starts Triage.
     *
     * @param args CLI arguments; none for the window
     */
    public static void main(String[] args) {
        AppPaths paths = AppPaths.detect().ensureExist();
        System.setProperty("triage.logs", paths.logs().toString());
        String[] effective = args.length == 0 ? new String[] {"gui"} : args;
        System.exit(TriageCli.run(paths, effective));
    }
}
