package dev.triage.plugin.kafkadiag;

import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.diag.infrastructure.DiagnosticsRegistration;
import dev.triage.plugin.kafkadiag.domain.KafkaDetails;
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
        DiagnosticsRegistration.register(context, new KafkaDiagnostics(context.paths().config()), "kafka", "Kafka diagnostics",
                "Diagnoses a saved Kafka connection (brokers, topics, consumer-group lag with a Burrow-like status):"
                        + " --connection NAME [--category brokers,topics,groups]", VIEW_ID,
                KafkaDetails::tables);
    }
}
