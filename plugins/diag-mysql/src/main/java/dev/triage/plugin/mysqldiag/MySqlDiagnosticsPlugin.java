package dev.triage.plugin.mysqldiag;

import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.diag.infrastructure.DiagnosticsRegistration;
import dev.triage.plugin.mysqldiag.domain.MySqlDetails;
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
        DiagnosticsRegistration.register(context, new MySqlDiagnostics(context.paths().config()), "mysql", "MySQL diagnostics",
                "Diagnoses a saved MySQL, MariaDB or TiDB connection: --connection NAME"
                        + " [--category connections,innodb,replication,performance,config]", VIEW_ID,
                MySqlDetails::tables);
    }
}
