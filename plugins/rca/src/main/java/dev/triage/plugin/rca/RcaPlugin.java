package dev.triage.plugin.rca;

import dev.triage.core.cases.Case;
import dev.triage.core.command.CommandSpec;
import dev.triage.core.i18n.Messages;
import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.ViewContribution;
import dev.triage.plugin.rca.application.KnownIssueArgs;
import dev.triage.plugin.rca.application.RcaArgs;
import dev.triage.plugin.rca.infrastructure.CaseAnalyser;
import dev.triage.plugin.rca.infrastructure.FindingText;
import dev.triage.plugin.rca.infrastructure.KnownIssueLookup;
import dev.triage.plugin.rca.infrastructure.RuleFile;
import dev.triage.plugin.rca.ui.RcaView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Built-in plugin that turns evidence across the case's tables into root-cause hypotheses and known-issue matches. */
public final class RcaPlugin implements Plugin {

    /** The plugin id. */
    public static final String ID = "rca";
    /** The id of the RCA view. */
    public static final String VIEW_ID = "rca.view";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "Root-cause analysis", "0.1.0", "core@[0.1,1.0)").withCapabilities("view");
    }

    @Override
    public void init(PluginContext context) {
        Messages m = context.messages("dev.triage.plugin.rca.messages");
        CaseAnalyser shipped = new CaseAnalyser(RuleFile.shipped());
        KnownIssueLookup known = new KnownIssueLookup(KnownIssueLookup.shipped(),
                dev.triage.plugin.rca.infrastructure.OnlineKnownIssues.standard(context.paths().cache().resolve("known-issues")));
        context.register(ReportContributor.class, new dev.triage.plugin.rca.infrastructure.RcaReport(shipped, m.get("report.title")));
        context.register(ReportContributor.class, new dev.triage.plugin.rca.infrastructure.KnownIssueReport(known, m.get("report.known")));
        context.command(new CommandSpec<>("rca", m.get("command.rca.title"), m.get("command.rca.description"), RcaArgs.class),
                (args, task) -> {
                    CaseAnalyser analyser = shipped;
                    if (args != null && args.rules() != null && !args.rules().isBlank()) {
                        Path f = Path.of(args.rules());
                        analyser = new CaseAnalyser(RuleFile.parse(Files.readString(f, StandardCharsets.UTF_8), f.toString()));
                    }
                    return analyser.analyse(current(context));
                });
        context.command(new CommandSpec<>("rca.known-issues", m.get("command.known.title"), m.get("command.known.description"),
                KnownIssueArgs.class), (args, task) -> known.run(args, context.cases().current().orElse(null)));
        // findings have no view of their own: the root-cause view shows the one an evidence link names
        dev.triage.core.ui.ShowCommand.register(context, "finding", VIEW_ID, m.get("command.finding.title"),
                title -> FindingText.describe(FindingText.find(current(context), title)));
        context.register(ViewContribution.class, new ViewContribution(VIEW_ID, m.get("view.title"), "mdi2l-lightbulb-on-outline",
                DockArea.CENTER, () -> RcaView.create(shipped, known, context.cases(), context.tasks(), context.commands(), m)));
    }

    private static Case current(PluginContext context) {
        return context.cases().current()
                .orElseThrow(() -> new IllegalArgumentException("No case is open: give --case DIR (create one with: triage case new DIR)"));
    }
}
