package dev.triage.plugin.redisdiag;

import dev.triage.core.command.CommandSpec;
import dev.triage.core.diagnostics.MiddlewareDiagnostics;
import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.ViewContribution;
import dev.triage.diag.infrastructure.DiagnosticsService;
import dev.triage.diag.infrastructure.LiveArgs;
import dev.triage.diag.ui.DiagnosticsView;
import dev.triage.plugin.redisdiag.infrastructure.RedisDiagnostics;

/** Built-in plugin that diagnoses Redis standalone, replica, Cluster and Sentinel servers, live or from dumps. */
public final class RedisDiagnosticsPlugin implements Plugin {

    /** The id of the diagnostics view. */
    public static final String VIEW_ID = "redis-diagnostics.view";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(RedisDiagnostics.ID, "Redis diagnostics", "0.1.0", "core@[0.1,1.0)")
                .withCapabilities("view", "diagnostics:redis", "connection:redis", "dump:redis-info", "dump:redis-slowlog");
    }

    @Override
    public void init(PluginContext context) {
        RedisDiagnostics diagnostics = new RedisDiagnostics(context.paths().config());
        context.register(MiddlewareDiagnostics.class, diagnostics);
        DiagnosticsService service = new DiagnosticsService(context.services(), context.cases(), context::connections);
        context.command(new CommandSpec<>("diag.redis", "Diagnose a Redis server",
                "Diagnoses a saved Redis connection (standalone, replica, cluster node or sentinel): --connection NAME"
                        + " [--category memory,connections,replication,persistence,performance,keyspace,cluster,sentinel]",
                LiveArgs.class), (args, task) -> service.diagnoseLive(diagnostics, args));
        context.register(ViewContribution.class, new ViewContribution(VIEW_ID, "Redis diagnostics", "mdi2s-stethoscope", DockArea.CENTER,
                () -> DiagnosticsView.create(diagnostics, service, context::connections, context.cases(), context.tasks())));
    }
}
