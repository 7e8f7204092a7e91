package dev.triage.app.shell.dock;

import dev.triage.core.ui.View;
import dev.triage.core.ui.ViewContribution;
import software.coley.bentofx.dockable.Dockable;

/**
 * A view instance the dock holds, with the contribution that made it and its tab.
 *
 * @param contribution where it came from
 * @param view the instance
 * @param dockable its tab
 */
record OpenView(ViewContribution contribution, View view, Dockable dockable) {
}
