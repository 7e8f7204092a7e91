package dev.triage.core.ui;

/** Where a view opens by default in the shell's docking layout. */
public enum DockArea {
    /** The navigation column on the left. */
    LEFT,
    /** The main editor area. */
    CENTER,
    /** The inspector column on the right. */
    RIGHT,
    /** The tool strip at the bottom (logs, tasks). */
    BOTTOM
}
