package dev.triage.plugin.slowlog;

import dev.triage.core.cases.SchemaMigrations;
import dev.triage.core.command.CommandSpec;
import dev.triage.core.i18n.Messages;
import dev.triage.core.imports.FileImporter;
import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.ViewContribution;
import dev.triage.plugin.slowlog.application.CaseDigestArgs;
import dev.triage.plugin.slowlog.application.CompareArgs;
import dev.triage.plugin.slowlog.application.DigestArgs;
import dev.triage.plugin.slowlog.application.SlowLogDigests;
import dev.triage.plugin.slowlog.application.SlowLogReport;
import dev.triage.plugin.slowlog.infrastructure.DuckDbSlowLogStore;
import dev.triage.plugin.slowlog.infrastructure.SlowLogImporter;
import dev.triage.plugin.slowlog.infrastructure.SlowLogSchema;
import dev.triage.plugin.slowlog.ui.SlowLogView;
import java.util.stream.Stream;

/** Built-in plugin that parses, fingerprints and digests MySQL, Percona Server, MariaDB and TiDB slow query logs. */
public final class SlowLogPlugin implements Plugin {

    /** The plugin id. */
    public static final String ID = "slowlog";
    /** The id of the slow-log explorer view. */
    public static final String VIEW_ID = "slowlog.view";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "Slow-log explorer", "0.1.0", "core@[0.1,1.0)").withCapabilities("import:slowlog", "view");
    }

    @Override
    public void init(PluginContext context) {
        Messages messages = context.messages("dev.triage.plugin.slowlog.messages");
        DuckDbSlowLogStore store = new DuckDbSlowLogStore();
        SlowLogDigests digests = new SlowLogDigests(store, context.cases());
        context.register(SchemaMigrations.class, SlowLogSchema.MIGRATIONS);
        context.register(FileImporter.class, new SlowLogImporter());
        context.register(ReportContributor.class, new SlowLogReport(store, new SlowLogReport.Titles(messages.get("report.top"),
                messages.get("report.sample"), Stream.of("rank", "id", "time", "share", "calls", "avg", "p95", "max", "fingerprint")
                        .map(c -> messages.get("column." + c)).toList())));
        context.command(new CommandSpec<>("slowlog.digest", messages.get("command.digest.title"),
                messages.get("command.digest.description"), DigestArgs.class), digests::digestFiles);
        context.command(new CommandSpec<>("slowlog.compare", messages.get("command.compare.title"),
                messages.get("command.compare.description"), CompareArgs.class), digests::compareFiles);
        context.command(new CommandSpec<>("slowlog.case-digest", messages.get("command.case-digest.title"),
                messages.get("command.case-digest.description"), CaseDigestArgs.class), (args, ctx) -> digests.digestCase(args));
        context.register(ViewContribution.class, new ViewContribution(VIEW_ID, messages.get("view.title"), "mdi2d-database-clock-outline",
                DockArea.CENTER, () -> SlowLogView.create(digests, context.cases(), context.tasks(), context.events(), messages)));
    }
}
