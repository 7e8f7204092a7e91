package dev.triage.plugin.logs;

import dev.triage.core.cases.SchemaMigrations;
import dev.triage.core.command.CommandSpec;
import dev.triage.core.imports.FileImporter;
import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.plugin.logs.application.ImportArgs;
import dev.triage.plugin.logs.application.ImportOptions;
import dev.triage.plugin.logs.application.SearchArgs;
import dev.triage.plugin.logs.application.ZoneArgs;
import dev.triage.plugin.logs.infrastructure.DuckDbLogs;
import dev.triage.plugin.logs.infrastructure.LogImporter;
import dev.triage.plugin.logs.infrastructure.LogSchema;
import dev.triage.plugin.logs.infrastructure.LogSearcher;

/** Built-in plugin for server logs: import, search, facts, a merged timeline across files, and a report section. */
public final class LogsPlugin implements Plugin {

    /** The plugin id. */
    public static final String ID = "logs";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "Log timeline", "0.1.0", "core@[0.1,1.0)").withCapabilities("import:logs", "view");
    }

    @Override
    public void init(PluginContext context) {
        DuckDbLogs logs = new DuckDbLogs(context.cases());
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
        context.command(CommandSpec.of("logs.files", "List log files", "Lists the case's log files with encoding, formats, zone and counts"),
                (args, ctx) -> logs.files(logs.current()));
        context.command(new CommandSpec<>("logs.zone", "Set the case's zone",
                "Sets the zone given to time stamps without one in files imported later: --zone Asia/Shanghai", ZoneArgs.class),
                (args, ctx) -> logs.setZone(args.zone()));
    }
}
