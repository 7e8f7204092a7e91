package dev.triage.plugin.casefiles;

import dev.triage.core.cases.CaseEvents;
import dev.triage.core.cases.SchemaMigrations;
import dev.triage.core.command.CommandSpec;
import dev.triage.core.i18n.Messages;
import dev.triage.core.imports.FileImporter;
import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.ViewContribution;
import dev.triage.core.report.ReportContributor;
import dev.triage.plugin.casefiles.application.CaseFiles;
import dev.triage.plugin.casefiles.application.CaseFilesReport;
import dev.triage.plugin.casefiles.infrastructure.CaseFilesRepository;
import dev.triage.plugin.casefiles.infrastructure.CaseFilesSchema;
import dev.triage.plugin.casefiles.infrastructure.CopyImporter;
import dev.triage.plugin.casefiles.ui.CaseFilesView;

/** Built-in plugin that copies any file into the case (the fallback importer) and lists the case's files. */
public final class CaseFilesPlugin implements Plugin {

    /** The plugin id. */
    public static final String ID = "casefiles";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "Case files", "0.1.0", "core@[0.1,1.0)").withCapabilities("import:*", "view");
    }

    @Override
    public void init(PluginContext context) {
        Messages messages = context.messages("dev.triage.plugin.casefiles.messages");
        CaseFilesRepository repository = new CaseFilesRepository();
        CaseFiles files = new CaseFiles(context.cases(), repository);
        context.register(ReportContributor.class, new CaseFilesReport(repository, new CaseFilesReport.Titles(
                messages.get("report.notes"), messages.get("report.files"), messages.get("column.name"),
                messages.get("column.lines"), messages.get("column.bytes"))));
        context.register(SchemaMigrations.class, CaseFilesSchema.MIGRATIONS);
        context.register(FileImporter.class, new CopyImporter());
        context.command(CommandSpec.of("casefiles.list", messages.get("command.list.title"), messages.get("command.list.description")),
                (args, ctx) -> files.list());
        context.register(ViewContribution.class, new ViewContribution("casefiles.view", messages.get("view.title"),
                "mdi2f-file-multiple-outline", DockArea.LEFT,
                () -> new CaseFilesView(files, messages, context.events(), CaseEvents.Opened.class, CaseEvents.Imported.class)));
    }
}
