package dev.triage.app.shell.dock;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.CaseService;
import dev.triage.core.config.AppPaths;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps one layout per case ({@code <case>/layout.json}) and one without a case ({@code <config>/layout.json}):
 * saves the current one and applies the next when the case changes. Use on the JavaFX thread only.
 */
public final class LayoutController {

    /** The views the default layout opens in the left area. */
    public static final List<String> DEFAULT_LEFT = List.of("casefiles.view");
    /** The views the default layout opens in the main area (a view whose plugin is absent is skipped). */
    public static final List<String> DEFAULT_CENTER = List.of("shell.welcome", "slowlog.view");
    /** The views the default layout opens in the bottom area. */
    public static final List<String> DEFAULT_BOTTOM = List.of("shell.log");

    private final DockManager dock;
    private final LayoutStore store;
    private final CaseService cases;
    private final AppPaths paths;
    private Path current;

    /**
     * Creates the controller.
     *
     * @param dock the dock
     * @param store reads and writes layout files
     * @param cases tells which case is open
     * @param paths where the layout without a case lives
     */
    public LayoutController(DockManager dock, LayoutStore store, CaseService cases, AppPaths paths) {
        this.dock = dock;
        this.store = store;
        this.cases = cases;
        this.paths = paths;
    }

    /**
     * Returns the layout used when none was saved.
     *
     * @return the default layout
     */
    public static DockLayout defaultLayout() {
        return DockLayout.of(DEFAULT_LEFT, DEFAULT_CENTER, List.of(), DEFAULT_BOTTOM);
    }

    /** Applies the layout of the current case, or of no case. */
    public void start() {
        current = fileForCurrentCase();
        dock.apply(store.load(current).orElseGet(LayoutController::defaultLayout));
    }

    /** Saves the layout, then switches to the current case's layout when the case changed. */
    public void caseChanged() {
        Path next = fileForCurrentCase();
        if (next.equals(current)) {
            return;
        }
        save();
        current = next;
        dock.apply(store.load(next).orElseGet(LayoutController::defaultLayout));
    }

    /** Saves the current layout to the file of the case it belongs to. */
    public void save() {
        if (current != null) {
            store.save(current, dock.capture());
        }
    }

    /** Drops the saved layout and applies the default one. */
    public void reset() {
        dock.apply(defaultLayout());
    }

    /**
     * Returns the file the current layout is saved to.
     *
     * @return the file
     */
    public Path currentFile() {
        return current;
    }

    private Path fileForCurrentCase() {
        return cases.current().map(Case::folder).orElse(paths.config()).resolve(LayoutStore.FILE);
    }
}
