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
import dev.triage.plugin.slowlog.application.CaseCompareArgs;
import dev.triage.plugin.slowlog.application.CaseDigestArgs;
import dev.triage.plugin.slowlog.application.CompareArgs;
import dev.triage.plugin.slowlog.application.DigestArgs;
import dev.triage.plugin.slowlog.application.DigestRow;
import dev.triage.plugin.slowlog.application.DigestReport;
import dev.triage.plugin.slowlog.application.ImportArgs;
import dev.triage.plugin.slowlog.application.SlowLogDigests;
import dev.triage.plugin.slowlog.application.SlowLogReport;
import dev.triage.plugin.slowlog.infrastructure.DuckDbSlowLogStore;
import dev.triage.plugin.slowlog.infrastructure.SlowLogImporter;
import dev.triage.plugin.slowlog.infrastructure.SlowLogSchema;
import dev.triage.plugin.slowlog.ui.SlowLogView;
import dev.triage.core.cases.Case;
import dev.triage.core.cases.ImportSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
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
                        .map(c -> messages.get("column." + c)).toList(), messages.get("report.chart"), messages.get("report.compare"),
                Stream.of("status", "id", "calls-a", "calls-b", "total-a", "total-b", "p95-a", "p95-b", "fingerprint")
                        .map(c -> messages.get("report.compare." + c)).toList())));
        context.command(new CommandSpec<>("slowlog.digest", messages.get("command.digest.title"),
                messages.get("command.digest.description"), DigestArgs.class),
                (args, ctx) -> new DigestReport(digests.digestFiles(args, ctx)));
        context.command(new CommandSpec<>("slowlog.compare", messages.get("command.compare.title"),
                messages.get("command.compare.description"), CompareArgs.class), digests::compareFiles);
        context.command(new CommandSpec<>("slowlog.case-digest", messages.get("command.case-digest.title"),
                messages.get("command.case-digest.description"), CaseDigestArgs.class),
                (args, ctx) -> new DigestReport(digests.digestCase(args)));
        context.command(new CommandSpec<>("slowlog.case-compare", messages.get("command.case-compare.title"),
                messages.get("command.case-compare.description"), CaseCompareArgs.class), (args, ctx) -> digests.compareCase(args));
        context.command(new CommandSpec<>("slowlog.import", messages.get("command.import.title"),
                messages.get("command.import.description"), ImportArgs.class), (args, ctx) -> importFiles(context, args));
        dev.triage.core.ui.ShowCommand.register(context, "slowlog", VIEW_ID, messages.get("command.show.title"),
                ref -> describe(digests, ref));
        context.register(ViewContribution.class, new ViewContribution(VIEW_ID, messages.get("view.title"), "mdi2d-database-clock-outline",
                DockArea.CENTER, () -> SlowLogView.create(digests, context.cases(), context.tasks(), context.events(), messages,
                context.commands())));
    }

    /** Imports slow logs into the open case, refusing files that are no slow log before anything is imported. */
    private static ImportSummary importFiles(PluginContext context, ImportArgs args) throws Exception {
        Case target = context.cases().current()
                .orElseThrow(() -> new IllegalArgumentException("No case is open: give --case DIR (create one with: triage case new DIR)"));
        if (args == null || args.files() == null || args.files().isEmpty()) {
            throw new IllegalArgumentException("Give at least one slow log: triage slowlog import FILE... --case DIR");
        }
        List<Path> files = new ArrayList<>();
        for (String name : args.files()) {
            Path f = Path.of(name);
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("No such file: " + f.toAbsolutePath());
            }
            if (!SlowLogImporter.accepts(f)) {
                throw new IllegalArgumentException(f + " does not look like a MySQL, MariaDB or TiDB slow log");
            }
            files.add(f);
        }
        try {
            return context.imports().importFiles(target, files).result().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    private static String describe(SlowLogDigests digests, String checksum) throws Exception {
        List<DigestRow> rows = digests.digestCase(new CaseDigestArgs(Integer.MAX_VALUE, null, null, null, null, null, null, null, null,
                null, null));
        DigestRow row = rows.stream().filter(r -> r.checksum().equalsIgnoreCase(checksum)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No slow-log class " + checksum + " in the open case"));
        return String.format(java.util.Locale.ROOT, "Class %s: %d calls, %.3f s in all%n%s", row.checksum(), row.count(),
                row.queryTime().sum(), row.fingerprint());
    }
}
