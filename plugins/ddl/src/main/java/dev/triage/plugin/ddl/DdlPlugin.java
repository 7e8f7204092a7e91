package dev.triage.plugin.ddl;

import dev.triage.core.cases.SchemaMigrations;
import dev.triage.core.command.CommandSpec;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.ViewContribution;
import dev.triage.core.i18n.Messages;
import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.plugin.ddl.api.DdlChecker;
import dev.triage.plugin.ddl.application.CaseChecks;
import dev.triage.plugin.ddl.application.DdlReport;
import dev.triage.plugin.ddl.application.LossyDdlArgs;
import dev.triage.plugin.ddl.application.LossyDdlChecker;
import dev.triage.plugin.ddl.application.LossyDdlCommand;
import dev.triage.plugin.ddl.infrastructure.ConnectionSchemaSource;
import dev.triage.plugin.ddl.infrastructure.DuckDbDdlCheckStore;
import dev.triage.plugin.ddl.ui.DdlView;
import java.time.Clock;
import java.util.stream.Stream;

/** Built-in plugin that tells, before DDL runs, whether it rewrites, loses or destroys data; publishes {@link DdlChecker}. */
public final class DdlPlugin implements Plugin {

    /** The plugin id. */
    public static final String ID = "ddl";
    /** The id of the checker view. */
    public static final String VIEW_ID = "ddl.view";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "Lossy-DDL checker", "0.1.0", "core@[0.1,1.0)").withCapabilities("service:ddl-checker", "view");
    }

    @Override
    public void init(PluginContext context) {
        LossyDdlChecker checker = new LossyDdlChecker();
        context.register(DdlChecker.class, checker);
        Messages messages = context.messages("dev.triage.plugin.ddl.messages");
        DuckDbDdlCheckStore store = new DuckDbDdlCheckStore();
        context.register(SchemaMigrations.class, DuckDbDdlCheckStore.MIGRATIONS);
        CaseChecks caseChecks = new CaseChecks(checker, context.cases(), store, Clock.systemUTC());
        context.register(ReportContributor.class, new DdlReport(store, messages.get("report.title"), messages.get("report.intro"),
                Stream.of("time", "line", "verdict", "statement", "reason").map(c -> messages.get("view.column." + c)).toList()));
        LossyDdlCommand command = new LossyDdlCommand(caseChecks.recording(), new ConnectionSchemaSource(context.connections()));
        context.command(new CommandSpec<>("check.lossy-ddl", messages.get("command.lossy-ddl.title"),
                messages.get("command.lossy-ddl.description"), LossyDdlArgs.class), (args, ctx) -> command.run(args));
        context.register(ViewContribution.class, new ViewContribution(VIEW_ID, messages.get("view.title"), "mdi2t-table-alert",
                DockArea.CENTER, () -> new DdlView(caseChecks, context.tasks(), messages)));
    }
}
