package dev.triage.plugin.mysqldiag;

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
import dev.triage.plugin.mysqldiag.infrastructure.MySqlDiagnostics;

/** Built-in plugin that diagnoses MySQL, MariaDB and TiDB servers, live or from SHOW ... dumps. */
public final class MySqlDiagnosticsPlugin implements Plugin {

    /** The id of the diagnostics view. */
    public static final String VIEW_ID = "mysql-diagnostics.view";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(MySqlDiagnostics.ID, "MySQL diagnostics", "0.1.0", "core@[0.1,1.0)")
                .withCapabilities("view", "diagnostics:mysql", "connection:mysql", "dump:mysql-status", "dump:innodb-status");
    }

    @Override
    public void init(PluginContext context) {
        MySqlDiagnostics diagnostics = new MySqlDiagnostics(context.paths().config());
        context.register(MiddlewareDiagnostics.class, diagnostics);
        DiagnosticsService service = new DiagnosticsService(context.services(), context.cases(), context::connections);
        context.command(new CommandSpec<>("diag.mysql", "Diagnose a MySQL/MariaDB/TiDB server",
                "Diagnoses a saved MySQL, MariaDB or TiDB connection: --connection NAME"
                        + " [--category connections,innodb,replication,performance,config]",
                LiveArgs.class), (args, task) -> service.diagnoseLive(diagnostics, args));
        context.register(ViewContribution.class, new ViewContribution(VIEW_ID, "MySQL diagnostics", "mdi2s-stethoscope", DockArea.CENTER,
                () -> DiagnosticsView.create(diagnostics, service, context::connections, context.cases(), context.tasks())));
    }
}
