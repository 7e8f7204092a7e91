package dev.triage.plugin.slowlog;

import dev.triage.core.cases.SchemaMigrations;
import dev.triage.core.command.CommandSpec;
import dev.triage.core.imports.FileImporter;
import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.plugin.slowlog.application.CaseDigestArgs;
import dev.triage.plugin.slowlog.application.DigestArgs;
import dev.triage.plugin.slowlog.application.SlowLogDigests;
import dev.triage.plugin.slowlog.infrastructure.DuckDbSlowLogStore;
import dev.triage.plugin.slowlog.infrastructure.SlowLogImporter;
import dev.triage.plugin.slowlog.infrastructure.SlowLogSchema;

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
        SlowLogDigests digests = new SlowLogDigests(new DuckDbSlowLogStore(), context.cases());
        context.register(SchemaMigrations.class, SlowLogSchema.MIGRATIONS);
        context.register(FileImporter.class, new SlowLogImporter());
        context.command(new CommandSpec<>("slowlog.digest", "Digest slow logs",
                "Ranks the query classes of slow log files (no case needed): files=a.log [files=b.log.gz] [limit=20] [order=sum|max|avg|p95|count].",
                DigestArgs.class), digests::digestFiles);
        context.command(new CommandSpec<>("slowlog.case-digest", "Digest the case's slow logs",
                "Ranks the query classes of the slow logs imported into the current case: [limit=20] [order=sum|max|avg|p95|count].",
                CaseDigestArgs.class), (args, ctx) -> digests.digestCase(args));
    }
}
