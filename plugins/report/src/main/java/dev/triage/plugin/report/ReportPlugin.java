package dev.triage.plugin.report;

import dev.triage.core.cases.Case;
import dev.triage.core.command.CommandSpec;
import dev.triage.core.i18n.Messages;
import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.core.report.Report;
import dev.triage.core.report.ReportBuilder;
import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.ViewContribution;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.report.ReportFinisher;
import dev.triage.plugin.report.application.ExportArgs;
import dev.triage.plugin.report.application.FindingsReport;
import dev.triage.plugin.report.infrastructure.TimelineReport;
import dev.triage.plugin.report.application.LayoutArgs;
import dev.triage.plugin.report.application.ReportComposer;
import dev.triage.plugin.report.application.SectionRow;
import dev.triage.plugin.report.application.SensitiveArgs;
import dev.triage.plugin.report.domain.ReportLayout;
import dev.triage.plugin.report.domain.SecretRedactor;
import dev.triage.plugin.report.infrastructure.LayoutStore;
import dev.triage.plugin.report.infrastructure.ReportService;
import dev.triage.plugin.report.ui.ReportView;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** Built-in plugin that composes the case report: the user's section order and selection, notes, conclusion, HTML export. */
public final class ReportPlugin implements Plugin {

    /** The plugin id. */
    public static final String ID = "report";
    /** The id of the report view. */
    public static final String VIEW_ID = "report.view";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "Case report", "0.1.0", "core@[0.1,1.0)").withCapabilities("report", "view");
    }

    @Override
    public void init(PluginContext context) {
        Messages m = context.messages("dev.triage.plugin.report.messages");
        ReportService service = new ReportService(new ReportBuilder(context.services(), context.sandbox()), context.connections(),
                new ReportComposer(m.get("summary.title"), m.get("summary.conclusion"), m.get("summary.notes")));
        context.register(ReportService.class, service);
        // triage case report and File > Export report go through the same layout and secret removal.
        context.register(ReportFinisher.class, (request, built) ->
                service.compose(request.currentCase(), built, LayoutStore.load(request.currentCase())));
        context.register(ReportContributor.class, new TimelineReport(m.get("timeline.title"),
                List.of(m.get("timeline.time"), m.get("timeline.source"), m.get("timeline.event"))));
        context.register(ReportContributor.class, new FindingsReport(m.get("findings.title"),
                List.of(m.get("findings.severity"), m.get("findings.plugin"), m.get("findings.count"))));
        context.command(new CommandSpec<>("report", m.get("command.export.title"), m.get("command.export.description"),
                ExportArgs.class), (args, task) -> {
                    Case c = current(context);
                    task.progress(0, "building the report");
                    var w = service.export(c, args == null || args.out() == null || args.out().isBlank() ? null : Path.of(args.out()),
                            ReportService.Format.parse(args == null ? null : args.as()));
                    task.progress(1, "done");
                    return w;
                });
        context.command(new CommandSpec<>("report.sections", m.get("command.sections.title"), m.get("command.sections.description"),
                dev.triage.core.command.NoArgs.class), (args, task) -> sections(service, current(context)));
        context.command(new CommandSpec<>("report.layout", m.get("command.layout.title"), m.get("command.layout.description"),
                LayoutArgs.class), (args, task) -> {
                    Case c = current(context);
                    LayoutStore.save(c, applyLayout(LayoutStore.load(c), args));
                    return sections(service, c);
                });
        context.command(new CommandSpec<>("report.sensitive", m.get("command.sensitive.title"), m.get("command.sensitive.description"),
                SensitiveArgs.class), (args, task) -> {
                    Case c = current(context);
                    if (args == null || args.values() == null || args.values().isEmpty()) {
                        throw new IllegalArgumentException("Give the values to keep out of reports: triage report sensitive VALUE... --case DIR");
                    }
                    ReportLayout layout = LayoutStore.load(c);
                    for (String v : args.values()) {
                        layout = layout.withSensitive(sensitive(v));
                    }
                    LayoutStore.save(c, layout);
                    return "Marked " + args.values().size() + " value(s) as sensitive; the case keeps only their salted hashes";
                });
        context.register(ViewContribution.class, new ViewContribution(VIEW_ID, m.get("view.title"), "mdi2f-file-document-outline",
                DockArea.CENTER, () -> ReportView.create(service, context.cases(), context.tasks(), m)));
    }

    /**
     * Hashes a value the user marked as sensitive with a fresh random salt.
     *
     * @param value the value
     * @return the hashed value
     */
    public static SecretRedactor.SensitiveValue sensitive(String value) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return SecretRedactor.SensitiveValue.of(HexFormat.of().formatHex(salt), value);
    }

    private static Case current(PluginContext context) {
        return context.cases().current()
                .orElseThrow(() -> new IllegalArgumentException("No case is open: give --case DIR (create one with: triage case new DIR)"));
    }

    private static List<SectionRow> sections(ReportService service, Case c) throws Exception {
        Report raw = service.raw(c, Instant.now());
        ReportLayout layout = LayoutStore.load(c);
        List<SectionRow> rows = new ArrayList<>();
        for (String t : layout.ordered(ReportComposer.titles(raw))) {
            rows.add(new SectionRow(rows.size() + 1, t, !layout.hidden().contains(t)));
        }
        return rows;
    }

    /**
     * Applies the {@code report layout} arguments to a layout; what is not given stays.
     *
     * @param layout the current layout
     * @param args the arguments
     * @return the new layout
     */
    static ReportLayout applyLayout(ReportLayout layout, LayoutArgs args) {
        if (args == null) {
            return layout;
        }
        List<String> order = args.order() == null || args.order().isEmpty() ? layout.order() : args.order();
        Set<String> hidden = new HashSet<>(layout.hidden());
        hidden.addAll(split(args.hide()));
        split(args.show()).forEach(hidden::remove);
        ReportLayout out = layout.withSections(order, hidden);
        if (args.conclusion() != null) {
            out = out.withConclusion(args.conclusion());
        }
        return out.withOptions(args.notes() == null ? out.includeNotes() : args.notes(),
                args.maskLiterals() == null ? out.maskLiterals() : args.maskLiterals());
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
