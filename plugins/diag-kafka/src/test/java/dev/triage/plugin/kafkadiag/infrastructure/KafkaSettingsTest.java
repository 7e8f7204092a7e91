package dev.triage.plugin.kafkadiag.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The AdminClient settings built from a saved connection: SASL PLAIN/SCRAM and TLS, the password only in memory. */
class KafkaSettingsTest {

    @Test
    void scramOverTlsBuildsTheJaasLineFromTheSecret() {
        ConnectionTarget t = new ConnectionTarget("events", "events", ConnectionKind.KAFKA, "k1.example", 9093, "svc-triage",
                Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "ssl.truststore.location", "/etc/kafka/trust.jks",
                        "bootstrap.servers", "k1.example:9093,k2.example:9093"));
        Properties p = KafkaDiagnostics.properties(t, "s3cr\"t".toCharArray());
        assertThat(p).containsEntry("bootstrap.servers", "k1.example:9093,k2.example:9093").containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("ssl.truststore.location", "/etc/kafka/trust.jks");
        assertThat(p.getProperty("sasl.jaas.config")).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"svc-triage\" password=\"s3cr\\\"t\";");
        assertThat(t.options()).doesNotContainKey("sasl.jaas.config");
    }

    @Test
    void plainAndNoSasl() {
        ConnectionTarget plain = new ConnectionTarget("e", "e", ConnectionKind.KAFKA, "h", 9092, "u", Map.of("sasl.mechanism", "PLAIN",
                "security.protocol", "SASL_PLAINTEXT"));
        assertThat(KafkaDiagnostics.properties(plain, "pw".toCharArray()).getProperty("sasl.jaas.config"))
                .startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\"");
        Properties none = KafkaDiagnostics.properties(new ConnectionTarget("e", "e", ConnectionKind.KAFKA, "h", 9092, "", Map.of()), null);
        assertThat(none).containsEntry("bootstrap.servers", "h:9092").doesNotContainKey("sasl.jaas.config").doesNotContainKey("security.protocol");
    }
}
