package dev.triage.plugin.flame;

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
import dev.triage.plugin.flame.application.CollectArgs;
import dev.triage.plugin.flame.application.DiffArgs;
import dev.triage.plugin.flame.application.ExportArgs;
import dev.triage.plugin.flame.application.FlameReport;
import dev.triage.plugin.flame.application.FlameService;
import dev.triage.plugin.flame.application.SummaryArgs;
import dev.triage.plugin.flame.infrastructure.CollectCommand;
import dev.triage.plugin.flame.infrastructure.DuckDbProfileStore;
import dev.triage.plugin.flame.infrastructure.FileProfileLoader;
import dev.triage.plugin.flame.infrastructure.FlameImporter;
import dev.triage.plugin.flame.infrastructure.FlameSchema;
import dev.triage.plugin.flame.infrastructure.ProcessCollector;
import dev.triage.plugin.flame.ui.FlameView;
import java.util.stream.Stream;

/** Built-in plugin that reads CPU, allocation and lock profiles, draws flame graphs, compares profiles and collects new ones. */
public final class FlamePlugin implements Plugin {

    /** The plugin id. */
    public static final String ID = "flame";
    /** The id of the flame graph view. */
    public static final String VIEW_ID = "flame.view";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "Flame graphs", "0.1.0", "core@[0.1,1.0)").withCapabilities("import:profile", "view");
    }

    @Override
    public void init(PluginContext context) {
        Messages messages = context.messages("dev.triage.plugin.flame.messages");
        FileProfileLoader loader = new FileProfileLoader();
        FlameService service = new FlameService(loader);
        DuckDbProfileStore store = new DuckDbProfileStore();
        context.register(SchemaMigrations.class, FlameSchema.MIGRATIONS);
        context.register(FileImporter.class, new FlameImporter());
        context.register(ReportContributor.class, new FlameReport(store, loader, messages.get("report.title"),
                Stream.of("rank", "function", "self", "self-share", "total", "total-share").map(c -> messages.get("column." + c)).toList()));
        context.command(new CommandSpec<>("flame.summary", messages.get("command.summary.title"),
                messages.get("command.summary.description"), SummaryArgs.class), service::summary);
        context.command(new CommandSpec<>("flame.diff", messages.get("command.diff.title"),
                messages.get("command.diff.description"), DiffArgs.class), service::diff);
        context.command(new CommandSpec<>("flame.export", messages.get("command.export.title"),
                messages.get("command.export.description"), ExportArgs.class), service::export);
        CollectCommand collect = new CollectCommand(new ProcessCollector(), context.cases());
        context.command(new CommandSpec<>("flame.collect", messages.get("command.collect.title"),
                messages.get("command.collect.description"), CollectArgs.class), collect::handle);
        dev.triage.core.ui.ShowCommand.register(context, "flame", VIEW_ID, messages.get("command.show.title"),
                ref -> describeFunction(context, ref));
        context.register(ViewContribution.class, new ViewContribution(VIEW_ID, messages.get("view.title"), "mdi2f-fire",
                DockArea.CENTER, () -> FlameView.create(service, store, context.cases(), context.tasks(), context.events(), messages)));
    }

    private static String describeFunction(PluginContext context, String name) throws java.sql.SQLException {
        var c = context.cases().current().orElseThrow(() -> new IllegalArgumentException("No case is open: give --case DIR"));
        StringBuilder out = new StringBuilder(name);
        try (var conn = c.newConnection(); var ps = conn.prepareStatement("SELECT p.file, f.self, f.total, p.total, p.unit"
                + " FROM flame_functions f JOIN flame_profiles p ON p.import_id = f.import_id AND p.file = f.file WHERE f.name = ? ORDER BY f.self DESC")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(String.format(java.util.Locale.ROOT, "%n  %s: self %,d, total %,d of %,d %s", rs.getString(1), rs.getLong(2),
                            rs.getLong(3), rs.getLong(4), rs.getString(5)));
                }
            }
        }
        return out.toString();
    }
}
