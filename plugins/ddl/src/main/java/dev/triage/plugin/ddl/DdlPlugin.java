package dev.triage.plugin.ddl;

import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.plugin.ddl.api.DdlChecker;
import dev.triage.plugin.ddl.application.LossyDdlChecker;

/** Built-in plugin that tells, before DDL runs, whether it rewrites, loses or destroys data; publishes {@link DdlChecker}. */
public final class DdlPlugin implements Plugin {

    /** The plugin id. */
    public static final String ID = "ddl";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "Lossy-DDL checker", "0.1.0", "core@[0.1,1.0)").withCapabilities("service:ddl-checker");
    }

    @Override
    public void init(PluginContext context) {
        LossyDdlChecker checker = new LossyDdlChecker();
        context.register(DdlChecker.class, checker);
    }
}
