package dev.triage.plugin.logs;

import dev.triage.core.cases.SchemaMigrations;
import dev.triage.core.command.CommandSpec;
import dev.triage.core.imports.FileImporter;
import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.ViewContribution;
import dev.triage.plugin.logs.application.HitFactsArgs;
import dev.triage.plugin.logs.application.ImportArgs;
import dev.triage.plugin.logs.application.ImportOptions;
import dev.triage.plugin.logs.application.FactsArgs;
import dev.triage.plugin.logs.application.LogsReport;
import dev.triage.plugin.logs.application.RememberArgs;
import dev.triage.plugin.logs.application.SearchArgs;
import dev.triage.plugin.logs.application.TimelineArgs;
import dev.triage.plugin.logs.application.ZoneArgs;
import dev.triage.plugin.logs.infrastructure.DuckDbLogFiles;
import dev.triage.plugin.logs.infrastructure.DuckDbLogQueries;
import dev.triage.plugin.logs.infrastructure.DuckDbLogs;
import dev.triage.plugin.logs.infrastructure.LogImporter;
import dev.triage.plugin.logs.infrastructure.LogSchema;
import dev.triage.plugin.logs.infrastructure.LogSearcher;
import dev.triage.plugin.logs.infrastructure.HitFacts;
import dev.triage.plugin.logs.infrastructure.LogsMcpServer;
import dev.triage.plugin.logs.ui.LogsView;

/** Built-in plugin for server logs: import, search, facts, a merged timeline across files, and a report section. */
public final class LogsPlugin implements Plugin {

    /** The plugin id. */
    public static final String ID = "logs";
    /** The id of the timeline view. */
    public static final String VIEW_ID = "logs.view";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "Log timeline", "0.1.0", "core@[0.1,1.0)").withCapabilities("import:logs", "view");
    }

    @Override
    public void init(PluginContext context) {
        DuckDbLogs logs = new DuckDbLogs(context.cases(), context.events());
        context.register(SchemaMigrations.class, LogSchema.MIGRATIONS);
        context.register(FileImporter.class, new LogImporter(ImportOptions.DEFAULT, logs.facts()));
        context.command(new CommandSpec<>("logs.import", "Import server logs",
                "Imports log files and folders into the case: DIR... [--glob '*.log*'] [--exclude '*.json'] [--tz +08:00] [--encoding GBK] [--year 2026]",
                ImportArgs.class), logs::importFiles);
        LogSearcher searcher = new LogSearcher();
        context.command(new CommandSpec<>("logs.search", "Search the case's logs",
                "Finds lines: --must a --any b --none c --regex 're' [--ignore-case true] [--since ..] [--until ..] [--max-hits 500]"
                        + " [--context 3] [--file NAME] [--cursor C] [--budget-ms 30000]", SearchArgs.class),
                (args, ctx) -> searcher.search(logs.current(), args, ctx));
        context.register(SchemaMigrations.class, HitFacts.MIGRATIONS);
        HitFacts hitFacts = new HitFacts(searcher);
        context.command(new CommandSpec<>("logs.hit-facts", "Facts in search hits",
                "Runs the fact rules over the hits of a search and counts them per rule and file: --must a --any b --none c"
                        + " --regex 're' [--since ..] [--until ..] [--max-hits 500] [--file NAME] [--limit 50]", HitFactsArgs.class),
                (args, ctx) -> hitFacts.run(logs.current(), args, ctx));
        DuckDbLogQueries queries = new DuckDbLogQueries(logs);
        context.register(ReportContributor.class, new LogsReport(queries));
        context.command(new CommandSpec<>("logs.timeline", "Merged timeline",
                "Lists the entries of all files in time order: [--since ..] [--until ..] [--level WARN] [--file NAME] [--text ..]"
                        + " [--fact RULE] [--limit 200] [--cursor C]", TimelineArgs.class),
                (args, ctx) -> queries.timeline(logs.current(), args));
        context.command(new CommandSpec<>("logs.facts", "Facts in the logs",
                "Counts facts per rule and file and lists them: [--refresh true] [--rule NAME] [--limit 50]", FactsArgs.class),
                (args, ctx) -> queries.facts(args));
        context.command(new CommandSpec<>("logs.remember", "Note or bookmark a line",
                "Keeps a note or bookmark on a line: --file NAME --line N [--kind note|bookmark] [--key K] --text '...'",
                RememberArgs.class), (args, ctx) -> queries.remember(args));
        context.command(CommandSpec.of("logs.notes", "Notes on log lines", "Lists the notes and bookmarks kept on log lines"),
                (args, ctx) -> queries.notes());
        context.command(CommandSpec.of("logs.report", "Logs report",
                "The logs section of the report: summary, important events, facts, notes (--format markdown|json)"),
                (args, ctx) -> queries.report(logs.current()));
        context.register(ViewContribution.class, new ViewContribution(VIEW_ID, "Log timeline", "mdi2t-timeline-text-outline",
                DockArea.CENTER, () -> LogsView.create(queries, new DuckDbLogFiles(logs), context.cases(), context.tasks(), context.events())));
        dev.triage.core.ui.ShowCommand.register(context, "log", VIEW_ID, "Show a log line", ref -> describeLine(logs, queries, ref));
        context.command(CommandSpec.of("logs.files", "List log files", "Lists the case's log files with encoding, formats, zone and counts"),
                (args, ctx) -> logs.files(logs.current()));
        context.command(CommandSpec.of("mcp", "MCP server over stdio",
                "Serves the case's logs to an AI assistant as an MCP server on stdin/stdout (tools: search, timeline, facts,"
                        + " remember, notes, files, report) until stdin closes: triage mcp --case DIR"),
                (args, ctx) -> {
                    logs.current();
                    LogsMcpServer.serveStdio(context.commands(), ctx);
                    return null;
                });
        context.command(new CommandSpec<>("logs.zone", "Set the case's zone",
                "Sets the zone given to time stamps without one in files imported later: --zone Asia/Shanghai", ZoneArgs.class),
                (args, ctx) -> logs.setZone(args.zone()));
    }

    private static String describeLine(DuckDbLogs logs, DuckDbLogQueries queries, String ref) throws Exception {
        int colon = ref.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("A log link is FILE:LINE, not " + ref);
        }
        String name = ref.substring(0, colon);
        long line = Long.parseLong(ref.substring(colon + 1).trim());
        var c = logs.current();
        var file = logs.files(c).stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No log file " + name + " in the open case"));
        return name + ":" + line + System.lineSeparator() + String.join(System.lineSeparator(), queries.context(c, file.id(), line, 0, 0));
    }
}
