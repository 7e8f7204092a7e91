package dev.triage.plugin.slowlog;

import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;

/** Built-in plugin that parses, fingerprints and digests MySQL, Percona Server, MariaDB and TiDB slow query logs. */
public final class SlowLogPlugin implements Plugin {

    /** The plugin id. */
    public static final String ID = "slowlog";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "Slow-log explorer", "0.1.0", "core@[0.1,1.0)").withCapabilities("import:slowlog");
    }

    @Override
    public void init(PluginContext context) {
    }
}
