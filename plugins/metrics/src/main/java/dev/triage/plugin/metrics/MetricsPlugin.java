package dev.triage.plugin.metrics;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.ImportSummary;
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
import dev.triage.plugin.metrics.application.AnomalyArgs;
import dev.triage.plugin.metrics.application.ChartArgs;
import dev.triage.plugin.metrics.application.FetchArgs;
import dev.triage.plugin.metrics.application.ImportArgs;
import dev.triage.plugin.metrics.application.IncidentArgs;
import dev.triage.plugin.metrics.application.MetricsReport;
import dev.triage.plugin.metrics.application.MetricsService;
import dev.triage.plugin.metrics.application.QuerySetArgs;
import dev.triage.plugin.metrics.infrastructure.DuckDbMetricsStore;
import dev.triage.plugin.metrics.infrastructure.MetricsImporter;
import dev.triage.plugin.metrics.infrastructure.MetricsSchema;
import dev.triage.plugin.metrics.infrastructure.PrometheusSources;
import dev.triage.plugin.metrics.infrastructure.QuerySets;
import dev.triage.plugin.metrics.ui.MetricsView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/** Built-in plugin: Prometheus metrics (live API, saved expositions and query results) stored, charted and checked for anomalies. */
public final class MetricsPlugin implements Plugin {

    /** The plugin id. */
    public static final String ID = "metrics";
    /** The id of the metrics view (the {@code source} of the time ranges it publishes). */
    public static final String VIEW_ID = "metrics.view";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "Metrics", "0.1.0", "core@[0.1,1.0)").withCapabilities("import:metrics", "view");
    }

    @Override
    public void init(PluginContext context) {
        Messages messages = context.messages("dev.triage.plugin.metrics.messages");
        DuckDbMetricsStore store = new DuckDbMetricsStore();
        QuerySets sets = new QuerySets(context.paths().data().resolve("metrics").resolve("query-sets"), store);
        MetricsService service = new MetricsService(store, context.cases(), new PrometheusSources(context.connections()), sets,
                Clock.systemUTC());
        context.register(SchemaMigrations.class, MetricsSchema.MIGRATIONS);
        context.register(FileImporter.class, new MetricsImporter(store));
        context.register(ReportContributor.class, new MetricsReport(service, new MetricsReport.Titles(messages.get("report.section"),
                messages.get("report.changed"), Stream.of("time", "chart", "series", "value", "median", "score", "marks")
                        .map(c -> messages.get("column." + c)).toList(), messages.get("report.none"))));
        context.command(new CommandSpec<>("metrics.import", messages.get("command.import.title"),
                messages.get("command.import.description"), ImportArgs.class), (args, ctx) -> importFiles(context, args));
        context.command(new CommandSpec<>("metrics.fetch", messages.get("command.fetch.title"),
                messages.get("command.fetch.description"), FetchArgs.class), service::fetch);
        context.command(new CommandSpec<>("metrics.incident", messages.get("command.incident.title"),
                messages.get("command.incident.description"), IncidentArgs.class), (args, ctx) -> service.incident(args));
        context.command(new CommandSpec<>("metrics.chart", messages.get("command.chart.title"),
                messages.get("command.chart.description"), ChartArgs.class), (args, ctx) -> service.chart(args));
        context.command(new CommandSpec<>("metrics.anomalies", messages.get("command.anomalies.title"),
                messages.get("command.anomalies.description"), AnomalyArgs.class), (args, ctx) -> service.anomalies(args));
        context.command(new CommandSpec<>("metrics.query-sets", messages.get("command.query-sets.title"),
                messages.get("command.query-sets.description"), QuerySetArgs.class), (args, ctx) -> args == null || args.name() == null
                        ? String.join("\n", sets.names()) : QuerySets.shipped(args.name()));
        context.register(ViewContribution.class, new ViewContribution(VIEW_ID, messages.get("view.title"), "mdi2c-chart-line",
                DockArea.CENTER, () -> MetricsView.create(service, context.cases(), context.tasks(), context.events(), messages,
                        context.connections())));
    }

    /** Imports metric files into the open case, refusing files that are no metric file before anything is imported. */
    private static ImportSummary importFiles(PluginContext context, ImportArgs args) throws Exception {
        Case target = context.cases().current()
                .orElseThrow(() -> new IllegalArgumentException("No case is open: give --case DIR (create one with: triage case new DIR)"));
        if (args == null || args.files() == null || args.files().isEmpty()) {
            throw new IllegalArgumentException("Give at least one file: triage metrics import FILE... --case DIR");
        }
        List<Path> files = new ArrayList<>();
        MetricsImporter probe = new MetricsImporter(null);
        for (String name : args.files()) {
            Path f = Path.of(name);
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("No such file: " + f.toAbsolutePath());
            }
            byte[] head;
            try (var in = Files.newInputStream(f)) {
                head = in.readNBytes(8192);
            }
            if (probe.claim(f, head) == 0) {
                throw new IllegalArgumentException(f + " is no Prometheus exposition, query_range JSON or Grafana dashboard");
            }
            files.add(f);
        }
        try {
            return context.imports().importFiles(target, files).result().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }
}
