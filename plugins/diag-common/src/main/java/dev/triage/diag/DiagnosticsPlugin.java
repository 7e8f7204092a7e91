package dev.triage.diag;

import dev.triage.core.command.CommandSpec;
import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.core.report.ReportContributor;
import dev.triage.diag.infrastructure.DiagnosticsReport;
import dev.triage.diag.infrastructure.DiagnosticsService;
import dev.triage.diag.infrastructure.FileArgs;
import dev.triage.diag.infrastructure.LiveArgs;

/**
 * Built-in plugin for what the MySQL, Redis and Kafka diagnostics share: {@code triage diag file} (dumps and saved
 * captures, kind detected by whichever diagnostic recognises it), {@code triage diag capture}, and the report section.
 */
public final class DiagnosticsPlugin implements Plugin {

    /** The plugin id. */
    public static final String ID = "diagnostics";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "Middleware diagnostics", "0.1.0", "core@[0.1,1.0)").withCapabilities("diagnostics:file",
                "diagnostics:capture", "report");
    }

    @Override
    public void init(PluginContext context) {
        DiagnosticsService service = new DiagnosticsService(context.services(), context.cases(), context::connections);
        context.register(ReportContributor.class, new DiagnosticsReport());
        context.command(new CommandSpec<>("diag.file", "Diagnose status dumps",
                "Diagnoses Redis INFO/SLOWLOG, MySQL SHOW ... and Kafka tool dumps or saved captures (--kind to force a kind,"
                        + " --category to narrow, --rules FILE to override thresholds); findings go to the case with --case",
                FileArgs.class), service::diagnoseFiles);
        context.command(new CommandSpec<>("diag.capture", "Capture a live target into the case",
                "Saves the raw state of a saved connection (INFO, SHOW ..., admin API answers) into the case with its time and"
                        + " diagnoses it: --connection NAME --case DIR", LiveArgs.class), (args, task) -> service.captureToCase(args));
    }
}
