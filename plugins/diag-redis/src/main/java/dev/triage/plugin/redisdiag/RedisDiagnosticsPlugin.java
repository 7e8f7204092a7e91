package dev.triage.plugin.redisdiag;

import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.diag.infrastructure.DiagnosticsRegistration;
import dev.triage.plugin.redisdiag.domain.RedisDetails;
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
        DiagnosticsRegistration.register(context, new RedisDiagnostics(context.paths().config()), "redis", "Redis diagnostics",
                "Diagnoses a saved Redis connection (standalone, replica, cluster node or sentinel): --connection NAME"
                        + " [--category memory,connections,replication,persistence,performance,keyspace,cluster,sentinel]", VIEW_ID,
                RedisDetails::tables);
    }
}
