package dev.triage.plugin.kafkadiag;

import dev.triage.core.command.CommandSpec;
import dev.triage.core.diagnostics.MiddlewareDiagnostics;
import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.ViewContribution;
import dev.triage.diag.infrastructure.DiagnosticsService;
import dev.triage.diag.infrastructure.LiveArgs;
import dev.triage.diag.ui.DiagnosticsView;
import dev.triage.plugin.kafkadiag.infrastructure.KafkaDiagnostics;

/** Built-in plugin that diagnoses Kafka clusters (brokers, topics, consumer-group lag), live or from tool dumps. */
public final class KafkaDiagnosticsPlugin implements Plugin {

    /** The id of the diagnostics view. */
    public static final String VIEW_ID = "kafka-diagnostics.view";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(KafkaDiagnostics.ID, "Kafka diagnostics", "0.1.0", "core@[0.1,1.0)")
                .withCapabilities("view", "diagnostics:kafka", "connection:kafka", "dump:kafka-groups", "dump:kafka-topics");
    }

    @Override
    public void init(PluginContext context) {
        KafkaDiagnostics diagnostics = new KafkaDiagnostics(context.paths().config());
        context.register(MiddlewareDiagnostics.class, diagnostics);
        DiagnosticsService service = new DiagnosticsService(context.services(), context.cases(), context::connections);
        context.command(new CommandSpec<>("diag.kafka", "Diagnose a Kafka cluster",
                "Diagnoses a saved Kafka connection (brokers, topics, consumer-group lag with a Burrow-like status):"
                        + " --connection NAME [--category brokers,topics,groups]", LiveArgs.class),
                (args, task) -> service.diagnoseLive(diagnostics, args));
        context.register(ViewContribution.class, new ViewContribution(VIEW_ID, "Kafka diagnostics", "mdi2s-stethoscope", DockArea.CENTER,
                () -> DiagnosticsView.create(diagnostics, service, context::connections, context.cases(), context.tasks())));
    }
}
