package dev.triage.diag.infrastructure;

import dev.triage.core.command.CommandSpec;
import dev.triage.core.diagnostics.MiddlewareDiagnostics;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.ViewContribution;
import dev.triage.diag.ui.DiagnosticsView;

/** Registers what every middleware diagnostics plugin offers: its service, its {@code diag.<verb>} command and its view. */
public final class DiagnosticsRegistration {

    private DiagnosticsRegistration() {
    }

    /**
     * Registers a diagnostic's service, live command and view with a plugin's context.
     *
     * @param context the plugin's context
     * @param diagnostics the diagnostic
     * @param verb the command verb ({@code redis} for {@code triage diag redis})
     * @param title the command and view title
     * @param description the command's help
     * @param viewId the view id
     */
    public static void register(PluginContext context, MiddlewareDiagnostics diagnostics, String verb, String title, String description,
                                String viewId) {
        register(context, diagnostics, verb, title, description, viewId, c -> java.util.List.of());
    }

    /**
     * Registers a diagnostic's service, live command and view, whose view also shows the kind's detail tables.
     *
     * @param context the plugin's context
     * @param diagnostics the diagnostic
     * @param verb the command verb ({@code redis} for {@code triage diag redis})
     * @param title the command and view title
     * @param description the command's help
     * @param viewId the view id
     * @param details reads the detail tables (slow log, processlist, consumer lag...) from a capture
     */
    public static void register(PluginContext context, MiddlewareDiagnostics diagnostics, String verb, String title, String description,
                                String viewId, java.util.function.Function<dev.triage.core.diagnostics.Capture,
                                java.util.List<dev.triage.diag.domain.DetailTable>> details) {
        context.register(MiddlewareDiagnostics.class, diagnostics);
        DiagnosticsService service = new DiagnosticsService(context.services(), context.cases(), context::connections);
        context.command(new CommandSpec<>("diag." + verb, title, description, LiveArgs.class),
                (args, task) -> service.diagnoseLive(diagnostics, args));
        context.register(ViewContribution.class, new ViewContribution(viewId, title, "mdi2s-stethoscope", DockArea.CENTER,
                () -> DiagnosticsView.create(diagnostics, service, context::connections, context.cases(), context.tasks(), details,
                        context.messages(DiagnosticsView.MESSAGES))));
    }
}
