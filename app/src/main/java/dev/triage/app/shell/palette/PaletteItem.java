package dev.triage.app.shell.palette;

/**
 * One entry of the command palette.
 *
 * @param title what the user reads and types against
 * @param detail a second, muted line (the command name or what the action does)
 * @param action what Enter runs, on the JavaFX thread
 */
public record PaletteItem(String title, String detail, Runnable action) {
}
